import GRDB

/// A session deleted at one site while a trainer elsewhere marked attendance at it, without seeing the deletion.
///
/// A mark is the record that someone came, and outweighs a deletion made without seeing it, as it outweighs a
/// removal from an event's list (BundleApplier+Removals.swift): the session stays at a site that has the mark
/// when the deletion comes (``keepsMarkedSession(_:rowid:by:)``), and comes back, as last written, at a site that
/// deleted it when the mark comes (``restoreDeletedSession(_:)``). The marks the deleting site saw go with their
/// own deletions, which travel in the same entry, unless marked again after the deletion without seeing it: such a
/// mark stays (``marksChangedAfter(deletionOf:by:)``) or comes back (``revivesMarkOfDeletedSession(_:_:change:)``),
/// and keeps its session like any mark made without seeing the deletion. The same person's mark made at another
/// site before the deletion is the mark deleted, made twice: it goes too (``deletionOfTwinWithSession(_:change:)``),
/// and keeps nothing; marked again after the deletion, it stays under its own uuid
/// (``separatesMarkOfDeletedSession(_:given:answeringFor:change:)``). Either way the session's version is its latest
/// write, not the deletion: a move made elsewhere meanwhile then lands alike at every site, whichever it met first.
extension BundleApplier {
    /// Whether the session `rowid` (answering to `uuid`) stays although `entry` deletes it: someone's attendance was
    /// marked at it that the deletion does not delete with it. Listed in the report when it does.
    ///
    /// A mark made at two sites (twins) is one row under several uuids, deleted with the session when the deletion
    /// names any of them and none was marked again after it, as ``removeRow`` deletes it (BundleApplier+Removals.swift).
    func keepsMarkedSession(_ uuid: String, rowid: Int64, by entry: ChangeEntry) throws -> String? {
        let pairs = try Row.fetchAllCached(db, sql: """
            SELECT a.uuid, a.uuid FROM attendance a WHERE a.sessionId = ?
            UNION SELECT a.uuid, s.uuid FROM syncAlias s JOIN attendance a ON s.tableName = 'attendance' AND s.keptUuid = a.uuid WHERE a.sessionId = ?
            """, arguments: [rowid, rowid])
        guard !pairs.isEmpty else { return nil }
        let marks = Dictionary(grouping: pairs, by: { $0[0] as String }).mapValues { Set($0.map { $0[1] as String }) }
        let deleted = try marksDeleted(by: entry)
        let keptByOne = try marks.values.contains { uuids in
            try uuids.isDisjoint(with: deleted) || !marksChangedAfter(deletionOf: uuids, by: entry).isEmpty
        }
        guard keptByOne else { return nil }
        try showLatestWrite(of: "session", uuid, try latestChange(of: "session", uuid: uuid))
        return "session \(uuid) \(try Self.sessionDescription(db, rowid: rowid)) stays: \(entry.site) deleted it without seeing the attendance marked at it"
    }

    /// Brings back a session deleted here, as it was last written, for a mark made for it elsewhere without seeing
    /// the deletion; nil when it was not deleted here, or its event is not here (the mark then waits).
    func restoreDeletedSession(_ uuid: String) throws -> Int64? {
        guard try deletedAt("session", uuid) != nil, let latest = try latestChange(of: "session", uuid: uuid) else { return nil }
        let (values, missing) = try resolve(latest.values, of: try capture(of: "session"), changeSite: latest.site)
        guard missing.isEmpty else { return nil }
        try db.executeCached(sql: "DELETE FROM syncTombstone WHERE tableName = 'session' AND uuid = ?", arguments: [uuid])
        let columns = values.keys.sorted()
        try writeStatement("session", columns, updating: false).write(uuid: uuid, id: nil, columns: columns, values: values)
        let rowid = db.lastInsertedRowID
        try showLatestWrite(of: "session", uuid, latest)
        restored.append((table: "session", uuid: uuid))
        return rowid
    }

    /// A mark deleted here with its session (`session delete --force`) and marked again elsewhere after the deletion,
    /// without seeing it: the mark is back, as written then, and brings its session back with it
    /// (``restoreDeletedSession(_:)``), as at a site where the new mark came first (``keepsMarkedSession(_:rowid:by:)``).
    func revivesMarkOfDeletedSession(_ table: String, _ uuid: String, change: ChangeEntry) throws -> Bool {
        guard table == "attendance", try markDeletedWithItsSession(uuid, before: change) else { return false }
        try db.executeCached(sql: "DELETE FROM syncTombstone WHERE tableName = 'attendance' AND uuid = ?", arguments: [uuid])
        return true
    }

