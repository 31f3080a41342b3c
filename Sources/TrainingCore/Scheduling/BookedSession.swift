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

    init(sessionId: Int64, eventId: Int64, date: DayDate, startTime: TimeOfDay, endTime: TimeOfDay, timeZone: PlaceTimeZone,
         regionCode: String, districtCode: String?, locality: String?, venue: String?, absoluteStart: Int, absoluteEnd: Int) {
        (self.sessionId, self.eventId, self.date, self.startTime, self.endTime, self.timeZone) =
            (sessionId, eventId, date, startTime, endTime, timeZone)
        (self.regionCode, self.districtCode, self.locality, self.venue) = (regionCode, districtCode, locality, venue)
        (self.absoluteStart, self.absoluteEnd) = (absoluteStart, absoluteEnd)
    }

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
        let dateText: String = row[offset + 2]
        let startText: String = row[offset + 3]
        let endText: String = row[offset + 4]
        date = try DayDate(storedISO: dateText) ?? DayDate(parsing: dateText)
        startTime = try TimeOfDay(stored: startText) ?? TimeOfDay(parsing: startText)
        endTime = try TimeOfDay(stored: endText) ?? TimeOfDay(parsing: endText)
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
        // Cached: the same few shapes of query run on every create, move and enrollment.
        let rows = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: arguments)
        let keepRows = !extraColumns.isEmpty
        while let row = try rows.next() {
            // The cursor reuses its row; only the extra columns need a copy.
            result.append((try BookedSession(row: row), keepRows ? row.copy() : Row()))
        }
        return result
    }
}

extension DayDate {
    /// Reads `2019-03-25` as the database stores it, without the checks and messages of ``init(parsing:)``; nil if it is not that form.
    init?(storedISO text: String) {
        var utf8 = text.utf8.makeIterator()
        func number(_ digits: Int) -> Int? {
            var value = 0
            for _ in 0..<digits {
                guard let byte = utf8.next(), (48...57).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard let year = number(4), utf8.next() == 45, let month = number(2), utf8.next() == 45,
              let day = number(2), utf8.next() == nil
        else { return nil }
        self.init(year: year, month: month, day: day)
    }
}

extension TimeOfDay {
    /// Reads `09:30` as the database stores it; nil if it is not that form.
    init?(stored text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 5, bytes[2] == 58, bytes.enumerated().allSatisfy({ $0.offset == 2 || (48...57).contains($0.element) })
        else { return nil }
        self.init(hour: Int(bytes[0] - 48) * 10 + Int(bytes[1] - 48), minute: Int(bytes[3] - 48) * 10 + Int(bytes[4] - 48))
    }
}
