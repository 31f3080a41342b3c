import GRDB

/// The SQL behind a region summary: which sessions are held, who took part, who completed.
///
/// Everything is aggregated by SQLite (`GROUP BY`, one pass over the period's attendance
/// marks); Swift only adds up a few thousand grouped rows. The rules themselves are
/// documented on ``RegionSummary``.
struct RegionSummaryQuery {
    let request: RegionSummaryRequest
    let courseID: Int64?

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
        let sql = """
            session
            JOIN event ON event.id = session.eventId
            JOIN course ON course.id = event.courseId
            \(joins)
            WHERE \(conditions.joined(separator: " AND "))
            """
        return (sql, arguments)
    }

    /// One row per event held in the period: its place, its held sessions and hours, and its last session overall.
    var events: (sql: String, arguments: StatementArguments) {
        let held = heldSessions()
        return ("""
            SELECT event.id, \(rowColumn) AS rowCode, event.courseId, event.title, event.regionCode, event.districtCode,
                   event.locality, event.venue, event.startDate, event.endDate,
                   COUNT(*) AS heldSessions, SUM(session.hours) AS heldHours,
                   (SELECT MAX(every.date) FROM session AS every WHERE every.eventId = event.id) AS lastSessionDate,
                   (SELECT COUNT(*) FROM session AS every WHERE every.eventId = event.id) AS sessionCount
            FROM \(held.sql)
            GROUP BY event.id
            """, held.arguments)
    }

    /// The participations, computed once and aggregated four ways in one statement.
    ///
    /// Each result row has a `part`:
    /// - `event`: per event (`key` = event id), participations and their present, late and excused marks;
    /// - `participations`: per row (`key` = row code), sex, age group and category;
    /// - `participants`: the same for people, each once per row, aged at their first event in the row;
    /// - `total`: the same for people, each once in the whole report.
    var participations: (sql: String, arguments: StatementArguments) {
        let held = heldSessions(joining: """
            JOIN attendance ON attendance.sessionId = session.id
            JOIN enrollment ON enrollment.id = attendance.enrollmentId
            """)
        let age = { (year: String) in AgeGroup.sql(age: "\(year) - participant.birthYear") }
        let people = "JOIN participant ON participant.id = people.participantId"
        return ("""
            WITH participation AS MATERIALIZED (
                SELECT enrollment.participantId AS participantId, session.eventId AS eventId, \(rowColumn) AS rowCode,
                       CAST(substr(event.startDate, 1, 4) AS INTEGER) AS year,
                       SUM(attendance.status = 'present') AS present, SUM(attendance.status = 'late') AS late,
                       SUM(attendance.status = 'excused') AS excused
                FROM \(held.sql)
                GROUP BY attendance.enrollmentId
                HAVING SUM(attendance.status IN ('present', 'late')) > 0
            )
            SELECT 'event' AS part, eventId AS key, NULL AS sex, NULL AS ageGroup, NULL AS category,
                   COUNT(*) AS count, SUM(present) AS present, SUM(late) AS late, SUM(excused) AS excused
            FROM participation GROUP BY eventId
            UNION ALL
            SELECT 'participations', rowCode, participant.sex, \(age("people.year")), participant.category, COUNT(*), 0, 0, 0
            FROM participation AS people \(people)
            GROUP BY rowCode, participant.sex, \(age("people.year")), participant.category
            UNION ALL
            SELECT 'participants', rowCode, participant.sex, \(age("people.year")), participant.category, COUNT(*), 0, 0, 0
            FROM (SELECT rowCode, participantId, MIN(year) AS year FROM participation GROUP BY rowCode, participantId) AS people \(people)
            GROUP BY rowCode, participant.sex, \(age("people.year")), participant.category
            UNION ALL
            SELECT 'total', NULL, participant.sex, \(age("people.year")), participant.category, COUNT(*), 0, 0, 0
            FROM (SELECT participantId, MIN(year) AS year FROM participation GROUP BY participantId) AS people \(people)
            GROUP BY participant.sex, \(age("people.year")), participant.category
            """, held.arguments)
    }

    /// For the events that end in the period: how many enrolled people have each tally of marks
    /// over all the event's sessions, and how many of them hold a valid certificate.
    ///
    /// Grouping by tally lets ``CompletionRule`` judge each distinct tally once, in Swift.
    static func completions(eventIDs: [Int64]) -> (sql: String, arguments: StatementArguments) {
        ("""
            SELECT eventId, present, late, excused, COUNT(*) AS people, SUM(certified) AS certified
            FROM (
                SELECT enrollment.eventId AS eventId,
                       COALESCE(SUM(attendance.status = 'present'), 0) AS present,
                       COALESCE(SUM(attendance.status = 'late'), 0) AS late,
                       COALESCE(SUM(attendance.status = 'excused'), 0) AS excused,
                       EXISTS (SELECT 1 FROM certificate
                               WHERE certificate.eventId = enrollment.eventId
                                 AND certificate.participantId = enrollment.participantId
                                 AND certificate.status = 'valid') AS certified
                FROM enrollment
                LEFT JOIN attendance ON attendance.enrollmentId = enrollment.id
                WHERE enrollment.eventId IN (SELECT value FROM json_each(?))
                GROUP BY enrollment.id
            )
            GROUP BY eventId, present, late, excused
            """, ["[" + eventIDs.map(String.init).joined(separator: ",") + "]"])
    }
}
