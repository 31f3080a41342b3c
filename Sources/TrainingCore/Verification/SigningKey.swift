import Crypto
import Foundation
import MalakaSupport

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
            throw MalakaError.io("\(path) already exists; a signing key is never overwritten. Give another file name.")
        }
        let text = "MALAKA ED25519 PRIVATE KEY\n" + privateKey.rawRepresentation.base64EncodedString() + "\n"
        // 0600 from the start, so the key is never readable by others, not even for a moment; written whole
        // under a temporary name and linked to its own only if no file has it, so a key is never overwritten.
        do {
            let file = try AtomicFile(destination: URL(fileURLWithPath: path), permissions: 0o600)
            defer { file.discard() }
            try file.write(Data(text.utf8))
            guard try file.publishWithoutReplacing() else {
                throw MalakaError.io("\(path) already exists; a signing key is never overwritten. Give another file name.")
            }
        } catch let error as FileWriteError {
            throw MalakaError.io("Cannot write the key file: \(error.description)")
        }
    }

    /// Reads a private key file, refusing one that others can read.
    public init(contentsOf path: String) throws {
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: path)
        } catch {
            throw MalakaError.io("Cannot read the signing key \(path). Create one with `malaka keys generate`.")
        }
        if let permissions = attributes[.posixPermissions] as? Int, permissions & 0o077 != 0 {
            throw MalakaError.io("The signing key \(path) can be read by others (mode \(String(permissions, radix: 8))). Run `chmod 600 \(path)` and keep it private.")
        }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw MalakaError.io("Cannot read the signing key \(path).")
        }
        let lines = text.split(separator: "\n").map(String.init)
        guard lines.count == 2, lines[0] == "MALAKA ED25519 PRIVATE KEY", let raw = Data(base64Encoded: lines[1]),
              let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: raw)
        else {
            throw MalakaError.data("\(path) is not a Malaka signing key.")
        }
        privateKey = key
    }

    init(privateKey: Curve25519.Signing.PrivateKey) {
        self.privateKey = privateKey
    }
}

/// A public key that checks tokens; shared freely.
public struct PublicSigningKey: Hashable, Sendable {
    let publicKey: Curve25519.Signing.PublicKey

    public var id: Data { PublicSigningKey.id(of: publicKey) }
    public var idHex: String { id.map { String(format: "%02x", $0) }.joined() }
    /// The raw 32 bytes in Base64, as exported.
    public var base64: String { publicKey.rawRepresentation.base64EncodedString() }

    public init(base64: String) throws {
        guard let raw = Data(base64Encoded: base64.trimmingSpaces()),
              let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw)
        else {
            throw MalakaError.data("“\(base64.prefix(20))…” is not an Ed25519 public key in Base64.")
        }
        publicKey = key
    }

    init(publicKey: Curve25519.Signing.PublicKey) {
        self.publicKey = publicKey
    }

    static func id(of key: Curve25519.Signing.PublicKey) -> Data {
        Data(SHA256.hash(data: key.rawRepresentation).prefix(8))
    }

    public static func == (lhs: PublicSigningKey, rhs: PublicSigningKey) -> Bool {
        lhs.publicKey.rawRepresentation == rhs.publicKey.rawRepresentation
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(publicKey.rawRepresentation)
    }
}
