import Foundation
import GRDB

/// One dated sitting of an event.
public struct Session: Codable, Hashable, Sendable, Identifiable {
    public var id: Int64?
    public var eventId: Int64
    public var date: DayDate
    public var startTime: TimeOfDay
    public var endTime: TimeOfDay
    public var hours: Double
}

extension Session: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "session"

    public enum Columns {
        static let eventId = Column(CodingKeys.eventId)
        static let date = Column(CodingKeys.date)
        static let startTime = Column(CodingKeys.startTime)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
