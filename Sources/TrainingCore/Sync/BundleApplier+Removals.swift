import GRDB

/// Rows deleted at one site while others go on with them, decided uuid by uuid so that every site ends alike
/// whatever order the changes meet it in.
///
/// - A row made at two sites (twins: one person's enrollment in one event) is one row under several uuids. A
///   deletion under one of them deletes it under every uuid whose latest change is older than the deletion; a
///   uuid written after it (the person enrolled again) keeps the row. The deletion is remembered by what makes
///   the twins one (`syncRemoval`), so that a twin arriving after it finds it.
/// - Someone taken off an event's list at one site while another marked their attendance: a mark is the record
///   that someone came, and outweighs a removal made without seeing it, as a removal here is refused once there
///   are marks. The enrollment the mark was made for stays (or comes back, ``restoreRemovedEnrollment(_:)``),
///   with its marks, and the removal is listed.
extension BundleApplier {
    /// Applies a deletion decided by ``ConflictRule``: `uuid` is the row here that `given` names.
    func remove(_ table: String, uuid: String, given: String, rowid: Int64?, row: [String: Any], of entry: ChangeEntry) throws -> RowResult {
        guard let rowid else {
            try recordTombstones(table, [uuid], given: uuid, hlc: entry.hlc)
            try removeTwins(ofDeleted: given, in: table, row: row, by: entry)
            return RowResult(outcome: .applied, note: nil)
        }
        if table == "session", let kept = try keepsMarkedSession(uuid, rowid: rowid, by: entry) {
            return RowResult(outcome: .conflict, note: kept)
        }
        return try removeRow(table, rowid: rowid, uuid: uuid, given: given, givenIsThisRow: true, row: row, by: entry)
    }

    /// A deletion of a row gone from here, or never here: the row here that is one with it (its twin, made under
    /// another uuid) goes too unless written since, as at a site that held the two as one row.
    func removeTwins(ofDeleted given: String, in table: String, row: [String: Any], by entry: ChangeEntry) throws {
        guard try !identityKeys(of: table).isEmpty, let values = row["values"] as? [String: Any] else { return }
        let (resolved, missing) = try resolve(values, of: try capture(of: table), changeSite: entry.site)
        guard missing.isEmpty else { return }
        try recordRemoval(table, identity: try twinIdentity(table, values: resolved), by: entry)
        guard entry.operation != ChangeOperation.mergePeople.name, let twin = try twin(table, uuid: given, values: resolved) else { return }
        _ = try removeRow(table, rowid: twin.rowid, uuid: twin.uuid, given: given, givenIsThisRow: false, row: row, by: entry)
    }

