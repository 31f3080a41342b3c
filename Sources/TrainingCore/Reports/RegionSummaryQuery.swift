import Foundation
import GRDB

/// The SQL behind a region summary: which sessions are held, who took part, who completed.
///
/// SQLite reads the sessions and the attendance marks once and groups them (`GROUP BY`) into
/// one row per event and one row per enrollment; ``AppDatabase/regionSummary(_:)`` adds those
/// rows up. The rules themselves are documented on ``RegionSummary``.
struct RegionSummaryQuery {
    let request: RegionSummaryRequest
    let courseID: Int64?
    /// The organisers, and project labels, as events record them, that the request's filters match.
    var organisers: [String]? = nil
    var projects: [String]? = nil
    /// This database's own site's code, which stands for events whose `originSite` is null (made here).
    var localSite: String? = nil

    /// The last day counted: the period's end, or the report's day if that is earlier.
    var lastDay: DayDate { min(request.period.to, request.asOf) }

    /// The column that says which row an event is counted in; NULL is “no district recorded”.
    private var rowColumn: String {
        switch request.grouping {
        case .region: "event.regionCode"
        case .district: "event.districtCode"
        }
    }

    /// Sessions held in the period, of events in scope and not cancelled: a `FROM` clause joining
    /// `session`, `event`, `course` and any `joins` given, with its `WHERE`.
    private func heldSessions(joining joins: String = "") -> (sql: String, arguments: StatementArguments) {
        var conditions = ["session.date BETWEEN ? AND ?", "event.status <> 'cancelled'"]
        var arguments: StatementArguments = [request.period.from.iso, lastDay.iso]
        switch request.scope {
        case .all: break
        case .country(let country):
            conditions.append("event.regionCode IN (SELECT code FROM region WHERE country = ?)")
            arguments += [country]
        case .region(let code):
            conditions.append("event.regionCode = ?")
            arguments += [code]
        case .district(let code):
            conditions.append("event.districtCode = ?")
            arguments += [code]
        }
        if let courseID {
            conditions.append("event.courseId = ?")
            arguments += [courseID]
        }
        if let kind = request.kind {
            conditions.append("course.kind = ?")
            arguments += [kind.rawValue]
        }
        if let organisers {
            conditions.append("event.organiser IN (SELECT value FROM json_each(?))")
            arguments += [Self.jsonList(organisers)]
        }
        if let projects {
            conditions.append("event.project IN (SELECT value FROM json_each(?))")
            arguments += [Self.jsonList(projects)]
        }
        if let site = request.site {
            conditions.append("coalesce(event.originSite, ?) = ?")
            arguments += [localSite, site]
        }
        let sql = """
            session
            JOIN event ON event.id = session.eventId
            JOIN course ON course.id = event.courseId
            \(joins)
            WHERE \(conditions.joined(separator: " AND "))
            """
        return (sql, arguments)
    }

    /// One row per event held in the period: its place, its held sessions and hours, and its first and last session overall.
    ///
    /// Columns: id, row code, course id, title, region, district, locality, venue, start date, end date,
    /// held sessions, held hours, first session's date, last session's date, number of sessions;
    /// dates as ``DayDate/dayNumber``.
    var events: (sql: String, arguments: StatementArguments) {
        let held = heldSessions()
        return ("""
            SELECT event.id, \(rowColumn) AS rowCode, event.courseId, event.title, event.regionCode, event.districtCode,
                   event.locality, event.venue, \(Self.dayNumber("event.startDate")), \(Self.dayNumber("event.endDate")),
                   COUNT(*) AS heldSessions, SUM(session.hours) AS heldHours,
                   \(Self.dayNumber("(SELECT MIN(every.date) FROM session AS every WHERE every.eventId = event.id)")),
                   \(Self.dayNumber("(SELECT MAX(every.date) FROM session AS every WHERE every.eventId = event.id)")),
                   (SELECT COUNT(*) FROM session AS every WHERE every.eventId = event.id) AS sessionCount
            FROM \(held.sql)
            GROUP BY event.id
            """, held.arguments)
    }

