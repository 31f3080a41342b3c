import Foundation
import GRDB

extension AppDatabase {
    /// Moves a whole event, its legs and its sessions, so that it starts on `newStart`; optionally at new times.
    ///
    /// Sessions keep their attendance: moving an event with marks is refused
    /// unless `force`, and then the marks move with their sessions. The new
    /// dates are checked for conflicts like a new event, participants included.
    ///
    /// For example:
    /// ```swift
    /// try database.rescheduleEvent(id: 1, startingOn: DayDate(parsing: "2019-04-01"))
    /// ```
    public func rescheduleEvent(id: Int64, startingOn newStart: DayDate, time: TimeRange? = nil,
                                force: Bool = false, allowConflict: Bool = false, dryRun: Bool = false) throws -> ScheduleChange {
        var change = try write(.rescheduleEvent, dryRun: dryRun) { db -> ScheduleChange in
            var event = try changeableEvent(db, id: id)
            let shift = newStart.dayNumber - event.startDate.dayNumber
            guard shift != 0 || time != nil else {
                throw MalakaError(.usage, .nothingToDo, "Event \(id) already starts on \(newStart.dotted).", subject: .event(id),
                                  remedy: .giveAnotherDateOrTime)
            }
            let sessions = try Session.filter(Session.Columns.eventId == id).fetchAll(db)
            // Left there by changes made at two sites at once (the import listed it): moving everything keeps it outside.
            if let outside = sessions.first(where: { $0.date < event.startDate || $0.date > event.endDate }) {
                throw MalakaError.data("Event \(id)'s session on \(outside.date.dotted) at \(outside.startTime) lies outside the event's dates, \(event.startDate.dotted) to \(event.endDate.dotted), after changes made at two sites. Nothing was changed. Move that session first (malaka session move \(id) --date \(outside.date.dotted) --start-time \(outside.startTime) --to DATE), or widen the event's dates (malaka event edit \(id) --start DATE --end DATE).")
            }
            let marks = try markCount(db, sessionIDs: sessions.map { $0.id! })
            if marks > 0 && !force {
                throw MalakaError(.data, .wouldMoveMarks, "Event \(id) already has \(marks) attendance mark(s); moving it to \(newStart.dotted) would move them to the new dates. Nothing was changed.",
                                  subject: .event(id), remedy: .force(.moveMarksWithSessions))
            }
            try Self.checkSessionsApart(sessions.map { session in
                (session.date.adding(days: shift), try time ?? TimeRange(start: session.startTime, end: session.endTime))
            })
            // Through a temporary time so that no two sessions ever share (eventId, date, startTime) midway.
            try db.execute(sql: "UPDATE session SET startTime = '-' || startTime WHERE eventId = ?", arguments: [id])
            event.startDate = event.startDate.adding(days: shift)
            event.endDate = event.endDate.adding(days: shift)
            try event.update(db)
            try db.execute(sql: "UPDATE studyTourLeg SET startDate = date(startDate, ? || ' days'), endDate = date(endDate, ? || ' days') WHERE eventId = ?",
                           arguments: [shift, shift, id])
            for var session in sessions {
                session.date = session.date.adding(days: shift)
                if let time {
                    let wasLength = abs(session.hours - Double(session.endTime.minutes - session.startTime.minutes) / 60) < 0.001
                    session.startTime = time.start
                    session.endTime = time.end
                    if wasLength { session.hours = time.hours }
                }
                session.revision += 1
                try session.update(db)
            }
            var change = ScheduleChange(detail: try eventDetail(db, id: id))
            change.sessionsChanged = sessions.count
            change.marksMoved = marks
            change.allowedConflicts = try enforce(db, conflicts(db, eventID: id), allow: allowConflict, action: "reschedule")
            return change
        }
        if !dryRun { change.detail = try eventDetail(id: id) }
        return change
    }

