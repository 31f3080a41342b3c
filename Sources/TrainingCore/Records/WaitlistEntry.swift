import Foundation
import GRDB

/// A person waiting for a place in a full event; the earliest entry is promoted first.
public struct WaitlistEntry: Codable, Hashable, Sendable, Identifiable {
    public var id: Int64?
    public var eventId: Int64
    public var participantId: Int64
    public var addedAt: Date
}

extension WaitlistEntry: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "waitlist"

    public enum Columns {
        static let eventId = Column(CodingKeys.eventId)
        static let participantId = Column(CodingKeys.participantId)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
