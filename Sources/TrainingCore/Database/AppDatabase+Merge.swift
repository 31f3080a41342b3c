import Foundation
import GRDB
import NameMatching

extension AppDatabase {
    /// Merges two records of one person into the first, in one transaction.
    ///
    /// The other record's participations, attendance marks and certificates move
    /// to the kept person; where both were enrolled in one event, the marks are
    /// combined (a mark the kept person already has the same is a repeat). Details
    /// the kept record lacks are taken from the other (its name becomes the other
    /// spelling when the kept record has none). The other record is then deleted,
    /// and both records as they were are stored in the `participantMerge` table
    /// with what moved, so nothing anyone typed is lost.
    ///
    /// The merge is refused, and nothing changes, when the records cannot be one person's:
    /// - both were enrolled in one event and marked differently for one session
    ///   (present and absent, late and excused…);
    /// - both were present (or late) at sessions of two events at the same time;
    /// - both hold a valid certificate for one event.
    ///
    /// Waitlists follow the person too: a record enrolled in an event takes the
    /// person off its waitlist, two places on one waitlist become the earlier one,
    /// and a place freed by combining two participations in one event goes to the
    /// next person waiting, as after a withdrawal.
    ///
    /// For example:
    /// ```swift
    /// let merge = try database.mergeParticipants(keep: 12, other: 57)
    /// merge.movedEnrollments   // 2
    /// merge.filledFields       // ["alternate-name", "phone"]
    /// ```
    public func mergeParticipants(keep keepID: Int64, other otherID: Int64) throws -> ParticipantMerge {
        guard keepID != otherID else {
            throw MalakaError.usage("Give two different participants: the one to keep, then the one to merge into it.")
        }
        return try write(.mergePeople) { db in
            let keep = try participant(db, id: keepID)
            let other = try participant(db, id: otherID)
            let obstacles = try mergeObstacles(db, keep: keepID, other: otherID)
            guard obstacles.isEmpty else {
                let reasons = obstacles.map(\.description).joined(separator: "; ")
                throw MalakaError(.data, .cannotMerge, "\(keep.fullName) (\(keepID)) and \(other.fullName) (\(otherID)) cannot be one person: \(reasons). Nothing was changed.",
                                  subject: .participant(otherID), remedy: .correctAttendanceAndMergeAgain)
            }

            var movedEnrollments = 0, combinedEnrollments = 0, movedMarks = 0, repeatedMarks = 0
            var combinedEvents: Set<Int64> = []
            let keepEnrollments = Dictionary(uniqueKeysWithValues: try Row.fetchAll(
                db, sql: "SELECT eventId, id FROM enrollment WHERE participantId = ?", arguments: [keepID]
            ).map { ($0[0] as Int64, $0[1] as Int64) })
            for row in try Row.fetchAll(db, sql: "SELECT eventId, id FROM enrollment WHERE participantId = ?", arguments: [otherID]) {
                let (eventID, enrollmentID): (Int64, Int64) = (row[0], row[1])
                if let kept = keepEnrollments[eventID] {
                    let marks = try Int.fetchOne(db, sql: "SELECT count(*) FROM attendance WHERE enrollmentId = ?", arguments: [enrollmentID]) ?? 0
                    let repeated = try combineEnrollments(db, enrollmentID, kept, person: keepID)
                    movedMarks += marks - repeated
                    repeatedMarks += repeated
                    combinedEnrollments += 1
                    combinedEvents.insert(eventID)
                } else {
                    movedMarks += try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM attendance WHERE enrollmentId = ?",
                                                   arguments: [enrollmentID]) ?? 0
                    try db.execute(sql: "UPDATE enrollment SET participantId = ? WHERE id = ?", arguments: [keepID, enrollmentID])
                    movedEnrollments += 1
                }
            }
            // An enrollment of the merged record removed here is the kept record's, for a twin arriving later and
            // for the kept record's own enrollment in that event.
            try BundleApplier.followRemovalsAfterMerge(db, merged: otherID, keeping: keepID)
            try db.execute(sql: "UPDATE certificate SET participantId = ? WHERE participantId = ?", arguments: [keepID, otherID])
            let movedCertificates = db.changesCount
            let waitlist = try mergeWaitlists(db, keep: keepID, other: otherID)
            // Combining two participations in one event freed a place there: the waitlist fills it, as a withdrawal would.
            var promoted: [Int64: [Participant]] = [:]
            for eventID in combinedEvents.sorted() {
                let people = try promote(db, eventID: eventID)
                if !people.isEmpty { promoted[eventID] = people }
            }
            // Tables added later that point at participants follow the person too, rather than block the merge or lose rows.
            for (table, column) in try participantReferences(db) where !["enrollment", "certificate", "waitlist"].contains(table) {
                try db.execute(sql: "UPDATE \(table.quotedDatabaseIdentifier) SET \(column.quotedDatabaseIdentifier) = ? WHERE \(column.quotedDatabaseIdentifier) = ?",
                               arguments: [keepID, otherID])
            }

            var (kept, filled, differing) = combined(keep, other)
            try kept.update(db)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            encoder.dateEncodingStrategy = .iso8601
            var record = ParticipantMergeRecord(
                id: nil, keptParticipantId: keepID, mergedParticipantId: otherID,
                mergedRecord: String(decoding: try encoder.encode(other), as: UTF8.self),
                keptRecordBefore: String(decoding: try encoder.encode(keep), as: UTF8.self),
                movedEnrollments: movedEnrollments + combinedEnrollments, movedMarks: movedMarks,
                movedCertificates: movedCertificates, mergedAt: .databaseNow)
            try record.insert(db)
            try db.execute(sql: "DELETE FROM participant WHERE id = ?", arguments: [otherID])
            filled.sort()
            differing.sort()
            return ParticipantMerge(
                id: record.id!, kept: kept, merged: other, movedEnrollments: movedEnrollments,
                combinedEnrollments: combinedEnrollments, movedMarks: movedMarks, repeatedMarks: repeatedMarks,
                movedCertificates: movedCertificates, filledFields: filled, differingFields: differing,
                waitlistPlacesDropped: waitlist.dropped, waitlistPlacesMoved: waitlist.moved, promoted: promoted)
        }
    }

    /// Makes two enrollments of one person in one event one, as every site of a programme makes them: the one
    /// with the smaller uuid stays (whichever record it was of), with the marks of both; a session both have
    /// a mark for keeps the mark with the smaller uuid (the two were checked to say the same).
    ///
    /// - Returns: how many sessions both were marked for.
    private func combineEnrollments(_ db: Database, _ one: Int64, _ other: Int64, person: Int64) throws -> Int {
        let uuids = try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT id, uuid FROM enrollment WHERE id IN (?, ?)", arguments: [one, other])
            .map { ($0["id"] as Int64, $0["uuid"] as String) })
        let (stays, goes) = (uuids[one] ?? "") < (uuids[other] ?? "") ? (one, other) : (other, one)
        // Of two marks for one session, the one with the larger uuid goes.
        try db.execute(sql: """
            DELETE FROM attendance WHERE enrollmentId IN (?, ?) AND EXISTS (
              SELECT 1 FROM attendance twin WHERE twin.enrollmentId IN (?, ?) AND twin.enrollmentId <> attendance.enrollmentId
                AND twin.sessionId = attendance.sessionId AND twin.uuid < attendance.uuid)
            """, arguments: [stays, goes, stays, goes])
        let repeated = db.changesCount
        try db.execute(sql: "UPDATE attendance SET enrollmentId = ? WHERE enrollmentId = ?", arguments: [stays, goes])
        try db.execute(sql: "DELETE FROM enrollment WHERE id = ?", arguments: [goes])
        try db.execute(sql: "UPDATE enrollment SET participantId = ? WHERE id = ?", arguments: [person, stays])
        return repeated
    }

    /// Gives the kept person one place per event on waitlists, the better of the two records'.
    ///
    /// A person enrolled in an event no longer waits for it, whichever record was
    /// enrolled; when both records wait for one event, the earlier place in the
    /// queue is kept. Returns the events whose waitlist place was dropped as
    /// redundant and the number of places moved to the kept person as they were.
    private func mergeWaitlists(_ db: Database, keep keepID: Int64, other otherID: Int64) throws -> (dropped: [Int64], moved: Int) {
        // Enrollments have already moved to the kept person.
        let enrolled = try Int64.fetchAll(db, sql: """
            SELECT DISTINCT waitlist.eventId FROM waitlist JOIN enrollment
              ON enrollment.eventId = waitlist.eventId AND enrollment.participantId = ?
            WHERE waitlist.participantId IN (?, ?) ORDER BY waitlist.eventId
            """, arguments: [keepID, keepID, otherID])
        for eventID in enrolled {
            try db.execute(sql: "DELETE FROM waitlist WHERE eventId = ? AND participantId IN (?, ?)",
                           arguments: [eventID, keepID, otherID])
        }
        let bothWaiting = try Row.fetchAll(db, sql: """
            SELECT k.eventId, k.id, o.id FROM waitlist k JOIN waitlist o ON o.eventId = k.eventId
            WHERE k.participantId = ? AND o.participantId = ? ORDER BY k.eventId
            """, arguments: [keepID, otherID])
        for row in bothWaiting {
            let (keptEntry, otherEntry): (Int64, Int64) = (row[1], row[2])
            // The queue is ordered by id: the smaller one is the earlier place.
            try db.execute(sql: "DELETE FROM waitlist WHERE id = ?", arguments: [max(keptEntry, otherEntry)])
        }
        try db.execute(sql: "UPDATE waitlist SET participantId = ? WHERE participantId = ?", arguments: [keepID, otherID])
        return (enrolled + bothWaiting.map { $0[0] as Int64 }, db.changesCount)
    }

    /// What stands against merging `other` into `keep`; empty when nothing does.
    public func mergeObstacles(keep keepID: Int64, other otherID: Int64) throws -> [MergeObstacle] {
        try read { db in try mergeObstacles(db, keep: keepID, other: otherID) }
    }

    private func mergeObstacles(_ db: Database, keep: Int64, other: Int64) throws -> [MergeObstacle] {
        // One event, one session, two different marks.
        let differentMarks = try Row.fetchAll(db, sql: """
            SELECT session.eventId, session.date, session.startTime, k.status, o.status
            FROM enrollment ke JOIN enrollment oe ON oe.eventId = ke.eventId
            JOIN attendance k ON k.enrollmentId = ke.id
            JOIN attendance o ON o.enrollmentId = oe.id AND o.sessionId = k.sessionId
            JOIN session ON session.id = k.sessionId
            WHERE ke.participantId = ? AND oe.participantId = ? AND k.status <> o.status
            ORDER BY session.date, session.startTime
            """, arguments: [keep, other]).map { row in
            MergeObstacle.marksDiffer(event: row[0], date: row[1], startTime: row[2], first: row[3], second: row[4])
        }
        // Two events at the same time, present at both.
        let simultaneous = try Row.fetchAll(db, sql: """
            SELECT ks.eventId, ks.date, ks.startTime, ks.endTime, os.eventId, os.startTime, os.endTime
            FROM enrollment ke JOIN attendance k ON k.enrollmentId = ke.id JOIN session ks ON ks.id = k.sessionId,
                 enrollment oe JOIN attendance o ON o.enrollmentId = oe.id JOIN session os ON os.id = o.sessionId
            WHERE ke.participantId = ? AND oe.participantId = ? AND ks.eventId <> os.eventId
              AND ks.date = os.date AND ks.startTime < os.endTime AND os.startTime < ks.endTime
              AND k.status IN ('present', 'late') AND o.status IN ('present', 'late')
            ORDER BY ks.date, ks.startTime
            """, arguments: [keep, other]).map { row in
            MergeObstacle.bothAttended(date: row[1], first: .init(event: row[0], startTime: row[2], endTime: row[3]),
                                       second: .init(event: row[4], startTime: row[5], endTime: row[6]))
        }
        // Two valid certificates for one event.
        let certificates = try Row.fetchAll(db, sql: """
            SELECT k.eventId, k.serial, o.serial FROM certificate k JOIN certificate o ON o.eventId = k.eventId
            WHERE k.participantId = ? AND o.participantId = ? AND k.status = 'valid' AND o.status = 'valid'
            """, arguments: [keep, other]).map { row in
            MergeObstacle.twoValidCertificates(event: row[0], first: row[1], second: row[2])
        }
        return differentMarks + simultaneous + certificates
    }

    /// Every (table, column) with a foreign key to `participant`.
    private func participantReferences(_ db: Database) throws -> [(String, String)] {
        var references: [(String, String)] = []
        for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'") {
            for key in try Row.fetchAll(db, sql: "PRAGMA foreign_key_list(\(table.quotedDatabaseIdentifier))")
            where (key["table"] as String) == "participant" {
                references.append((table, key["from"]))
            }
        }
        return references
    }

    /// The kept record with what it lacked taken from the other, and the names of the fields filled and differing.
    private func combined(_ keep: Participant, _ other: Participant) -> (Participant, [String], [String]) {
        var kept = keep
        var filled: [String] = []
        var differing: [String] = []
        func take<Value: Equatable>(_ name: String, _ field: WritableKeyPath<Participant, Value?>) {
            if kept[keyPath: field] == nil, let value = other[keyPath: field] {
                kept[keyPath: field] = value
                filled.append(name)
            } else if let mine = kept[keyPath: field], let theirs = other[keyPath: field], mine != theirs {
                differing.append(name)
            }
        }
        if kept.alternateName == nil {
            let otherName = other.fullName != kept.fullName ? other.fullName : other.alternateName
            if let otherName {
                kept.alternateName = otherName
                filled.append("alternate-name")
            }
        } else if let theirs = other.alternateName ?? (other.fullName != kept.fullName ? other.fullName : nil),
                  theirs != kept.alternateName, theirs != kept.fullName {
            differing.append("alternate-name")
        }
        take("sex", \.sex)
        take("birth-year", \.birthYear)
        take("organisation", \.organisation)
        if let mine = kept.phone.flatMap(PhoneNumber.init), let theirs = other.phone.flatMap(PhoneNumber.init), mine.isSameLine(as: theirs) {
            // The same number written another way is no difference.
        } else {
            take("phone", \.phone)
        }
        if kept.regionCode == nil, let region = other.regionCode {
            kept.regionCode = region
            kept.districtCode = other.districtCode
            filled.append(other.districtCode == nil ? "region" : "region and district")
        } else if kept.regionCode != nil && kept.regionCode == other.regionCode {
            take("district", \.districtCode)
        } else if kept.regionCode != nil && other.regionCode != nil {
            differing.append("region")
        }
        take("locality", \.locality)
        take("language", \.language)
        if kept.consentDate == nil, let date = other.consentDate {
            kept.consentDate = date
            kept.consentRecordedBy = other.consentRecordedBy
            filled.append("consent")
        }
        if kept.category == .other && other.category != .other {
            kept.category = other.category
            filled.append("category")
        } else if other.category != .other && other.category != kept.category {
            differing.append("category")
        }
        kept.searchKey = Participant.searchKey(fullName: kept.fullName, alternateName: kept.alternateName)
        kept.crossScriptKey = Participant.crossScriptKey(fullName: kept.fullName, alternateName: kept.alternateName)
        return (kept, filled, differing)
    }
}