    /// Moves one session to another day or time within its event's dates.
    ///
    /// A session with attendance is moved only with `force`, and its marks move with it.
    public func moveSession(eventID: Int64, on date: DayDate, at startTime: TimeOfDay? = nil, to newDate: DayDate,
                            time: TimeRange? = nil, force: Bool = false, allowConflict: Bool = false,
                            dryRun: Bool = false) throws -> ScheduleChange {
        var change = try write(.moveSession, dryRun: dryRun) { db -> ScheduleChange in
            let event = try changeableEvent(db, id: eventID)
            var session = try findSession(db, eventID: eventID, on: date, at: startTime)
            let twinsOfSlot = try othersAtTheSameTime(db, as: session)
            let newTime = try time ?? TimeRange(start: session.startTime, end: session.endTime)
            guard newDate != session.date || newTime.start != session.startTime || newTime.end != session.endTime else {
                throw MalakaError.usage("The session is already on \(newDate.dotted) at \(newTime). Give another date or time.")
            }
            guard newDate >= event.startDate && newDate <= event.endDate else {
                throw MalakaError(.data, .outsideEventDates, "\(newDate.dotted) falls outside event \(eventID)'s dates, \(event.startDate.dotted) to \(event.endDate.dotted). Nothing was changed.",
                                  subject: .event(eventID), remedy: .widenEvent(eventID, orReschedule: true))
            }
            let marks = try markCount(db, sessionIDs: [session.id!])
            if marks > 0 && !force {
                throw MalakaError(.data, .wouldMoveMarks, "The session of event \(eventID) on \(session.date.dotted) at \(session.startTime) has \(marks) attendance mark(s); moving it to \(newDate.dotted) would move them with it. Nothing was changed.",
                                  subject: .session(event: eventID, date: session.date), remedy: .force(.moveSessionWithMarks))
            }
            let others = try Session.filter(Session.Columns.eventId == eventID && Column("id") != session.id!).fetchAll(db)
            try Self.checkSessionsApart(others.map { ($0.date, try TimeRange(start: $0.startTime, end: $0.endTime)) } + [(newDate, newTime)])
            let wasLength = abs(session.hours - Double(session.endTime.minutes - session.startTime.minutes) / 60) < 0.001
            session.date = newDate
            session.startTime = newTime.start
            session.endTime = newTime.end
            if wasLength { session.hours = newTime.hours }
            session.revision += 1
            try session.update(db)
            var change = ScheduleChange(detail: try eventDetail(db, id: eventID))
            change.sessionsChanged = 1
            change.marksMoved = marks
            change.othersAtTheSameTime = twinsOfSlot
            change.allowedConflicts = try enforce(db, conflicts(db, eventID: eventID), allow: allowConflict, action: "move session")
            return change
        }
        if !dryRun { change.detail = try eventDetail(id: eventID) }
        return change
    }

    /// Adds one session to an event, within its dates.
    public func addSession(eventID: Int64, on date: DayDate, time: TimeRange, hours: Double? = nil,
                           allowConflict: Bool = false) throws -> ScheduleChange {
        if let hours, !(hours > 0 && hours <= 24) {
            throw MalakaError.data("A session of \(hours) hours is not possible. Give hours from 0 to 24, or leave them to follow from the times.")
        }
        var change = try write(.addSession) { db -> ScheduleChange in
            let event = try changeableEvent(db, id: eventID)
            guard date >= event.startDate && date <= event.endDate else {
                throw MalakaError(.data, .outsideEventDates, "\(date.dotted) falls outside event \(eventID)'s dates, \(event.startDate.dotted) to \(event.endDate.dotted). Nothing was changed.",
                                  subject: .event(eventID), remedy: .widenEvent(eventID, orReschedule: false))
            }
            let others = try Session.filter(Session.Columns.eventId == eventID).fetchAll(db)
            try Self.checkSessionsApart(others.map { ($0.date, try TimeRange(start: $0.startTime, end: $0.endTime)) } + [(date, time)])
            var session = Session(id: nil, eventId: eventID, date: date, startTime: time.start, endTime: time.end,
                                  hours: hours ?? time.hours, timeZone: PlaceTimeZone(regionCode: event.regionCode))
            try session.insert(db)
            var change = ScheduleChange(detail: try eventDetail(db, id: eventID))
            change.sessionsChanged = 1
            change.allowedConflicts = try enforce(db, conflicts(db, eventID: eventID), allow: allowConflict, action: "add session")
            return change
        }
        change.detail = try eventDetail(id: eventID)
        return change
    }

    /// Deletes one session. Its attendance marks are lost, so a session with marks needs `force`;
    /// the refusal says whose marks would be lost before anything changes.
    public func deleteSession(eventID: Int64, on date: DayDate, at startTime: TimeOfDay? = nil,
                              force: Bool = false, dryRun: Bool = false) throws -> ScheduleChange {
        var change = try write(.deleteSession, dryRun: dryRun) { db -> ScheduleChange in
            _ = try changeableEvent(db, id: eventID)
            let session = try findSession(db, eventID: eventID, on: date, at: startTime)
            guard try Session.filter(Session.Columns.eventId == eventID).fetchCount(db) > 1 else {
                throw MalakaError(.data, .lastSession, "The session on \(date.dotted) is event \(eventID)'s only one. Nothing was changed.",
                                  subject: .session(event: eventID, date: date), remedy: .cancelEventInstead(eventID))
            }
            let people = try String.fetchAll(db, sql: """
                SELECT participant.fullName || ' (' || participant.id || ')' FROM attendance
                JOIN enrollment ON enrollment.id = attendance.enrollmentId
                JOIN participant ON participant.id = enrollment.participantId
                WHERE attendance.sessionId = ? ORDER BY participant.fullName, participant.id
                """, arguments: [session.id!])
            if !people.isEmpty && !force {
                let names = people.prefix(10).joined(separator: ", ") + (people.count > 10 ? " and \(people.count - 10) more" : "")
                throw MalakaError(.data, .wouldLoseMarks, "The session of event \(eventID) on \(date.dotted) at \(session.startTime) has \(people.count) attendance mark(s), of \(names); deleting it would lose them. Nothing was changed.",
                                  subject: .session(event: eventID, date: date), remedy: .force(.deleteSessionWithMarks))
            }
            let twinsOfSlot = try othersAtTheSameTime(db, as: session)
            try session.delete(db)
            var change = ScheduleChange(detail: try eventDetail(db, id: eventID))
            change.sessionsChanged = 1
            change.othersAtTheSameTime = twinsOfSlot
            change.marksLost = people.count
            change.peopleWithLostMarks = people
            return change
        }
        if !dryRun { change.detail = try eventDetail(id: eventID) }
        return change
    }

