import GRDB

/// A session deleted at one site while a trainer elsewhere marked attendance at it, without seeing the deletion.
///
/// A mark is the record that someone came, and outweighs a deletion made without seeing it, as it outweighs a
/// removal from an event's list (BundleApplier+Removals.swift): the session stays at a site that has the mark
/// when the deletion comes (``keepsMarkedSession(_:rowid:by:)``), and comes back, as last written, at a site that
/// deleted it when the mark comes (``restoreDeletedSession(_:)``). The marks the deleting site saw go with their
/// own deletions, which travel in the same entry, unless marked again after the deletion without seeing it: such a
/// mark stays (``marksChangedAfter(deletionOf:by:)``) or comes back (``revivesMarkOfDeletedSession(_:_:change:)``),
/// and keeps its session like any mark made without seeing the deletion. Either way the session's version is its
/// latest write, not the deletion: a move made elsewhere meanwhile then lands alike at every site, whichever it met
/// first.
extension BundleApplier {
    /// Whether the session `rowid` (answering to `uuid`) stays although `entry` deletes it: someone's attendance was
    /// marked at it that the deletion does not delete with it. Listed in the report when it does.
    func keepsMarkedSession(_ uuid: String, rowid: Int64, by entry: ChangeEntry) throws -> String? {
        let marks = try String.fetchAllCached(db, sql: """
            SELECT a.uuid FROM attendance a WHERE a.sessionId = ?
            UNION SELECT s.uuid FROM syncAlias s JOIN attendance a ON s.tableName = 'attendance' AND s.keptUuid = a.uuid WHERE a.sessionId = ?
            """, arguments: [rowid, rowid])
        guard !marks.isEmpty else { return nil }
        let deleted = try marksDeleted(by: entry)
        let deletedWithIt = deleted.subtracting(try marksChangedAfter(deletionOf: deleted.intersection(marks), by: entry))
        guard marks.contains(where: { !deletedWithIt.contains($0) }) else { return nil }
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
        guard table == "attendance", let deleted = try deletedAt(table, uuid), deleted < change.hlc,
              try String.fetchOneCached(db, sql: "SELECT operation FROM change WHERE hlc = ?", arguments: [deleted])
                == ChangeOperation.deleteSession.name
        else { return false }
        try db.executeCached(sql: "DELETE FROM syncTombstone WHERE tableName = 'attendance' AND uuid = ?", arguments: [uuid])
        return true
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
