import Foundation
import GRDB

/// A place that keeps its own Malaka database: this one (``isLocal``), or another of the programme
/// whose bundles this database accepts.
public struct Site: Codable, Hashable, Sendable {
    /// Such as `XO-URG1`; `LOCAL-…` until the database joins a programme.
    public var code: String
    /// Such as `Urgench office`.
    public var name: String?
    public var programme: String?
    public var isLocal: Bool
    public var joinedAt: Date?
    /// The site's Ed25519 public key, its raw 32 bytes in Base64 (as ``CertificateVerification/PublicSigningKey`` reads it).
    public var publicKey: String?
    /// The number of the site's last change-log entry this database knows it made; 0 for none.
    public var headSequence: Int64

    public init(code: String, name: String? = nil, programme: String? = nil, isLocal: Bool = false,
                joinedAt: Date? = nil, publicKey: String? = nil, headSequence: Int64 = 0) {
        self.code = code
        self.name = name
        self.programme = programme
        self.isLocal = isLocal
        self.joinedAt = joinedAt
        self.publicKey = publicKey
        self.headSequence = headSequence
    }
}

extension Site: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "site"
}
