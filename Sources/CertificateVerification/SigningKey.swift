import Crypto
import Foundation

/// An organisation's Ed25519 key pair for signing certificate tokens.
///
/// The private key lives in a file readable only by its owner (mode 0600) and
/// is never written to the database, an export or a report.
public struct SigningKey: Sendable {
    let privateKey: Curve25519.Signing.PrivateKey

    /// The first 8 bytes of the SHA-256 of the public key, printed in hex to tell keys apart.
    public var id: Data { PublicSigningKey.id(of: privateKey.publicKey) }
    public var publicKey: PublicSigningKey { PublicSigningKey(publicKey: privateKey.publicKey) }

    public static func generate() -> SigningKey {
        SigningKey(privateKey: Curve25519.Signing.PrivateKey())
    }

    /// Writes the private key to a new file with owner-only permissions.
    public func write(to path: String) throws {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw VerificationError.io("\(path) already exists; a signing key is never overwritten.", remedy: .chooseAnotherFile)
        }
        let text = "MALAKA ED25519 PRIVATE KEY\n" + privateKey.rawRepresentation.base64EncodedString() + "\n"
        // 0600 from the start, so the key is never readable by others, not even for a moment; written whole
        // under a temporary name, flushed, then linked to its own name only if no file has it (link refuses an
        // existing name), so a key is never half-written under its name and never overwritten.
        // (MalakaSupport's AtomicFile does the same; this module depends on Foundation and swift-crypto only.)
        // A random part, so that two threads of one process making the same key name never share a
        // temporary, and nobody can plant a link at a name they guessed.
        let random = String(UInt64.random(in: .min ... .max), radix: 16)
        let temporary = path + ".\(ProcessInfo.processInfo.processIdentifier)-\(random).partial"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else {
            throw VerificationError.io("Cannot create the key file \(path): \(String(cString: strerror(errno))).")
        }
        defer { unlink(temporary) }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        do {
            try handle.write(contentsOf: Data(text.utf8))
            try handle.synchronize()
        } catch {
            throw VerificationError.io("Cannot write the key file \(path): \(error.localizedDescription)")
        }
        guard link(temporary, path) == 0 else {
            if errno == EEXIST {
                throw VerificationError.io("\(path) already exists; a signing key is never overwritten.", remedy: .chooseAnotherFile)
            }
            throw VerificationError.io("Cannot write the key file \(path): \(String(cString: strerror(errno))).")
        }
    }

    /// Reads a private key file, refusing one that others can read.
    public init(contentsOf path: String) throws {
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: path)
        } catch {
            throw VerificationError.io("Cannot read the signing key \(path).", remedy: .generateSigningKey)
        }
        if let permissions = attributes[.posixPermissions] as? Int, permissions & 0o077 != 0 {
            throw VerificationError.io("The signing key \(path) can be read by others (mode \(String(permissions, radix: 8))).",
                                     remedy: .restrictKeyFile(path: path))
        }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw VerificationError.io("Cannot read the signing key \(path).")
        }
        let lines = text.split(separator: "\n").map(String.init)
        guard lines.count == 2, lines[0] == "MALAKA ED25519 PRIVATE KEY", let raw = Data(base64Encoded: lines[1]),
              let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: raw)
        else {
            throw VerificationError.data("\(path) is not a Malaka signing key.")
        }
        privateKey = key
    }

    init(privateKey: Curve25519.Signing.PrivateKey) {
        self.privateKey = privateKey
    }
}