    /// Deletes the row `rowid` (answering to `uuid`, and to `given` when `givenIsThisRow`) under every uuid not
    /// written since the deletion nor marked without seeing it; what is left of it stays, under the smallest.
    private func removeRow(_ table: String, rowid: Int64, uuid: String, given: String, givenIsThisRow: Bool,
                           row: [String: Any], by entry: ChangeEntry) throws -> RowResult {
        let applied = RowResult(outcome: .applied, note: nil)
        if givenIsThisRow, ["enrollment", "attendance"].contains(table), !pendingMerges.isEmpty, try survivesCombining(table, rowid, given: given) {
            return applied
        }
        var marked: Set<String> = []
        if table == "enrollment" {
            if entry.operation == ChangeOperation.mergePeople.name {
                try keepMarks(ofCombinedEnrollment: rowid, person: (row["values"] as? [String: Any])?["participantUuid"] as? String)
            } else {
                marked = try enrollmentsMarkedUnseen(byRemovalOf: rowid, in: entry)
            }
        }
        // Every uuid the row answers to here: the deletion takes those not written since and not marked unseen.
        let uuids = Set(try String.fetchAllCached(db, sql: """
            SELECT uuid FROM syncAlias a WHERE tableName = ? AND keptUuid = ?
              AND NOT EXISTS (SELECT 1 FROM syncTombstone t WHERE t.tableName = a.tableName AND t.uuid = a.uuid)
            """, arguments: [table, uuid]) + [uuid] + (givenIsThisRow ? [given] : []))
        if table == "attendance", entry.operation == ChangeOperation.deleteSession.name {
            marked = try marksChangedAfter(deletionOf: uuids, by: entry)
        }
        var removed: Set<String> = []
        for candidate in uuids where !marked.contains(candidate) {
            if try candidate == given || (latestChange(of: table, uuid: candidate).map { $0.hlc < entry.hlc } ?? true) {
                removed.insert(candidate)
            }
        }
        let identity = try Self.identityExpression(db, of: table, row: "r").flatMap { expression in
            try String.fetchOne(db, sql: "SELECT \(expression) FROM \(table.quotedDatabaseIdentifier) AS r WHERE r.rowid = ?", arguments: [rowid])
        }
        let staying = uuids.subtracting(removed)
        guard staying.isEmpty else {
            // Remembered even when nothing goes: the site that made the deletion has it, and a twin older than it
            // arriving later must be left out alike everywhere.
            try recordRemoval(table, identity: identity, by: entry)
            guard !removed.isEmpty else {
                guard givenIsThisRow else { return applied }
                if table == "attendance" {
                    try showLatestWrite(of: table, uuid, try latestChange(of: table, uuid: uuid))
                    return RowResult(outcome: .conflict, note: "attendance \(given) stays: \(entry.site) deleted its session without seeing it marked again")
                }
                return RowResult(outcome: .conflict, note: "\(table) \(given) stays: \(entry.site) removed it without seeing the attendance marked for it")
            }
            let kept = staying.min()!
            if kept != uuid { try db.executeCached(sql: "UPDATE \(table.quotedDatabaseIdentifier) SET uuid = ? WHERE rowid = ?", arguments: [kept, rowid]) }
            try recordTombstones(table, Array(removed), given: given, hlc: entry.hlc)
            for other in uuids where other != kept { try recordAlias(table, lost: other, kept: kept) }
            try showLatestWrite(ofTwins: kept, in: table, rowid: rowid)
            return applied
        }
        do {
            try db.executeCached(sql: "DELETE FROM \(table.quotedDatabaseIdentifier) WHERE rowid = ?", arguments: [rowid])
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            return RowResult(outcome: .conflict, note: "\(table) \(uuid) was not deleted here: \(error.message ?? "something here still refers to it")")
        }
        try recordTombstones(table, Array(removed), given: given, hlc: entry.hlc)
        try recordRemoval(table, identity: identity, by: entry)
        return applied
    }

    /// Remembers rows deleted; a uuid deleted before keeps its own tombstone. Those but `given` were deleted
    /// because a twin was (`byTwin`).
    func recordTombstones(_ table: String, _ uuids: [String], given: String?, hlc: String) throws {
        for uuid in uuids.sorted() {
            try db.executeCached(sql: """
                INSERT INTO syncTombstone (tableName, uuid, hlc, byTwin) VALUES (?, ?, ?, ?)
                ON CONFLICT (tableName, uuid) DO NOTHING
                """, arguments: [table, uuid, hlc, uuid != given])
        }
        if table == "enrollment" { mayHaveRemovedEnrollments = true }
    }

    /// Remembers the latest deletion of a row with these identity values (``twinIdentity(_:values:)``).
    /// A merge's deletions are not removals: the enrollment it deletes becomes one with the kept person's.
    private func recordRemoval(_ table: String, identity: String?, by entry: ChangeEntry) throws {
        guard let identity, entry.operation != ChangeOperation.mergePeople.name else { return }
        let hlc = entry.hlc
        try db.executeCached(sql: """
            INSERT INTO syncRemoval (tableName, identity, hlc) VALUES (?, ?, ?)
            ON CONFLICT (tableName, identity) DO UPDATE SET hlc = max(hlc, excluded.hlc)
            """, arguments: [table, identity, hlc])
        mayHaveRemovals = true
    }

