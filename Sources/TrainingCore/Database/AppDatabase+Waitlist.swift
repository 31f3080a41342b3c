import Foundation
import GRDB

extension AppDatabase {
    /// Enrolls people in an event, in the order given, and puts those beyond its capacity on its waitlist.
    ///
    /// All or nothing: someone already enrolled or waiting, or a participant who
    /// would be in two overlapping sessions (unless `allowConflict`), refuses the whole batch.
    ///
    /// For example:
    /// ```swift
    /// let outcome = try database.enrollOrWaitlist(eventID: 1, participantIDs: [4, 5, 6])
    /// outcome.waitlisted   // [(6, 1)] when only two places were left
    /// ```
    public func enrollOrWaitlist(eventID: Int64, participantIDs: [Int64], allowConflict: Bool = false) throws -> EnrollmentOutcome {
        guard !participantIDs.isEmpty else {
            throw MalakaError.usage("Name at least one participant to enroll, by number.")
        }
        if let twice = participantIDs.firstRepeated() {
            throw MalakaError.usage("Participant \(twice) is named twice. Name each person once.")
        }
        return try write(.enroll) { db in
            let detail = try eventDetail(db, id: eventID)
            guard detail.event.status != .cancelled else {
                throw MalakaError.data("Event \(eventID) was cancelled (\(detail.event.cancelReason ?? "")); nobody can enroll in it.")
            }
            let known = Set(try Int64.fetchAll(db, Participant.select(Column("id")).filter(keys: participantIDs)))
            if let unknown = participantIDs.first(where: { !known.contains($0) }) {
                _ = try participant(db, id: unknown)
            }
            let already = Set(try Int64.fetchAll(db, Enrollment.select(Enrollment.Columns.participantId)
                .filter(Enrollment.Columns.eventId == eventID)))
            if let twice = participantIDs.first(where: already.contains) {
                let person = try participant(db, id: twice)
                throw MalakaError.data("\(person.fullName) (\(twice)) is already enrolled in event \(eventID). Nothing was changed.")
            }
            let waitingIDs = try Int64.fetchAll(db, sql: "SELECT participantId FROM waitlist WHERE eventId = ? ORDER BY id",
                                                arguments: [eventID])
            if let index = waitingIDs.firstIndex(where: Set(participantIDs).contains) {
                let person = try participant(db, id: waitingIDs[index])
                throw MalakaError.data("\(person.fullName) (\(waitingIDs[index])) is already number \(index + 1) on the waitlist of event \(eventID). Nothing was changed.")
            }
            var outcome = EnrollmentOutcome()
            outcome.allowedConflicts = try enforce(
                db, conflicts(db, eventID: eventID, kinds: [.participant], participantIDs: participantIDs),
                allow: allowConflict, action: "enroll")

            let waiting = waitingIDs.count
            let rule = WaitlistRule(capacity: detail.event.capacity, enrolled: detail.enrolledCount, waiting: waiting,
                                    status: detail.event.status)
            let free = rule.placesForNewcomers(participantIDs.count)
            let now = Date.databaseNow
            let enrolledAt = now.databaseValue
            // One prepared statement and one formatted timestamp: enrolling is on the bulk path.
            let insert = try db.cachedStatement(sql: "INSERT INTO enrollment (eventId, participantId, enrolledAt) VALUES (?, ?, ?)")
            for (index, participantID) in participantIDs.enumerated() {
                if index < free {
                    try insert.execute(arguments: [eventID, participantID, enrolledAt])
                    outcome.enrolled.append(Enrollment(id: db.lastInsertedRowID, eventId: eventID, participantId: participantID, enrolledAt: now))
                } else {
                    var entry = WaitlistEntry(id: nil, eventId: eventID, participantId: participantID, addedAt: now)
                    try entry.insert(db)
                    outcome.waitlisted.append((participantID, waiting + index - free + 1))
                }
            }
            return outcome
        }
    }

