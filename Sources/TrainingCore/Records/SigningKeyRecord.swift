import CertificateVerification
import Foundation
import GRDB

/// An organisation's public signing key, and where its private key file is.
public struct SigningKeyRecord: Codable, Hashable, Sendable {
    /// The key's id in hex: the first 8 bytes of the SHA-256 of the public key.
    public var keyID: String
    /// The organisation's name as on its events, or `default`.
    public var organisation: String
    public var publicKey: String
    public var privateKeyPath: String
    public var createdAt: Date
    /// When a newer key took over; the key still verifies what it signed.
    public var retiredAt: Date?
}

extension SigningKeyRecord: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "signingKey"
}

extension SigningKeyRecord {
    /// The key as the public keys file lists it: no private key path.
    public var publicKeysFileEntry: PublicKeysFile.Entry {
        PublicKeysFile.Entry(keyID: keyID, organisation: organisation, publicKey: publicKey, createdAt: createdAt, retiredAt: retiredAt)
    }
}