    /// Changes an event's first or last day; every session and leg must stay within them.
    public func setEventDates(id: Int64, start: DayDate?, end: DayDate?) throws -> EventDetail {
        try write(.setEventDates) { db in
            var event = try changeableEvent(db, id: id)
            let newStart = start ?? event.startDate
            let newEnd = end ?? event.endDate
            guard newEnd >= newStart else {
                throw MalakaError.data("The event cannot end (\(newEnd.dotted)) before it starts (\(newStart.dotted)). Nothing was changed.")
            }
            if let outside = try Session.filter(Session.Columns.eventId == id)
                .filter(Session.Columns.date < newStart || Session.Columns.date > newEnd).order(Session.Columns.date).fetchOne(db) {
                throw MalakaError.data("Event \(id) has a session on \(outside.date.dotted), outside \(newStart.dotted) to \(newEnd.dotted). Nothing was changed. Move or delete that session first.")
            }
            if let leg = try StudyTourLeg.filter(Column("eventId") == id)
                .filter(Column("startDate") < newStart || Column("endDate") > newEnd).fetchOne(db) {
                throw MalakaError.data("Leg \(leg.position) (\(leg.hostOrganisation)) runs \(leg.startDate.dotted) to \(leg.endDate.dotted), outside \(newStart.dotted) to \(newEnd.dotted). Nothing was changed.")
            }
            event.startDate = newStart
            event.endDate = newEnd
            try event.update(db)
        }
        return try eventDetail(id: id)
    }

    /// Runs a change in one transaction; with `dryRun`, works it out and rolls it back, so nothing changes.
    private func write(_ operation: ChangeOperation, dryRun: Bool, _ change: (Database) throws -> ScheduleChange) throws -> ScheduleChange {
        guard dryRun else { return try write(operation, change) }
        struct Preview: Error { var change: ScheduleChange }
        do {
            try write(operation) { db in throw Preview(change: try change(db)) }
        } catch let preview as Preview {
            return preview.change
        }
        preconditionFailure("A preview always rolls back.")
    }

    private func changeableEvent(_ db: Database, id: Int64) throws -> Event {
        let event = try eventDetail(db, id: id).event
        guard event.status != .cancelled else {
            throw MalakaError.data("Event \(id) was cancelled (\(event.cancelReason ?? "")); its sessions cannot change.")
        }
        return event
    }

    private func markCount(_ db: Database, sessionIDs: [Int64]) throws -> Int {
        guard !sessionIDs.isEmpty else { return 0 }
        return try Attendance.filter(sessionIDs.contains(Column("sessionId"))).fetchCount(db)
    }

    /// How many other sessions of the event share the session's date and start time (``ScheduleChange/othersAtTheSameTime``).
    private func othersAtTheSameTime(_ db: Database, as session: Session) throws -> Int {
        try Session.filter(Session.Columns.eventId == session.eventId && Session.Columns.date == session.date
                           && Session.Columns.startTime == session.startTime && Column("id") != session.id!).fetchCount(db)
    }

    /// The session of an event on a day; `startTime` says which when the day has several.
    func findSession(_ db: Database, eventID: Int64, on date: DayDate, at startTime: TimeOfDay?) throws -> Session {
        // Two sessions at one date and time (changed at two sites at once): the one made first, the same at every site.
        let all = try Session.filter(Session.Columns.eventId == eventID)
            .order(Session.Columns.date, Session.Columns.startTime, Column("uuid")).fetchAll(db)
        let onDay = all.filter { $0.date == date }
        guard !onDay.isEmpty else {
            throw MalakaError.data("Event \(eventID) has no session on \(date.dotted). Its sessions are on \(all.map(\.date.dotted).joined(separator: ", ")).")
        }
        if let startTime {
            guard let session = onDay.first(where: { $0.startTime == startTime }) else {
                throw MalakaError.data("Event \(eventID) has no session starting at \(startTime) on \(date.dotted); it has \(onDay.map { "\($0.startTime)" }.joined(separator: ", ")).")
            }
            return session
        }
        guard onDay.count == 1 else {
            throw MalakaError(.usage, .ambiguousSession, "Event \(eventID) has \(onDay.count) sessions on \(date.dotted) (starting \(onDay.map { "\($0.startTime)" }.joined(separator: ", "))).",
                              subject: .session(event: eventID, date: date), remedy: .chooseStartTime)
        }
        return onDay[0]
    }
}