    /// Forgets the tombstone of a uuid deleted only because a twin was, when `change` was written to it after the
    /// deletion: the row is back, as at a site that held the twins as one row when the deletion came.
    func revivesTwin(_ table: String, _ uuid: String, change: ChangeEntry) throws -> Bool {
        guard try Bool.fetchOneCached(db, sql: "SELECT byTwin AND hlc < ? FROM syncTombstone WHERE tableName = ? AND uuid = ?",
                                      arguments: [change.hlc, table, uuid]) ?? false else { return false }
        try db.executeCached(sql: "DELETE FROM syncTombstone WHERE tableName = ? AND uuid = ?", arguments: [table, uuid])
        return true
    }

    /// An enrollment that a merge here made the kept person's, whose enrollment in the event was removed here
    /// after this one was last written: removed with it, as at a site that held the two as one row when the removal
    /// came; unless it has marks, made without seeing the removal.
    func followRemovalOfTwin(enrollment rowid: Int64) throws {
        guard mayHaveRemovals else { return }
        if try Self.followRemovalOfTwin(db, enrollment: rowid, lastWritten: { try latestChange(of: "enrollment", uuid: $0)?.hlc }) {
            mayHaveRemovedEnrollments = true
        }
    }

    /// ``followRemovalOfTwin(enrollment:)`` for the applier and for a merge made here, which decide alike: the row
    /// goes without a change of its own (each site derives it from the removal and the merge), its tombstone
    /// carries the removal's clock, and a mark made for it elsewhere later brings it back.
    ///
    /// - Returns: whether the enrollment was removed.
    static func followRemovalOfTwin(_ db: Database, enrollment rowid: Int64, lastWritten: (String) throws -> String?) throws -> Bool {
        guard let row = try Row.fetchOneCached(db, sql: "SELECT uuid, eventId, participantId FROM enrollment WHERE id = ?", arguments: [rowid]),
              let removal = try String.fetchOneCached(db, sql: "SELECT hlc FROM syncRemoval WHERE tableName = 'enrollment' AND identity = json_array(?, ?)",
                                                      arguments: [row["eventId"] as Int64, row["participantId"] as Int64]),
              try lastWritten(row["uuid"]).map({ $0 < removal }) ?? true,
              try !(Bool.fetchOneCached(db, sql: "SELECT EXISTS (SELECT 1 FROM attendance WHERE enrollmentId = ?)", arguments: [rowid]) ?? false)
        else { return false }
        try db.executeCached(sql: "DELETE FROM enrollment WHERE id = ?", arguments: [rowid])
        try db.executeCached(sql: "INSERT INTO syncTombstone (tableName, uuid, hlc, byTwin) VALUES ('enrollment', ?, ?, 1) ON CONFLICT (tableName, uuid) DO NOTHING",
                             arguments: [row["uuid"] as String, removal])
        return true
    }

    /// A merge made here, once it moved the merged record's rows: the merged record's removals become the kept
    /// record's (``moveRemovals(_:ofParticipant:to:)``), and the kept record's enrollments not written since such a
    /// removal go (``followRemovalOfTwin(_:enrollment:lastWritten:)``), as at the sites applying the merge
    /// (``followRemovals(ofParticipant:to:)``).
    static func followRemovalsAfterMerge(_ db: Database, merged mergedID: Int64, keeping keptID: Int64) throws {
        try moveRemovals(db, ofParticipant: mergedID, to: keptID)
        guard try Bool.fetchOneCached(db, sql: "SELECT EXISTS (SELECT 1 FROM syncRemoval WHERE tableName = 'enrollment')") ?? false else { return }
        // When the rows were last written is read from their versions, which changes made here since the last import
        // do not have yet.
        try AppDatabase.catchUpRowVersions(db)
        // Rows this merge wrote (moved, combined) are written after any removal: only those it left alone can go.
        let tap = try ChangeTap.of(db)
        let written = tap.uuids(in: "enrollment")
        try db.executeCached(sql: "UPDATE syncState SET applying = 1")
        tap.isPaused = true
        for enrollment in try Row.fetchAllCached(db, sql: "SELECT id, uuid FROM enrollment WHERE participantId = ?", arguments: [keptID])
        where !written.contains(enrollment["uuid"]) {
            _ = try followRemovalOfTwin(db, enrollment: enrollment["id"], lastWritten: { uuid in
                try String.fetchOneCached(db, sql: "SELECT hlc FROM rowVersion WHERE tableName = 'enrollment' AND uuid = ?", arguments: [uuid])
            })
        }
        try db.executeCached(sql: "UPDATE syncState SET applying = 0")
        tap.isPaused = false
    }

