import Foundation
import GRDB

/// A person who signs in to `malaka serve`: their role, the place they work in, and their password's hash.
///
/// The place is their scope: a district (trainers), a region, or a country (managers); an administrator has none.
public struct WebAccount: Codable, Hashable, Sendable, Identifiable {
    public var id: Int64?
    public var name: String
    public var role: AccountRole
    /// `UZ` or `KG`; set for every account with a place, derived from the region when one is given.
    public var country: String?
    public var regionCode: String?
    public var districtCode: String?
    /// A bcrypt hash; the password itself is never stored.
    public var passwordHash: String
    /// The language the person chose for the pages (`uz-Latn`, `ru`…), nil until they choose.
    public var language: String?
    public var createdAt: Date

    public init(name: String, role: AccountRole, country: String?, regionCode: String?, districtCode: String?,
                passwordHash: String, language: String? = nil, createdAt: Date = Date()) {
        self.name = name
        self.role = role
        self.country = country
        self.regionCode = regionCode
        self.districtCode = districtCode
        self.passwordHash = passwordHash
        self.language = language
        self.createdAt = createdAt
    }
}

extension WebAccount: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "webAccount"

    public enum Columns {
        public static let name = Column(CodingKeys.name)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// Read column by column, not through `Decodable`: every request of a signed-in browser reads its account.
    public init(row: Row) throws {
        id = try row.decode(forColumn: "id")
        name = try row.decode(forColumn: "name")
        role = try row.decode(forColumn: "role")
        country = try row.decode(forColumn: "country")
        regionCode = try row.decode(forColumn: "regionCode")
        districtCode = try row.decode(forColumn: "districtCode")
        passwordHash = try row.decode(forColumn: "passwordHash")
        language = try row.decode(forColumn: "language")
        createdAt = try row.decode(forColumn: "createdAt")
    }
}
