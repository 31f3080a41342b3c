import Foundation
import GRDB

extension AppDatabase {
    /// Enrolls people in an event, all of them or none; beyond its capacity they go on its waitlist.
    ///
    /// - Returns: the enrollments made (not the people put on the waitlist; see ``enrollOrWaitlist(eventID:participantIDs:allowConflict:)``).
    @discardableResult
    public func enroll(eventID: Int64, participantIDs: [Int64]) throws -> [Enrollment] {
        try enrollOrWaitlist(eventID: eventID, participantIDs: participantIDs).enrolled
    }

    /// Takes people off an event or its waitlist, and promotes the first waitlisted to the places freed.
    /// Refuses when they have attendance marks, unless `force`, which deletes the marks too.
    ///
    /// - Returns: how many attendance marks were deleted.
    @discardableResult
    public func unenroll(eventID: Int64, participantIDs: [Int64], force: Bool = false) throws -> Int {
        try withdraw(eventID: eventID, participantIDs: participantIDs, force: force).deletedMarks
    }

    /// Records attendance for one session; a person already marked gets the new mark.
    ///
    /// - Returns: the number of marks written.
    @discardableResult
    public func markAttendance(_ request: AttendanceMarks) throws -> Int {
        try markAttendance([request])
    }

    /// Records attendance for several sessions in one transaction: all of it, or none if any mark is refused.
    ///
    /// - Returns: the number of marks written.
    @discardableResult
    public func markAttendance(_ requests: [AttendanceMarks]) throws -> Int {
        try markAttendance(requests, as: .markAttendance)
    }

    /// Records attendance as `operation` in the change log: typed marks, or an imported sheet.
    func markAttendance(_ requests: [AttendanceMarks], as operation: ChangeOperation) throws -> Int {
        try Self.checkSaysWho(requests)
        return try write(operation) { db in try markAttendance(db, requests) }
    }

    static func checkSaysWho(_ requests: [AttendanceMarks]) throws {
        for request in requests where request.marks.isEmpty && request.everyoneElse == nil {
            throw MalakaError(.usage, .nothingToDo, "Say who was at event \(request.eventID) on \(request.date.iso):",
                              subject: .event(request.eventID), remedy: .sayWhoAttended)
        }
    }

    /// The marks of `requests`, written inside the caller's transaction; throws, having written part of
    /// them, when one is refused (the caller rolls back).
    func markAttendance(_ db: Database, _ requests: [AttendanceMarks]) throws -> Int {
        let markedAt = Date.databaseNow.databaseValue
        let upsert = try db.cachedStatement(sql: """
            INSERT INTO attendance (enrollmentId, sessionId, status, markedAt) VALUES (?, ?, ?, ?)
            ON CONFLICT (enrollmentId, sessionId) DO UPDATE SET status = excluded.status, markedAt = excluded.markedAt
            """)
        var written = 0
        var enrollmentsByEvent: [Int64: [Int64: Int64]] = [:]
        var details: [Int64: MarkingEvent] = [:]
        for request in requests {
            let detail = try details[request.eventID] ?? markingEvent(db, id: request.eventID)
            details[request.eventID] = detail
            guard !detail.isCancelled else {
                throw MalakaError.data("Event \(request.eventID) was cancelled; it has no attendance to mark.")
            }
            let session = try session(of: detail, on: request.date, at: request.startTime)
            // Two numbers a row, not whole records: a phone marks one person of the event at a time.
            let enrollmentByParticipant = try enrollmentsByEvent[request.eventID] ?? Dictionary(
                uniqueKeysWithValues: Row.fetchAllCached(db, sql: "SELECT participantId, id FROM enrollment WHERE eventId = ?",
                                                         arguments: [request.eventID]).map { ($0[0] as Int64, $0[1] as Int64) })
            enrollmentsByEvent[request.eventID] = enrollmentByParticipant
            for participantID in request.marks.keys.sorted() where enrollmentByParticipant[participantID] == nil {
                let person = try participant(db, id: participantID)
                if let position = try waitlistPosition(db, eventID: request.eventID, participantID: participantID) {
                    throw MalakaError.data("\(person.fullName) (\(participantID)) is number \(position) on the waitlist of event \(request.eventID), not enrolled, so they cannot be marked. Nothing was changed.")
                }
                throw MalakaError(.data, .notEnrolled, "\(person.fullName) (\(participantID)) is not enrolled in event \(request.eventID), so they cannot be marked. Nothing was changed.",
                                  subject: .participant(participantID), remedy: .enrollFirst(event: request.eventID, participant: participantID))
            }
            var statuses = request.marks
            if let everyoneElse = request.everyoneElse {
                for participantID in enrollmentByParticipant.keys where statuses[participantID] == nil {
                    statuses[participantID] = everyoneElse
                }
            }
            for (participantID, status) in statuses {
                try upsert.execute(arguments: [enrollmentByParticipant[participantID]!, session.id, status, markedAt])
            }
            written += statuses.count
        }
        return written
    }