    /// A merge makes the removals of the merged record's enrollments the kept record's: an enrollment of the kept
    /// record in such an event, not written since the removal, goes too, as at a site that held the two as one row.
    func followRemovals(ofParticipant mergedID: Int64, to keptID: Int64) throws {
        guard mayHaveRemovals else { return }
        try Self.moveRemovals(db, ofParticipant: mergedID, to: keptID)
        for enrollment in try Int64.fetchAllCached(db, sql: "SELECT id FROM enrollment WHERE participantId = ?", arguments: [keptID]) {
            try followRemovalOfTwin(enrollment: enrollment)
        }
    }

    /// The removals of a merged record's enrollments (`syncRemoval`, by event and person), made the kept record's.
    static func moveRemovals(_ db: Database, ofParticipant mergedID: Int64, to keptID: Int64) throws {
        try db.executeCached(sql: """
            INSERT INTO syncRemoval (tableName, identity, hlc)
            SELECT 'enrollment', json_array(json_extract(identity, '$[0]'), ?), hlc FROM syncRemoval
            WHERE tableName = 'enrollment' AND json_extract(identity, '$[1]') = ? AND true
            ON CONFLICT (tableName, identity) DO UPDATE SET hlc = max(hlc, excluded.hlc)
            """, arguments: [keptID, mergedID])
    }

    /// The latest deletion here of a row an arriving one is one with (the same person's enrollment in the same
    /// event under another uuid): its hybrid clock.
    func removalOfTwin(_ table: String, values: [String: (any DatabaseValueConvertible)?]) throws -> String? {
        guard mayHaveRemovals, let identity = try twinIdentity(table, values: values) else { return nil }
        return try String.fetchOneCached(db, sql: "SELECT hlc FROM syncRemoval WHERE tableName = ? AND identity = ?", arguments: [table, identity])
    }

    /// The values of a row (as stored here) that make two rows one, as a removal of it is remembered.
    func twinIdentity(_ table: String, values: [String: (any DatabaseValueConvertible)?]) throws -> String? {
        guard let key = try identityKeys(of: table).first, key.allSatisfy({ (values[$0] ?? nil) != nil }) else { return nil }
        return try String.fetchOneCached(db, sql: "SELECT json_array(\(key.map { _ in "?" }.joined(separator: ", ")))",
                                         arguments: StatementArguments(key.map { values[$0] ?? nil }))
    }

    /// The uuids that the marks of an enrollment here were made for, of the marks that the change removing it did
    /// not remove with it: made elsewhere without the remover seeing them. Every change to a mark counts, not its
    /// latest only: a site that met the removal first brought back each enrollment as a change to the mark named
    /// it (``restoreRemovedEnrollment(_:)``), and a site meeting it last must keep the same ones. A mark made
    /// twice (two marks for one session, now one) was made for both its enrollments.
    private func enrollmentsMarkedUnseen(byRemovalOf enrollmentID: Int64, in entry: ChangeEntry) throws -> Set<String> {
        let marks = try String.fetchAllCached(db, sql: """
            SELECT a.uuid FROM attendance a WHERE a.enrollmentId = ?
            UNION SELECT s.uuid FROM syncAlias s JOIN attendance a ON s.tableName = 'attendance' AND s.keptUuid = a.uuid WHERE a.enrollmentId = ?
            """, arguments: [enrollmentID, enrollmentID])
        guard !marks.isEmpty else { return [] }
        let removedWithIt = try marksDeleted(by: entry)
        let unseen = marks.filter { !removedWithIt.contains($0) }
        guard !unseen.isEmpty else { return [] }
        // No index finds a row's changes but its latest; a removal meeting marks is rare enough to read the log,
        // once for all the enrollment's marks.
        let anyMark = unseen.map { _ in "instr(c.rows, ?) > 0" }.joined(separator: " OR ")
        let placeholders = unseen.map { _ in "?" }.joined(separator: ", ")
        return Set(try String.fetchAll(db, sql: """
            SELECT DISTINCT json_extract(r.value, '$.values.enrollmentUuid') FROM change c, json_each(changeRows(c.rows)) r
            WHERE (\(anyMark)) AND json_extract(r.value, '$.table') = 'attendance' AND json_extract(r.value, '$.uuid') IN (\(placeholders))
              AND json_extract(r.value, '$.kind') <> 'delete' AND json_extract(r.value, '$.values.enrollmentUuid') IS NOT NULL
            """, arguments: StatementArguments(unseen + unseen)))
    }

