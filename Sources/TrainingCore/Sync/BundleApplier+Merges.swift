import GRDB

/// Merges of two people made at another site, met here: what points here at the person merged away follows
/// the merge, and references to that person (or their enrollments) land on the person kept.
extension BundleApplier {
    /// A person merged away elsewhere may have been enrolled or marked here since: what points at them here
    /// moves to the person kept, as the merge moved what the merging site had. An enrollment in an event the
    /// kept person is enrolled in too becomes one with it, as the merging site will make it once it receives ours.
    func followMerge(ofParticipant mergedID: Int64, uuid: String) throws {
        guard let kept = try keptParticipant(of: uuid),
              let keptID = try Int64.fetchOneCached(db, sql: "SELECT id FROM participant WHERE uuid = ?", arguments: [try alias("participant", kept) ?? kept])
        else { return }
        try moveRows(ofParticipant: mergedID, to: keptID)
    }

    /// Enrollments (combined with the kept person's in the same event), certificates and waitlist places.
    private func moveRows(ofParticipant mergedID: Int64, to keptID: Int64) throws {
        for (enrollmentID, eventID) in try Row.fetchAllCached(db, sql: "SELECT id, eventId FROM enrollment WHERE participantId = ?",
                                                         arguments: [mergedID]).map({ ($0[0] as Int64, $0[1] as Int64) }) {
            if let keptEnrollment = try Int64.fetchOneCached(db, sql: "SELECT id FROM enrollment WHERE eventId = ? AND participantId = ?",
                                                        arguments: [eventID, keptID]) {
                try combine("enrollment", stays: keptEnrollment, goes: enrollmentID)
            } else {
                try db.executeCached(sql: "UPDATE enrollment SET participantId = ? WHERE id = ?", arguments: [keptID, enrollmentID])
            }
        }
        // Certificates are never deleted; a waitlist place the kept person already has is dropped.
        try db.executeCached(sql: "UPDATE OR IGNORE certificate SET participantId = ? WHERE participantId = ?", arguments: [keptID, mergedID])
        if try db.tableExists("waitlist") {
            try db.executeCached(sql: "UPDATE OR IGNORE waitlist SET participantId = ? WHERE participantId = ?", arguments: [keptID, mergedID])
            try db.executeCached(sql: "DELETE FROM waitlist WHERE participantId = ?", arguments: [mergedID])
        }
    }

    /// People merged into one another are one person, however the merges went: one merged into two people at two
    /// sites makes those two one too. Of the records of such a group left here, all become the one with the
    /// smallest uuid (with the later version's details), as at every site that learns of the same merges in
    /// whatever order.
    func joinMergeGroups(of uuids: some Sequence<String>) throws {
        var seen: Set<String> = []
        for start in uuids where !seen.contains(start) {
            var group: Set<String> = [start]
            var queue = [start]
            while let uuid = queue.popLast() {
                for next in try mergePartners(of: uuid) where group.insert(next).inserted { queue.append(next) }
            }
            seen.formUnion(group)
            let people = try Row.fetchAll(db, sql: "SELECT id, uuid FROM participant WHERE uuid IN (\(group.map { _ in "?" }.joined(separator: ", ")))",
                                          arguments: StatementArguments(Array(group)))
                .map { (uuid: $0["uuid"] as String, id: $0["id"] as Int64) }
            guard let survivor = people.min(by: { $0.uuid < $1.uuid }) else { continue }
            for other in people where other.id != survivor.id {
                try moveRows(ofParticipant: other.id, to: survivor.id)
                try combine("participant", stays: survivor.id, goes: other.id)
            }
        }
    }

    /// An enrollment a merge elsewhere combined with the kept person's in the same event is deleted there; marks
    /// made for it here meanwhile move to the kept person's enrollment, as they will at the merging site when they
    /// arrive there (two marks for one session become one, as twins do).
    ///
    /// - Parameter person: the person the merging site's enrollment was of (it may have followed another merge here).
    func keepMarks(ofCombinedEnrollment enrollmentID: Int64, person given: String?) throws {
        guard let enrollment = try Row.fetchOneCached(db, sql: """
            SELECT en.eventId, p.id AS personID, p.uuid AS person FROM enrollment en JOIN participant p ON p.id = en.participantId WHERE en.id = ?
            """, arguments: [enrollmentID]) else { return }
        // The person the merge being applied kept first: the merging site moved the marks there.
        let candidates = [given.flatMap { pendingMerges[$0] }, try mergeTarget(of: enrollment["person"]), try given.flatMap(mergeTarget(of:))]
        for kept in candidates.compactMap({ $0 }) {
            guard let keptID = try resolveReference(table: "participant", uuid: kept), keptID != enrollment["personID"],
                  let keptEnrollment = try Int64.fetchOneCached(db, sql: "SELECT id FROM enrollment WHERE eventId = ? AND participantId = ?",
                                                          arguments: [enrollment["eventId"] as Int64, keptID]) else { continue }
            try moveMarks(from: enrollmentID, to: keptEnrollment)
            return
        }
    }