    /// Each enrolled person's present, late and excused marks at the held sessions of events held
    /// in the period: one row per enrollment that has marks, event by event.
    ///
    /// Columns: event id, participant id, the marks (see ``packedMarks``).
    ///
    /// This is where the attendance marks are read, once, and grouped by SQLite into one row per
    /// enrollment (a year of a national programme: 200,000 marks into 70,000 rows), from the index
    /// on enrollment and status alone. Events wholly within the period (`inside`) take all their
    /// marks; the few that run across its edges (`edge`) take only the marks of sessions within it.
    func tallies(inside: [Int64], edge: [Int64]) -> (sql: String, arguments: StatementArguments) {
        func tally(joiningSessions sessions: String) -> String {
            """
            SELECT enrollment.eventId, enrollment.participantId, \(Self.packedMarks) AS marks
            FROM enrollment
            JOIN attendance ON attendance.enrollmentId = enrollment.id
            \(sessions)
            WHERE enrollment.eventId IN (SELECT value FROM json_each(?))
            GROUP BY enrollment.eventId, enrollment.participantId
            """
        }
        let sql = tally(joiningSessions: "") + "\nUNION ALL\n"
            + tally(joiningSessions: "JOIN session ON session.id = attendance.sessionId AND session.date BETWEEN ? AND ?")
        return (sql, [Self.jsonList(inside), request.period.from.iso, lastDay.iso, Self.jsonList(edge)])
    }

    /// An enrollment's present, late and excused marks added up in one number: one aggregate
    /// instead of three makes SQLite a quarter faster over a year's marks. ``MarkTally/init(packed:)``
    /// takes it apart; 65,535 sessions of one event are more than any event has.
    static let packedMarks = """
        SUM(CASE attendance.status WHEN 'present' THEN 1 WHEN 'late' THEN \(1 << MarkTally.lateShift) \
        WHEN 'excused' THEN \(1 << MarkTally.excusedShift) ELSE 0 END)
        """

    /// What a person is counted by, in one number (see ``PersonAttributes``).
    static let personColumn = """
        (\(caseIndex(of: "sex", in: [Sex.female, .male])) \
        + 3 * \(caseIndex(of: "category", in: ParticipantCategory.allCases, otherwise: ParticipantCategory.allCases.count - 1)) \
        + 21 * COALESCE(birthYear, 0))
        """

    /// Columns: id, what the person is counted by; for the people with these ids.
    static func people(ids: [Int64]) -> (sql: String, arguments: StatementArguments) {
        ("SELECT id, \(personColumn) FROM participant WHERE id IN (SELECT value FROM json_each(?))", [jsonList(ids)])
    }

    /// Columns: id, what the person is counted by; for everyone, read straight through, which is
    /// cheaper than looking up most of them one by one.
    static let everyone = "SELECT id, \(personColumn) FROM participant"

    /// Each enrolled person's marks over all the sessions of events, for judging completion of the
    /// events that started before the period and end in it.
    static func wholeEventTallies(events: [Int64]) -> (sql: String, arguments: StatementArguments) {
        ("""
            SELECT enrollment.eventId, enrollment.participantId, \(packedMarks) AS marks
            FROM enrollment
            JOIN attendance ON attendance.enrollmentId = enrollment.id
            WHERE enrollment.eventId IN (SELECT value FROM json_each(?))
            GROUP BY enrollment.eventId, enrollment.participantId
            """, [jsonList(events)])
    }

    /// The valid certificates of each event; a re-issue supersedes, so each participation has one at most.
    static func certificates(events: [Int64]) -> (sql: String, arguments: StatementArguments) {
        ("""
            SELECT eventId, COUNT(*) AS certificates FROM certificate
            WHERE status = 'valid' AND eventId IN (SELECT value FROM json_each(?))
            GROUP BY eventId
            """, [jsonList(events)])
    }

    /// An SQL `CASE` giving the position of a column's value among `values`; a NULL or any other
    /// value gives `otherwise`, by default `values.count`.
    ///
    /// Small numbers travel from SQLite faster than the strings they stand for.
    static func caseIndex<Value: RawRepresentable<String>>(of column: String, in values: [Value], otherwise: Int? = nil) -> String {
        let branches = values.enumerated().map { "WHEN '\($1.rawValue)' THEN \($0)" }.joined(separator: " ")
        return "CASE \(column) \(branches) ELSE \(otherwise ?? values.count) END"
    }

    /// A date column as days since 1970-01-01, which SQLite computes faster than Swift parses the text.
    private static func dayNumber(_ column: String) -> String {
        "CAST(julianday(\(column)) - 2440587.5 AS INTEGER)"
    }

    /// Ids as a JSON array, one statement argument that `json_each` turns back into rows.
    private static func jsonList(_ ids: [Int64]) -> String {
        "[" + ids.map(String.init).joined(separator: ",") + "]"
    }

    /// Texts as a JSON array of strings.
    private static func jsonList(_ texts: [String]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: texts)) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
