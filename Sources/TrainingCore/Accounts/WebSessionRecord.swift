import Foundation
import GRDB

/// A signed-in browser: the hash of its cookie's token, whose account it is, and the token its forms carry.
///
/// Stored in the database, so a restart of `malaka serve` signs nobody out; only the hash of the cookie's
/// token is kept, so a copy of the database does not let anyone in.
public struct WebSessionRecord: Codable, Hashable, Sendable {
    public var tokenHash: String
    public var accountId: Int64
    /// The anti-forgery token every form and every script request of this session must send back.
    public var csrfToken: String
    public var createdAt: Date
    public var expiresAt: Date

    public init(tokenHash: String, accountId: Int64, csrfToken: String, createdAt: Date, expiresAt: Date) {
        self.tokenHash = tokenHash
        self.accountId = accountId
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}

extension WebSessionRecord: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "webSession"

    /// Read column by column, not through `Decodable`: every request of a signed-in browser reads its session.
    public init(row: Row) throws {
        tokenHash = try row.decode(forColumn: "tokenHash")
        accountId = try row.decode(forColumn: "accountId")
        csrfToken = try row.decode(forColumn: "csrfToken")
        createdAt = try row.decode(forColumn: "createdAt")
        expiresAt = try row.decode(forColumn: "expiresAt")
    }
}
