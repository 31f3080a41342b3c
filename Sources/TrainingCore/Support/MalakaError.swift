/// An error that says what went wrong, where, and what to do about it.
///
/// Every error the library throws at its callers is a `MalakaError`. Its
/// ``kind`` tells a command-line front end which exit status to use: usage
/// errors exit 64, data errors 65 and input/output errors 74 (the BSD
/// `sysexits.h` values).
///
/// For example:
/// ```swift
/// throw MalakaError.data("No course with code “PS-X”. Run `malaka course list` to see the codes.")
/// ```
public struct MalakaError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What kind of problem this is; extensible without breaking callers.
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        private enum Code: Hashable, Sendable { case usage, data, io }
        private let code: Code

        /// The command was called the wrong way (a missing or contradictory option).
        public static let usage = Kind(code: .usage)
        /// The input was well formed but wrong: an unknown code, a date that does not exist, a rule broken.
        public static let data = Kind(code: .data)
        /// A file could not be read or written.
        public static let io = Kind(code: .io)

        /// The `sysexits.h` status a command-line tool exits with.
        public var exitCode: Int32 {
            switch code {
            case .usage: 64
            case .data: 65
            case .io: 74
            }
        }

        public var description: String {
            switch code {
            case .usage: "usage"
            case .data: "data"
            case .io: "io"
            }
        }
    }

    public let kind: Kind
    /// One or more sentences: what is wrong, where, and what to do.
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public static func usage(_ message: String) -> MalakaError { MalakaError(.usage, message) }
    public static func data(_ message: String) -> MalakaError { MalakaError(.data, message) }
    public static func io(_ message: String) -> MalakaError { MalakaError(.io, message) }

    public var description: String { message }
}
