/// Why a token, a key or a revocation list cannot be used, and what would fix it, as values.
///
/// The message says what is wrong in plain words and names no command: each front end
/// words ``remedy`` its own way (a command-line flag, a form hint, a line on the page).
public struct VerificationError: Error, CustomStringConvertible, Sendable, Equatable {
    /// Whether the fault is in what was read (data) or in reaching a file (input/output).
    public enum Kind: Sendable, Equatable {
        case data, io
    }

    /// What would put it right.
    public enum Remedy: Sendable, Equatable {
        /// Make the organisation a signing key.
        case generateSigningKey
        /// Take read permission away from everyone but the owner of the key file at this path.
        case restrictKeyFile(path: String)
        /// Write the issuers' public keys file again from the database.
        case exportPublicKeys
        /// Write the signed revocation list again from the database.
        case exportRevocationList
        /// Shorten the organiser's name, the course code or the serial format.
        case shortenSignedText
        /// Give another file name: the one given exists.
        case chooseAnotherFile
    }

    public let kind: Kind
    public let message: String
    public let remedy: Remedy?

    public init(_ kind: Kind, _ message: String, remedy: Remedy? = nil) {
        self.kind = kind
        self.message = message
        self.remedy = remedy
    }

    static func data(_ message: String, remedy: Remedy? = nil) -> VerificationError {
        VerificationError(.data, message, remedy: remedy)
    }

    static func io(_ message: String, remedy: Remedy? = nil) -> VerificationError {
        VerificationError(.io, message, remedy: remedy)
    }

    public var description: String { message }
}