    /// The local id of a travelling row; a person merged away answers with the one kept, and an enrollment
    /// of a person merged away with the kept person's enrollment in the same event.
    func resolveReference(table: String, uuid: String) throws -> Int64? {
        // The row, or the one its uuid became when it was found made twice: one statement, as most references are plain.
        let lookup = """
            SELECT id FROM \(table.quotedDatabaseIdentifier) WHERE uuid = coalesce((SELECT keptUuid FROM syncAlias WHERE tableName = ? AND uuid = ?), ?)
            """
        if let id = try Int64.fetchOneCached(db, sql: lookup, arguments: [table, uuid, uuid]) { return id }
        switch table {
        case "participant":
            guard let kept = try mergeTarget(of: uuid) else { return nil }
            if let id = try Int64.fetchOneCached(db, sql: lookup, arguments: [table, kept, kept]) { return id }
            return try settleRound(of: uuid)?.rowid
        case "enrollment":
            // What the enrollment said when it was last written (a deletion carries the row as it was).
            guard let last = try Row.fetchOneCached(db, sql: """
                SELECT json_extract(r.value, '$.values.eventUuid') AS event, json_extract(r.value, '$.values.participantUuid') AS person
                FROM rowVersion v JOIN change c ON c.site = v.site AND c.siteSequence = v.siteSequence, json_each(c.rows) r
                WHERE v.tableName = 'enrollment' AND v.uuid = ?
                  AND json_extract(r.value, '$.table') = 'enrollment' AND json_extract(r.value, '$.uuid') = v.uuid
                  AND json_type(r.value, '$.values') = 'object'
                """, arguments: [uuid]), let person: String = last["person"],
                  // A person some merge took part in: their enrollments may have become one with another's of the group.
                  try !mergePartners(of: person).isEmpty,
                  let personID = try resolveReference(table: "participant", uuid: person) else { return nil }
            return try Int64.fetchOneCached(db, sql: """
                SELECT en.id FROM enrollment en JOIN event e ON e.id = en.eventId WHERE e.uuid = ? AND en.participantId = ?
                """, arguments: [last["event"] as String?, personID])
        default:
            return nil
        }
    }

    /// The people a merge known here (the entry being applied's included) merged `uuid` into or merged into them.
    private func mergePartners(of uuid: String) throws -> [String] {
        try String.fetchAllCached(db, sql: """
            SELECT keptUuid FROM syncMerge WHERE mergedUuid = ? UNION SELECT mergedUuid FROM syncMerge WHERE keptUuid = ?
            """, arguments: [uuid, uuid])
            + pendingMerges.filter { $0.key == uuid || $0.value == uuid }.flatMap { [$0.key, $0.value] }
    }

    /// The person a merged-away person was merged into, following merges of merges; nil when never merged.
    func keptParticipant(of uuid: String) throws -> String? {
        let target = try mergeTarget(of: uuid)
        return target == uuid ? nil : target
    }

    /// Where the merges known here lead from `uuid`: nil when it was never merged away, else the person at the
    /// end of the chain. Merges that go round (two sites merging the same two people each its own way) end on
    /// the smallest uuid of the round, which may be `uuid` itself: every site chooses alike.
    func mergeTarget(of uuid: String) throws -> String? {
        let path = try mergePath(from: uuid)
        guard path.count > 1 else { return nil }
        if let round = Self.round(path) { return round.min() }
        return path.last
    }

    /// The same two (or more) people merged each way at different sites: one person, kept here under the round's
    /// smallest uuid whatever row of it this site kept, its tombstone lifted and the other uuids answering for it.
    ///
    /// - Returns: the uuid and local id of that row, or nil when `uuid`'s merges do not go round or no row of
    ///   the round is here.
    func settleRound(of uuid: String) throws -> (uuid: String, rowid: Int64)? {
        guard let round = Self.round(try mergePath(from: uuid)), let kept = round.min(),
              let row = try Row.fetchOne(db, sql: "SELECT id, uuid FROM participant WHERE uuid IN (\(round.map { _ in "?" }.joined(separator: ", ")))",
                                         arguments: StatementArguments(round)) else { return nil }
        let present: String = row["uuid"]
        if present != kept {
            try db.executeCached(sql: "UPDATE participant SET uuid = ? WHERE id = ?", arguments: [kept, row["id"] as Int64])
            try db.executeCached(sql: """
                INSERT OR REPLACE INTO rowVersion (tableName, uuid, site, siteSequence, hlc)
                SELECT tableName, ?, site, siteSequence, hlc FROM rowVersion WHERE tableName = 'participant' AND uuid = ?
                """, arguments: [kept, present])
        }
        try db.executeCached(sql: "DELETE FROM syncTombstone WHERE tableName = 'participant' AND uuid = ?", arguments: [kept])
        for other in round where other != kept {
            try recordAlias("participant", lost: other, kept: kept)
        }
        return (kept, row["id"])
    }

    /// `uuid`, the person it was merged into, the one that one was merged into…, stopping at the first repeat.
    private func mergePath(from uuid: String) throws -> [String] {
        var path = [uuid]
        while let next = try mergedInto(path.last!) {
            path.append(next)
            if path.dropLast().contains(next) { break }
        }
        return path
    }

    /// The part of a merge path that goes round, when its last step leads back into it.
    private static func round(_ path: [String]) -> [String]? {
        guard let last = path.last, let start = path.dropLast().firstIndex(of: last) else { return nil }
        return Array(path[start..<(path.count - 1)])
    }

    /// The person `uuid` was merged into: by the earliest merge known here, the entry being applied included.
    private func mergedInto(_ uuid: String) throws -> String? {
        let stored = try Row.fetchOneCached(db, sql: "SELECT keptUuid, hlc FROM syncMerge WHERE mergedUuid = ? ORDER BY hlc, keptUuid LIMIT 1",
                                      arguments: [uuid])
        if let pending = pendingMerges[uuid], stored.map({ pendingHlc < $0["hlc"] as String }) ?? true { return pending }
        return stored?["keptUuid"]
    }
}
