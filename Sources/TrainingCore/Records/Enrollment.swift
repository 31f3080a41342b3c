import Foundation
import GRDB

/// One person enrolled in one event: a participation.
public struct Enrollment: Codable, Hashable, Sendable, Identifiable {
    public var id: Int64?
    public var eventId: Int64
    public var participantId: Int64
    public var enrolledAt: Date
}

extension Enrollment: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "enrollment"

    public enum Columns {
        static let eventId = Column(CodingKeys.eventId)
        static let participantId = Column(CodingKeys.participantId)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
