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
    /// The zone of the place it is held in; the times are wall-clock times there.
    public var timeZone: PlaceTimeZone = .tashkent
    /// The study tour leg it belongs to, if any.
    public var legId: Int64? = nil
    /// Raised each time the session moves, so calendar programs take the newer copy.
    public var revision: Int = 0
}

extension Session: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "session"

    public enum Columns {
        static let eventId = Column(CodingKeys.eventId)
        static let date = Column(CodingKeys.date)
        static let startTime = Column(CodingKeys.startTime)
        static let legId = Column(CodingKeys.legId)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// Read column by column, not through `Decodable`: marking reads an event's sessions at every tap.
    public init(row: Row) throws {
        id = try row.decode(forColumn: "id")
        eventId = try row.decode(forColumn: "eventId")
        date = try row.decode(forColumn: "date")
        startTime = try row.decode(forColumn: "startTime")
        endTime = try row.decode(forColumn: "endTime")
        hours = try row.decode(forColumn: "hours")
        timeZone = try row.decode(forColumn: "timeZone")
        legId = try row.decode(forColumn: "legId")
        revision = try row.decode(forColumn: "revision")
    }
}
