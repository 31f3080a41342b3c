import Crypto
import Foundation

/// A signed list of the certificates that no longer stand, for checkers without the database.
///
/// The signature covers the canonical bytes of every entry, so an entry removed,
/// added or changed makes the list fail to verify.
public struct RevocationList: Codable, Hashable, Sendable {
    public struct Entry: Codable, Hashable, Sendable {
        public var serial: String
        /// `revoked` or `superseded`.
        public var status: String
        public var reason: String?
        public var replacedBy: String?

        public init(serial: String, status: String, reason: String?, replacedBy: String?) {
            self.serial = serial
            self.status = status
            self.reason = reason
            self.replacedBy = replacedBy
        }
    }

    public var format = "malaka-revocations-1"
    public var generated: String
    public var keyID: String
    public var entries: [Entry]
    public var signature: String

    /// Builds and signs the list.
    public init(entries: [Entry], generated: TokenDate, key: SigningKey) throws {
        self.generated = generated.iso
        keyID = key.publicKey.idHex
        self.entries = entries.sorted { $0.serial < $1.serial }
        signature = ""
        signature = try key.privateKey.signature(for: signedBytes()).base64EncodedString()
    }

    /// The key that signed the list, or an error saying why the list cannot be trusted.
    public func verify(with keys: [PublicSigningKey]) throws -> PublicSigningKey {
        guard format == "malaka-revocations-1" else {
            throw VerificationError.data("The revocation list is of a format this program does not know (\(format)).",
                                         remedy: .exportRevocationList)
        }
        guard let key = keys.first(where: { $0.idHex == keyID }) else {
            throw VerificationError.data("The revocation list was signed with key \(keyID), which is not among the public keys given.",
                                         remedy: .exportPublicKeys)
        }
        guard let signature = Data(base64Encoded: signature),
              key.publicKey.isValidSignature(signature, for: try signedBytes()) else {
            throw VerificationError.data("The revocation list's signature does not match its contents: it was altered.",
                                         remedy: .exportRevocationList)
        }
        return key
    }

    /// Reads a list written by ``encoded()``; `source` names the file in the error.
    public static func decode(_ data: Data, source: String) throws -> RevocationList {
        do {
            return try JSONDecoder().decode(RevocationList.self, from: data)
        } catch {
            throw VerificationError.data("\(source) is not a Malaka revocation list (\(JSONFieldPath.describe(error))).",
                                         remedy: .exportRevocationList)
        }
    }

    /// The list as the JSON file checkers load.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    public func entry(for serial: String) -> Entry? {
        entries.first { $0.serial == serial }
    }

    private func signedBytes() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Data("\(format)\n\(generated)\n\(keyID)\n".utf8) + (try encoder.encode(entries.sorted { $0.serial < $1.serial }))
    }
}
