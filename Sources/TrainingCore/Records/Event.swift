import Foundation
import GRDB

/// One scheduled run of a course at a place, with its sessions, trainers and participants.
public struct Event: Codable, Hashable, Sendable, Identifiable {
    public var id: Int64?
    public var courseId: Int64
    /// The event's own title; nil means the course's title.
    public var title: String?
    public var regionCode: String
    public var districtCode: String?
    public var locality: String?
    public var venue: String?
    public var organiser: String?
    public var capacity: Int?
    public var status: EventStatus
    public var cancelReason: String?
    public var startDate: DayDate
    public var endDate: DayDate
    public var createdAt: Date
    /// The project or donor the event is reported under, such as `UNICEF-2019`.
    public var project: String? = nil
}

extension Event: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "event"
    static let course = belongsTo(Course.self)
    static let sessions = hasMany(Session.self).order(Session.Columns.date, Session.Columns.startTime)
    static let enrollments = hasMany(Enrollment.self)
    static let waitlist = hasMany(WaitlistEntry.self).forKey("waitlist")
    static let legs = hasMany(StudyTourLeg.self).order(Column("position")).forKey("legs")
    static let sides = hasOne(StudyTourSides.self).forKey("sides")
    static let eventTrainers = hasMany(EventTrainer.self)
    static let trainers = hasMany(Trainer.self, through: eventTrainers, using: EventTrainer.trainer)
        .order(Column("name")).forKey("trainers")

    public enum Columns {
        static let courseId = Column(CodingKeys.courseId)
        static let regionCode = Column(CodingKeys.regionCode)
        static let startDate = Column(CodingKeys.startDate)
        static let endDate = Column(CodingKeys.endDate)
        static let status = Column(CodingKeys.status)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// Read column by column, not through `Decodable`: marking reads the event at every tap.
    public init(row: Row) throws {
        id = try row.decode(forColumn: "id")
        courseId = try row.decode(forColumn: "courseId")
        title = try row.decode(forColumn: "title")
        regionCode = try row.decode(forColumn: "regionCode")
        districtCode = try row.decode(forColumn: "districtCode")
        locality = try row.decode(forColumn: "locality")
        venue = try row.decode(forColumn: "venue")
        organiser = try row.decode(forColumn: "organiser")
        capacity = try row.decode(forColumn: "capacity")
        status = try row.decode(forColumn: "status")
        cancelReason = try row.decode(forColumn: "cancelReason")
        startDate = try row.decode(forColumn: "startDate")
        endDate = try row.decode(forColumn: "endDate")
        createdAt = try row.decode(forColumn: "createdAt")
        project = try row.decode(forColumn: "project")
    }
}

extension DayDate: Codable, DatabaseValueConvertible {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self = try DayDate(parsing: container.decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }

    public var databaseValue: DatabaseValue { iso.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> DayDate? {
        String.fromDatabaseValue(dbValue).flatMap { try? DayDate(parsing: $0) }
    }
}

extension TimeOfDay: Codable, DatabaseValueConvertible {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self = try TimeOfDay(parsing: container.decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public var databaseValue: DatabaseValue { description.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> TimeOfDay? {
        String.fromDatabaseValue(dbValue).flatMap { try? TimeOfDay(parsing: $0) }
    }
}
