import Foundation
import GRDB

extension AppDatabase {
    /// Every conflict in the database: trainers, venues and participants booked twice at once.
    ///
    /// One sweep per trainer and per venue over their sessions sorted by start,
    /// and, for participants, a comparison of the events each person is in, so
    /// the work grows with the number of sessions, not with its square.
    /// Conflicts recorded as allowed are included, marked as allowed.
    public func scheduleConflicts() throws -> [ScheduleConflict] {
        try read { db in try scheduleConflicts(db) }
    }

    func scheduleConflicts(_ db: Database) throws -> [ScheduleConflict] {
        // A lean pass first: each session as numbers only (its absolute start and end
        // computed by SQLite), and venues per event and per leg rather than per session.
        func absolute(_ column: String) -> String {
            """
            CAST(julianday(s.date) - 2440587.5 AS INTEGER) * 1440
              + CAST(substr(s.\(column), 1, 2) AS INTEGER) * 60 + CAST(substr(s.\(column), 4, 2) AS INTEGER)
              - CASE s.timeZone WHEN 'Asia/Bishkek' THEN 360 ELSE 300 END
            """
        }
        var slots: [ScheduleConflictRule.Slot] = []
        let slotRows = try Row.fetchCursor(db, sql: """
            SELECT s.id, s.eventId, s.legId, \(absolute("startTime")), \(absolute("endTime"))
            FROM session s JOIN event e ON e.id = s.eventId WHERE e.status <> 'cancelled'
            """)
        while let row = try slotRows.next() {
            slots.append(ScheduleConflictRule.Slot(sessionID: row[0], eventID: row[1], legID: row[2], start: row[3], end: row[4]))
        }
        func eventsByPerson(_ sql: String) throws -> [Int64: [Int64]] {
            var events: [Int64: [Int64]] = [:]
            let rows = try Row.fetchCursor(db, sql: sql)
            while let row = try rows.next() {
                events[row[0], default: []].append(row[1])
            }
            return events
        }
        // Venues: the same folded venue text in the same region; a leg's venue is its host.
        func venueKeys(_ sql: String) throws -> [Int64: String] {
            var keys: [Int64: String] = [:]
            let rows = try Row.fetchCursor(db, sql: sql)
            while let row = try rows.next() {
                let region: String = row[1]
                let venue: String = row[2]
                keys[row[0]] = region + "|" + venue.searchFolded()
            }
            return keys
        }
        let rule = ScheduleConflictRule(
            slots: slots,
            eventsByTrainer: try eventsByPerson("SELECT trainerId, eventId FROM eventTrainer"),
            eventVenues: try venueKeys("SELECT id, regionCode, venue FROM event WHERE status <> 'cancelled' AND venue IS NOT NULL"),
            legVenues: try venueKeys("SELECT id, regionCode, hostOrganisation FROM studyTourLeg"),
            eventsByParticipant: try eventsByPerson("""
                SELECT participantId, eventId FROM enrollment UNION ALL SELECT participantId, eventId FROM waitlist
                """))
        let clashes = rule.clashes()

        // Only now the sessions in conflict, with their dates, times and places.
        var booked: [Int64: BookedSession] = [:]
        let involved = Array(Set(clashes.flatMap { [$0.first, $0.second] }))
        for start in stride(from: 0, to: involved.count, by: 500) {
            let chunk = Array(involved[start..<min(start + 500, involved.count)])
            for (session, _) in try BookedSession.fetchAll(
                db, where: "s.id IN (\(chunk.map { _ in "?" }.joined(separator: ", ")))", arguments: StatementArguments(chunk)) {
                booked[session.sessionId] = session
            }
        }
        var found = clashes.compactMap { clash -> ScheduleConflict? in
            guard let first = booked[clash.first], let second = booked[clash.second] else { return nil }
            return ScheduleConflict(kind: clash.kind, subjectKey: clash.subjectKey, subject: "", session: first, other: second)
        }
        found.sort { ($0.session.absoluteStart, $0.kind.rawValue, $0.subjectKey, $0.other.eventId)
            < ($1.session.absoluteStart, $1.kind.rawValue, $1.subjectKey, $1.other.eventId) }
        return try describe(db, found)
    }

    /// The conflicts of one event with every other: its trainers, venues and participants booked elsewhere at the same time.
    ///
    /// This is the check that creating, moving and enrolling run; conflicts recorded as allowed are marked allowed.
    public func conflicts(ofEvent eventID: Int64) throws -> [ScheduleConflict] {
        try read { db in
            _ = try eventDetail(db, id: eventID)
            return try conflicts(db, eventID: eventID)
        }
    }