    /// Takes people off an event or its waitlist, then fills the places freed from the waitlist, in order.
    ///
    /// Refuses someone with attendance marks unless `force`, which deletes the marks.
    public func withdraw(eventID: Int64, participantIDs: [Int64], force: Bool = false) throws -> WithdrawalOutcome {
        guard !participantIDs.isEmpty else {
            throw MalakaError.usage("Name at least one participant to unenroll, by number.")
        }
        return try write(.unenroll) { db in
            _ = try eventDetail(db, id: eventID)
            var outcome = WithdrawalOutcome()
            for participantID in participantIDs {
                let person = try participant(db, id: participantID)
                guard let enrollment = try Enrollment
                    .filter(Enrollment.Columns.eventId == eventID && Enrollment.Columns.participantId == participantID)
                    .fetchOne(db)
                else {
                    let removed = try WaitlistEntry
                        .filter(WaitlistEntry.Columns.eventId == eventID && WaitlistEntry.Columns.participantId == participantID)
                        .deleteAll(db)
                    guard removed > 0 else {
                        throw MalakaError.data("\(person.fullName) (\(participantID)) is not enrolled in event \(eventID). Nothing was changed.")
                    }
                    outcome.leftWaitlist.append(participantID)
                    continue
                }
                let marks = try Attendance.filter(Column("enrollmentId") == enrollment.id!).fetchCount(db)
                if marks > 0 && !force {
                    throw MalakaError(.data, .wouldLoseMarks, "\(person.fullName) (\(participantID)) has \(marks) attendance mark(s) in event \(eventID); unenrolling would delete them. Nothing was changed.",
                                      subject: .participant(participantID), remedy: .force(.unenroll))
                }
                outcome.deletedMarks += marks
                try enrollment.delete(db)
            }
            outcome.promoted = try promote(db, eventID: eventID)
            return outcome
        }
    }

    /// Changes an event's number of places (nil: no limit), promoting from the waitlist into new places.
    ///
    /// A capacity below the number already enrolled is refused: nobody loses a place by it.
    public func setCapacity(eventID: Int64, capacity: Int?) throws -> (detail: EventDetail, promoted: [Participant]) {
        if let capacity, capacity <= 0 {
            throw MalakaError(.data, .valueOutOfRange, "Capacity \(capacity) is not a number of places.",
                              subject: .event(eventID), remedy: .givePositiveCapacityOrNone)
        }
        let promoted = try write(.setCapacity) { db -> [Participant] in
            var event = try eventDetail(db, id: eventID).event
            let enrolled = try Enrollment.filter(Enrollment.Columns.eventId == eventID).fetchCount(db)
            if let capacity, capacity < enrolled {
                throw MalakaError.data("Event \(eventID) has \(enrolled) people enrolled; a capacity of \(capacity) would drop \(enrolled - capacity) of them. Nothing was changed. Unenroll people first, or give a capacity of at least \(enrolled).")
            }
            event.capacity = capacity
            try event.update(db)
            return try promote(db, eventID: eventID)
        }
        return (try eventDetail(id: eventID), promoted)
    }

    /// Moves the first waitlisted people into the event's free places.
    func promote(_ db: Database, eventID: Int64) throws -> [Participant] {
        let detail = try eventDetail(db, id: eventID)
        let rule = WaitlistRule(capacity: detail.event.capacity, enrolled: detail.enrolledCount, waiting: detail.waitlistedCount,
                                status: detail.event.status)
        guard rule.promotions > 0 else { return [] }
        let now = Date.databaseNow
        let request = WaitlistEntry.filter(WaitlistEntry.Columns.eventId == eventID).order(Column("id")).limit(rule.promotions)
        return try request.fetchAll(db).map { entry in
            try entry.delete(db)
            var enrollment = Enrollment(id: nil, eventId: eventID, participantId: entry.participantId, enrolledAt: now)
            try enrollment.insert(db)
            return try participant(db, id: entry.participantId)
        }
    }

    /// A person's place on an event's waitlist (1 = next), or nil when they are not on it.
    func waitlistPosition(_ db: Database, eventID: Int64, participantID: Int64) throws -> Int? {
        guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM waitlist WHERE eventId = ? AND participantId = ?",
                                          arguments: [eventID, participantID])
        else { return nil }
        return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM waitlist WHERE eventId = ? AND id <= ?", arguments: [eventID, id])
    }

    /// Who is enrolled in an event (by name) and who waits for a place (in order).
    public func roster(eventID: Int64) throws -> (enrolled: [Participant], waitlisted: [Participant]) {
        try read { db in
            _ = try eventDetail(db, id: eventID)
            let enrolled = try Participant.fetchAll(db, sql: """
                SELECT participant.* FROM enrollment JOIN participant ON participant.id = enrollment.participantId
                WHERE enrollment.eventId = ? ORDER BY participant.fullName, participant.id
                """, arguments: [eventID])
            let waitlisted = try Participant.fetchAll(db, sql: """
                SELECT participant.* FROM waitlist JOIN participant ON participant.id = waitlist.participantId
                WHERE waitlist.eventId = ? ORDER BY waitlist.id
                """, arguments: [eventID])
            return (enrolled, waitlisted)
        }
    }
}