    /// The hybrid clock of a deletion of a mark's session that took the mark's twin (the same enrollment's mark at that
    /// session, made at the deleting site), when the mark was made before it: the deleting site deleted that mark
    /// knowingly (`session delete --force`), and a site that held the two as one row deleted both
    /// (BundleApplier+Removals.swift). The mark is left out, and does not bring the session back. Looked up by
    /// uuids in the change log, as the session may be back here for another person's mark, under a new number.
    func deletionOfTwinWithSession(_ values: [String: Any], change: ChangeEntry) throws -> String? {
        guard let session = values["sessionUuid"] as? String, let enrollment = values["enrollmentUuid"] as? String
        else { return nil }
        let deletions = try Row.fetchAllCached(db, sql: """
            SELECT hlc, rows FROM change WHERE operation = ? AND hlc > ? AND instr(rows, ?) > 0 ORDER BY hlc
            """, arguments: [ChangeOperation.deleteSession.name, change.hlc, session])
        guard !deletions.isEmpty else { return nil }
        let same = try alias("enrollment", enrollment) ?? enrollment
        for deletion in deletions {
            let rows = try SyncBundleReader.rows(deletion["rows"] as String)
            let sessionDeleted = rows.contains { $0["table"] as? String == "session" && $0["kind"] as? String == "delete" && $0["uuid"] as? String == session }
            guard sessionDeleted else { continue }
            for row in rows where row["table"] as? String == "attendance" && row["kind"] as? String == "delete" {
                guard let values = row["values"] as? [String: Any], values["sessionUuid"] as? String == session,
                      let other = values["enrollmentUuid"] as? String, try (alias("enrollment", other) ?? other) == same else { continue }
                return deletion["hlc"]
            }
        }
        return nil
    }

    /// A mark that was one row with its twin here (answering to the twin's uuid) when the twin's session was deleted
    /// with it, written again after the deletion without seeing it: a mark of its own again, under its own uuid, as
    /// at the site that deleted the session, where the twin was gone when this mark came. Deleted with the twin here
    /// (the deleting site itself), it comes back (``revivesTwin(_:_:change:)``).
    func separatesMarkOfDeletedSession(_ table: String, given: String, answeringFor kept: String, change: ChangeEntry) throws -> Bool {
        guard table == "attendance", given != kept, try markDeletedWithItsSession(kept, before: change) else { return false }
        if try deletedAt(table, given) != nil, try !revivesTwin(table, given, change: change) { return false }
        try db.executeCached(sql: "DELETE FROM syncAlias WHERE tableName = 'attendance' AND uuid = ?", arguments: [given])
        return true
    }

    /// Whether the mark `uuid` was deleted here with its session (`session delete --force`) before `change` was made.
    private func markDeletedWithItsSession(_ uuid: String, before change: ChangeEntry) throws -> Bool {
        guard let deleted = try deletedAt("attendance", uuid), deleted < change.hlc else { return false }
        return try String.fetchOneCached(db, sql: "SELECT operation FROM change WHERE hlc = ?", arguments: [deleted])
            == ChangeOperation.deleteSession.name
    }

    /// Makes the row's latest write, not a deletion that did not take it, its version here.
    func showLatestWrite(of table: String, _ uuid: String, _ latest: WrittenChange?) throws {
        guard let latest else { return }
        try db.executeCached(sql: "UPDATE rowVersion SET site = ?, siteSequence = ?, hlc = ? WHERE tableName = ? AND uuid = ?",
                             arguments: [latest.site, latest.sequence, latest.hlc, table, uuid])
    }

    /// "of event 12 on 2019-03-05 at 13:00", as the schedule's notes name a session.
    static func sessionDescription(_ db: Database, rowid: Int64) throws -> String {
        guard let row = try Row.fetchOneCached(db, sql: "SELECT eventId, date, startTime FROM session WHERE rowid = ?", arguments: [rowid]) else { return "" }
        return "of event \(row["eventId"] as Int64) on \(row["date"] as String) at \(row["startTime"] as String)"
    }
}