    private func session(of detail: MarkingEvent, on date: DayDate, at startTime: TimeOfDay?) throws -> MarkingEvent.Slot {
        let onDay = detail.sessions.filter { $0.date == date }
        guard !onDay.isEmpty else {
            let dates = detail.sessions.map(\.date.iso).joined(separator: ", ")
            throw MalakaError.data("Event \(detail.id) has no session on \(date.iso). Its sessions are on \(dates).")
        }
        if let startTime {
            let atTime = onDay.filter { $0.startTime == startTime }
            guard let session = atTime.first else {
                throw MalakaError.data("Event \(detail.id) has no session starting at \(startTime) on \(date.iso); it has \(onDay.map { "\($0.startTime)" }.joined(separator: ", ")).")
            }
            // Possible only after two sites changed the schedule at once: which one the marks belong to is the coordinator's call.
            guard atTime.count == 1 else {
                throw MalakaError.data("Event \(detail.id) has \(atTime.count) sessions on \(date.iso) at \(startTime), put there at two sites at once. Nothing was marked. Move one of them first (malaka session move \(detail.id) --date \(date.iso) --start-time \(startTime) --to DATE --time HH:MM-HH:MM), then mark again.")
            }
            return session
        }
        guard onDay.count == 1 else {
            throw MalakaError(.usage, .ambiguousSession, "Event \(detail.id) has \(onDay.count) sessions on \(date.iso) (starting \(onDay.map { "\($0.startTime)" }.joined(separator: ", "))).",
                              subject: .session(event: detail.id, date: date), remedy: .chooseStartTime)
        }
        return onDay[0]
    }

    /// The grid of marks with each person's attendance rate and completion.
    public func attendanceSheet(eventID: Int64) throws -> AttendanceSheet {
        try read { db in try attendanceSheet(db, eventID: eventID) }
    }

    func attendanceSheet(_ db: Database, eventID: Int64) throws -> AttendanceSheet {
        do {
            let detail = try eventDetail(db, id: eventID)
            let people = try Participant.fetchAll(db, sql: """
                SELECT participant.* FROM enrollment JOIN participant ON participant.id = enrollment.participantId
                WHERE enrollment.eventId = ? ORDER BY participant.fullName, participant.id
                """, arguments: [eventID])
            let columnBySession = Dictionary(uniqueKeysWithValues: detail.sessions.enumerated().map { ($1.id!, $0) })
            var marksByParticipant: [Int64: [AttendanceStatus?]] = [:]
            let rows = try Row.fetchCursor(db, sql: """
                SELECT enrollment.participantId, attendance.sessionId, attendance.status
                FROM attendance JOIN enrollment ON enrollment.id = attendance.enrollmentId
                WHERE enrollment.eventId = ?
                """, arguments: [eventID])
            while let row = try rows.next() {
                let participantID: Int64 = row[0]
                guard let column = columnBySession[row[1]] else { continue }
                marksByParticipant[participantID, default: Array(repeating: nil, count: detail.sessions.count)][column] = row[2]
            }
            let rule = detail.course.course.completionRule
            return AttendanceSheet(
                event: detail, sessions: detail.sessions, rule: rule,
                rows: people.map { person in
                    let marks = marksByParticipant[person.id!] ?? Array(repeating: nil, count: detail.sessions.count)
                    return AttendanceSheet.Row(participant: person, marks: marks,
                                               standing: rule.evaluate(marks, sessionCount: detail.sessions.count))
                })
        }
    }
}

extension Array where Element: Hashable {
    func firstRepeated() -> Element? {
        var seen = Set<Element>()
        return first { !seen.insert($0).inserted }
    }
}
