import Foundation
import GRDB

/// A key this database signs with as a site, and where its private key file is.
public struct SiteSigningKeyRecord: Codable, Hashable, Sendable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "siteSigningKey"

    public var keyID: String
    public var siteCode: String
    public var publicKey: String
    public var privateKeyPath: String
    public var createdAt: Date
}