    /// The conflicts of one event's sessions with every other event's: its trainers,
    /// its venues and its participants (enrolled or waitlisted), or only `participantIDs`.
    func conflicts(_ db: Database, eventID: Int64, kinds: Set<ScheduleConflict.Kind> = Set(ScheduleConflict.Kind.allCases),
                   participantIDs: [Int64]? = nil) throws -> [ScheduleConflict] {
        let mine = try BookedSession.fetchAll(db, where: "s.eventId = ?", arguments: [eventID]).map(\.0)
        guard !mine.isEmpty else { return [] }
        let low = mine.map(\.date).min()!.adding(days: -1).iso
        let high = mine.map(\.date).max()!.adding(days: 1).iso
        var bookings: [ScheduleConflictRule.Booking] = []

        if kinds.contains(.trainer) {
            let others = try BookedSession.fetchAll(
                db, extraColumns: "et.trainerId",
                from: BookedSession.joins + " JOIN eventTrainer et ON et.eventId = s.eventId",
                where: "et.trainerId IN (SELECT trainerId FROM eventTrainer WHERE eventId = ?) AND s.eventId <> ? AND s.date BETWEEN ? AND ?",
                arguments: [eventID, eventID, low, high])
            for (other, row) in others {
                let trainerID: Int64 = row[10]
                bookings.append(.init(kind: .trainer, subjectKey: "trainer:\(trainerID)", session: other))
            }
        }

        let venueKeys = Set(mine.compactMap(\.venueKey))
        if kinds.contains(.venue) && !venueKeys.isEmpty {
            let regions = Array(Set(mine.filter { $0.venueKey != nil }.map(\.regionCode)))
            let placeholders = regions.map { _ in "?" }.joined(separator: ", ")
            let others = try BookedSession.fetchAll(
                db, where: """
                    s.eventId <> ? AND s.date BETWEEN ? AND ?
                    AND ((s.legId IS NULL AND e.venue IS NOT NULL AND e.regionCode IN (\(placeholders)))
                         OR (s.legId IS NOT NULL AND l.regionCode IN (\(placeholders))))
                    """,
                arguments: StatementArguments([eventID, low, high] as [any DatabaseValueConvertible] + regions + regions))
            for (other, _) in others {
                guard let key = other.venueKey, venueKeys.contains(key) else { continue }
                bookings.append(.init(kind: .venue, subjectKey: "venue:\(key)", session: other))
            }
        }

        if kinds.contains(.participant) {
            let people: String
            var arguments: StatementArguments
            if let participantIDs {
                guard !participantIDs.isEmpty else { return try describe(db, ScheduleConflictRule.conflicts(of: mine, with: bookings)) }
                people = participantIDs.map { _ in "?" }.joined(separator: ", ")
                arguments = StatementArguments(participantIDs + participantIDs)
            } else {
                people = "SELECT participantId FROM enrollment WHERE eventId = ? UNION SELECT participantId FROM waitlist WHERE eventId = ?"
                arguments = [eventID, eventID, eventID, eventID]
            }
            arguments += [eventID, low, high]
            let others = try BookedSession.fetchAll(
                db, extraColumns: "p.participantId",
                from: """
                    FROM (SELECT eventId, participantId FROM enrollment WHERE participantId IN (\(people))
                          UNION ALL SELECT eventId, participantId FROM waitlist WHERE participantId IN (\(people))) p
                    JOIN session s ON s.eventId = p.eventId JOIN event e ON e.id = s.eventId
                    LEFT JOIN studyTourLeg l ON l.id = s.legId
                    """,
                where: "s.eventId <> ? AND s.date BETWEEN ? AND ?", arguments: arguments)
            for (other, row) in others {
                let participantID: Int64 = row[10]
                bookings.append(.init(kind: .participant, subjectKey: "participant:\(participantID)", session: other))
            }
        }
        return try describe(db, ScheduleConflictRule.conflicts(of: mine, with: bookings))
    }

