import GRDB

/// An organisation that issues certificates, with how it numbers them and where they are checked.
public struct Organisation: Codable, Hashable, Sendable, Identifiable {
    public var id: Int64?
    public var name: String
    public var nameKey: String
    /// The serial pattern, e.g. `{country}-{year}-{seq:06}`; see ``SerialFormat``.
    public var serialFormat: String
    /// The base of the link in the certificate's QR code; the serial is appended.
    public var verificationURL: String?
}

extension Organisation: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "organisation"

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
