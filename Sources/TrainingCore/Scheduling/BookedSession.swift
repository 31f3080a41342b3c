import GRDB

/// A session as the conflict checks see it: when it is, in absolute time, and where.
public struct BookedSession: Hashable, Sendable {
    public var sessionId: Int64
    public var eventId: Int64
    public var date: DayDate
    public var startTime: TimeOfDay
    public var endTime: TimeOfDay
    public var timeZone: PlaceTimeZone
    public var regionCode: String
    public var districtCode: String?
    /// The mahalla, town or city.
    public var locality: String?
    /// The event's venue, or the host organisation of a study tour leg.
    public var venue: String?
    /// Minutes since 1970-01-01 00:00 UTC.
    public var absoluteStart: Int
    public var absoluteEnd: Int

    /// The region and the folded venue: two sessions with the same key are in the same room.
    var venueKey: String? {
        guard let venue, !venue.isEmpty else { return nil }
        return regionCode + "|" + venue.searchFolded()
    }

    func overlaps(_ other: BookedSession) -> Bool {
        absoluteStart < other.absoluteEnd && other.absoluteStart < absoluteEnd
    }

    /// `Mahalla markazi, Navbahor mahallasi, Urganch District, Khorezm`.
    public var placeDescription: String {
        let gazetteer = Gazetteer.bundled
        return [
            venue, locality, districtCode.flatMap { gazetteer.district(code: $0)?.name(in: .english) },
            gazetteer.region(code: regionCode)?.name(in: .english) ?? regionCode,
        ].compactMap { $0 }.joined(separator: ", ")
    }

    /// `25.03.2019 09:00–12:00`, with the zone when it is not the other session's.
    func timeDescription(zoneUnlike other: PlaceTimeZone? = nil) -> String {
        "\(date.dotted) \(startTime)–\(endTime)" + (other != nil && other != timeZone ? " \(timeZone.identifier) time" : "")
    }

    /// The columns ``init(row:)`` reads, for `FROM session s JOIN event e … LEFT JOIN studyTourLeg l`.
    static let selection = """
        s.id, s.eventId, s.date, s.startTime, s.endTime, s.timeZone,
        COALESCE(l.regionCode, e.regionCode), CASE WHEN s.legId IS NULL THEN e.districtCode ELSE l.districtCode END,
        CASE WHEN s.legId IS NULL THEN e.locality ELSE l.place END,
        CASE WHEN s.legId IS NULL THEN e.venue ELSE l.hostOrganisation END
        """

    static let joins = """
        FROM session s JOIN event e ON e.id = s.eventId LEFT JOIN studyTourLeg l ON l.id = s.legId
        """

    init(row: Row, offset: Int = 0) throws {
        sessionId = row[offset]
        eventId = row[offset + 1]
        date = try DayDate(parsing: row[offset + 2])
        startTime = try TimeOfDay(parsing: row[offset + 3])
        endTime = try TimeOfDay(parsing: row[offset + 4])
        timeZone = PlaceTimeZone(rawValue: row[offset + 5]) ?? .tashkent
        regionCode = row[offset + 6]
        districtCode = row[offset + 7]
        locality = row[offset + 8]
        venue = row[offset + 9]
        absoluteStart = timeZone.absoluteMinute(date, startTime)
        absoluteEnd = timeZone.absoluteMinute(date, endTime)
    }

    /// The sessions of events that are not cancelled, matching a condition on `s`, `e` and `l`.
    ///
    /// - Parameter from: the FROM clause; it must name `session s`, `event e` and `studyTourLeg l`.
    static func fetchAll(_ db: Database, extraColumns: String = "", from: String = joins,
                         where condition: String, arguments: StatementArguments = []) throws -> [(BookedSession, Row)] {
        let sql = "SELECT \(selection)\(extraColumns.isEmpty ? "" : ", " + extraColumns) \(from) WHERE e.status <> 'cancelled' AND (\(condition))"
        var result: [(BookedSession, Row)] = []
        let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        while let row = try rows.next() {
            result.append((try BookedSession(row: row), row.copy()))
        }
        return result
    }
}