    /// Fills in the events' titles, the subjects' names, and whether an override allowed each conflict.
    private func describe(_ db: Database, _ conflicts: [ScheduleConflict]) throws -> [ScheduleConflict] {
        guard !conflicts.isEmpty else { return [] }
        let eventIDs = Set(conflicts.flatMap { [$0.session.eventId, $0.other.eventId] })
        let titles = try eventTitles(db, ids: eventIDs)
        func ids(_ prefix: String) -> [Int64] {
            Set(conflicts.compactMap { $0.subjectKey.hasPrefix(prefix) ? Int64($0.subjectKey.dropFirst(prefix.count)) : nil }).sorted()
        }
        let trainerNames = try names(db, sql: "SELECT id, name FROM trainer WHERE id IN", ids: ids("trainer:"))
        let participantNames = try names(db, sql: "SELECT id, fullName FROM participant WHERE id IN", ids: ids("participant:"))
        var allowed = Set<String>()
        let overrideRows = try Row.fetchCursor(db, sql: "SELECT eventId, otherEventId, kind, subjectKey FROM scheduleOverride")
        while let row = try overrideRows.next() {
            let a: Int64 = row[0]
            let b: Int64? = row[1]
            allowed.insert(ScheduleConflictRule.overrideKey(a, b ?? 0, row[2], row[3]))
        }
        return conflicts.map { conflict in
            var conflict = conflict
            conflict.eventTitle = titles[conflict.session.eventId] ?? ""
            conflict.otherEventTitle = titles[conflict.other.eventId] ?? ""
            let key = conflict.subjectKey
            switch conflict.kind {
            case .trainer:
                conflict.subject = "Trainer " + (Int64(key.dropFirst("trainer:".count)).flatMap { trainerNames[$0] } ?? key)
            case .venue:
                conflict.subject = "The venue “\(conflict.other.venue ?? "")”"
            case .participant:
                let id = Int64(key.dropFirst("participant:".count)) ?? 0
                conflict.subject = "\(participantNames[id] ?? "Participant") (\(id))"
            }
            conflict.allowed = allowed.contains(ScheduleConflictRule.overrideKey(of: conflict))
            return conflict
        }
    }

    private func names(_ db: Database, sql: String, ids: [Int64]) throws -> [Int64: String] {
        guard !ids.isEmpty else { return [:] }
        let rows = try Row.fetchAll(db, sql: sql + " (\(ids.map { _ in "?" }.joined(separator: ", ")))",
                                    arguments: StatementArguments(ids))
        return Dictionary(rows.map { ($0[0], $0[1]) }, uniquingKeysWith: { first, _ in first })
    }

    /// Each event's own title, or its course's in English, or in the first language it has.
    func eventTitles(_ db: Database, ids: Set<Int64>) throws -> [Int64: String] {
        guard !ids.isEmpty else { return [:] }
        let rows = try Row.fetchAll(db, sql: """
            SELECT e.id, COALESCE(e.title, (SELECT t.title FROM courseTitle t WHERE t.courseId = e.courseId
                                              ORDER BY t.language <> 'en', t.language LIMIT 1), c.code)
            FROM event e JOIN course c ON c.id = e.courseId
            WHERE e.id IN (\(ids.map { _ in "?" }.joined(separator: ", ")))
            """, arguments: StatementArguments(Array(ids)))
        return Dictionary(rows.map { ($0[0], $0[1]) }, uniquingKeysWith: { first, _ in first })
    }

    /// Refuses a change that double-books anyone, unless `allow`; then records each conflict as an override.
    ///
    /// - Returns: the conflicts that were allowed.
    @discardableResult
    func enforce(_ db: Database, _ conflicts: [ScheduleConflict], allow: Bool, action: String) throws -> [ScheduleConflict] {
        let recorded: [ScheduleConflict], fresh: [ScheduleConflict]
        switch ScheduleConflictRule.decide(conflicts, allow: allow) {
        case .clear: return []
        case .refuse(let conflicts):
            throw Self.refusal(conflicts.map { conflict in
                var conflict = conflict
                conflict.sessionIsNew = action == "create"
                return conflict
            })
        case .allow(let overrides, let all): (recorded, fresh) = (overrides, all)
        }
        let now = Date.databaseNow
        for conflict in recorded {
            var override = ScheduleOverride(
                id: nil, eventId: conflict.session.eventId, otherEventId: conflict.other.eventId, kind: conflict.kind,
                subjectKey: conflict.subjectKey, description: conflict.sentence + ".", action: action, recordedAt: now)
            try override.insert(db)
        }
        return fresh
    }

    static func refusal(_ conflicts: [ScheduleConflict]) -> MalakaError {
        var lines = ["\(conflicts[0].sentence)."]
        let shown = 8
        for conflict in conflicts.dropFirst().prefix(shown) { lines.append("Also: \(conflict.sentence).") }
        if conflicts.count > shown + 1 { lines.append("…and \(conflicts.count - shown - 1) more.") }
        lines.append("Nothing was changed.")
        return MalakaError(.data, .scheduleConflict, lines.joined(separator: "\n"),
                           subject: .event(conflicts[0].session.eventId), remedy: .resolveConflictOrAllow)
    }

    /// The conflicts recorded as allowed for an event, in the order they were recorded.
    func overrides(_ db: Database, eventID: Int64) throws -> [ScheduleOverride] {
        try ScheduleOverride.filter(sql: "eventId = ? OR otherEventId = ?", arguments: [eventID, eventID])
            .order(Column("id")).fetchAll(db)
    }
}