    /// Of `uuids`, the marks written (marked again) after `entry` deleted their session with them: changed without seeing
    /// the deletion, they stay, as a mark made without seeing it keeps the session (BundleApplier+Sessions.swift).
    func marksChangedAfter(deletionOf uuids: Set<String>, by entry: ChangeEntry) throws -> Set<String> {
        try uuids.filter { try latestChange(of: "attendance", uuid: $0).map { $0.hlc > entry.hlc } ?? false }
    }

    /// The marks (attendance uuids) that `entry` deletes: those its site saw when it removed what they hung on.
    func marksDeleted(by entry: ChangeEntry) throws -> Set<String> {
        let rows = current?.entry.uuid == entry.uuid ? current?.rows ?? [] : try Self.rows(of: entry)
        return Set(rows.compactMap { row -> String? in
            row["table"] as? String == "attendance" && row["kind"] as? String == "delete" ? row["uuid"] as? String : nil
        })
    }

    /// Brings back an enrollment removed here, as it was last written, for a mark made for it elsewhere without
    /// seeing the removal; nil when it was not removed here, or by a merge (whose marks follow the kept person),
    /// or when what it names is not here (the mark then waits). When the row it was one with is still here (a
    /// twin written after the removal, or one of the person's enrollments under another record of theirs, merged
    /// since), it answers to that row again.
    func restoreRemovedEnrollment(_ uuid: String) throws -> Int64? {
        guard mayHaveRemovedEnrollments,
              let removal = try String.fetchOneCached(db, sql: """
                SELECT c.operation FROM syncTombstone t JOIN change c ON c.hlc = t.hlc WHERE t.tableName = 'enrollment' AND t.uuid = ?
                """, arguments: [uuid]),
              removal != ChangeOperation.mergePeople.name,
              let latest = try latestChange(of: "enrollment", uuid: uuid) else { return nil }
        let (values, missing) = try resolve(latest.values, of: try capture(of: "enrollment"), changeSite: latest.site)
        guard missing.isEmpty else { return nil }
        try db.executeCached(sql: "DELETE FROM syncTombstone WHERE tableName = 'enrollment' AND uuid = ?", arguments: [uuid])
        restored.append((table: "enrollment", uuid: uuid))
        let aliased = try alias("enrollment", uuid).flatMap { kept in
            try Int64.fetchOneCached(db, sql: "SELECT rowid FROM enrollment WHERE uuid = ?", arguments: [kept]).map { (rowid: $0, uuid: kept) }
        }
        if aliased == nil {
            // It answered for a row that is gone: it is a row of its own again.
            try db.executeCached(sql: "DELETE FROM syncAlias WHERE tableName = 'enrollment' AND uuid = ?", arguments: [uuid])
        }
        guard let row = try aliased ?? twin("enrollment", uuid: uuid, values: values) else {
            let columns = values.keys.sorted()
            try writeStatement("enrollment", columns, updating: false).write(uuid: uuid, id: nil, columns: columns, values: values)
            return db.lastInsertedRowID
        }
        let kept = try answer("enrollment", rowid: row.rowid, current: row.uuid, alsoFor: uuid)
        try showLatestWrite(ofTwins: kept, in: "enrollment", rowid: row.rowid)
        return row.rowid
    }
}
