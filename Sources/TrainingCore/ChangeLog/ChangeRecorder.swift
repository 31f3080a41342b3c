import Foundation
import GRDB

/// Turns the rows a write staged into one change-log entry, in the write's own transaction.
///
/// ``AppDatabase`` calls it at the end of every write: it numbers the entry after the local site's
/// last one, stamps it with the site's ``HybridClock``, chains it to the previous entry's hash,
/// stores it and empties the staging table. The rows' JSON is put together by SQLite, so a
/// 100,000-row import never builds 100,000 values in Swift.
struct ChangeRecorder {
    var actor: String
    /// The wall clock; tests and migrations of old logs give their own.
    var wall: Date = Date()

    /// Records the staged rows as one entry of `operation`; nothing when nothing was staged and
    /// there is no `detail` to record.
    @discardableResult
    func record(_ operation: ChangeOperation, detail: String? = nil, subjects extra: [String: [String]] = [:],
                in db: Database) throws -> ChangeEntry? {
        // A bundle's application sets the flag inside its own transaction; a write never leaves it set.
        try Self.clearApplyingFlag(db)
        let staged = try Self.anyStaged(db)
        guard staged || detail != nil else { return nil }
        let rows = try String.fetchOneCached(db, sql: Self.rowsSQL) ?? "[]"
        var subjects = try String.fetchOneCached(db, sql: Self.subjectsSQL) ?? "{}"
        if !extra.isEmpty {
            var lists = try JSONDecoder().decode([String: [String]].self, from: Data(subjects.utf8))
            for (key, values) in extra {
                lists[key] = Array(Set(lists[key, default: []] + values))
            }
            subjects = CanonicalJSON.object(lists)
        }
        let site = try Self.localSite(db)
        let previous = try Row.fetchOneCached(db, sql: """
            SELECT siteSequence, hash FROM change WHERE site = ? ORDER BY siteSequence DESC LIMIT 1
            """, arguments: [site])
        var clock = HybridClock(site: site, last: try String.fetchOneCached(db, sql: "SELECT max(hlc) FROM change").flatMap(HybridClock.Stamp.init))
        var entry = ChangeEntry(
            id: nil, uuid: UUIDv7.make(now: wall), site: site, siteSequence: (previous?["siteSequence"] ?? 0) + 1,
            hlc: clock.tick(wall: wall).description, actor: actor, operation: operation.name, detail: detail,
            subjects: subjects, rows: rows,
            previousHash: previous?["hash"], hash: "")
        entry.hash = entry.computedHash
        try entry.store(db)
        if staged {
            // Only rows staged have versions; an entry of a migration that came before the versions' table has none.
            try db.executeCached(sql: Self.stagedRowVersionsSQL, arguments: [site, entry.siteSequence, entry.hlc])
            // A row deleted by the write was deleted at the entry's clock, which its triggers could not know yet.
            if try db.tableExists("syncRemoval") {   // not yet during older migrations
                try db.executeCached(sql: "UPDATE syncTombstone SET hlc = ? WHERE hlc = ''", arguments: [entry.hlc])
                // A merge's deletions make two enrollments one, and remove no one from an event.
                try operation == .mergePeople
                    ? db.executeCached(sql: "DELETE FROM syncRemoval WHERE hlc = ''")
                    : db.executeCached(sql: "UPDATE syncRemoval SET hlc = ? WHERE hlc = ''", arguments: [entry.hlc])
            }
        }
        try db.executeCached(sql: "UPDATE site SET headSequence = ? WHERE code = ?", arguments: [entry.siteSequence, site])
        try db.executeCached(sql: "DELETE FROM rowChange")
        return entry
    }

    /// Called as a write begins. Records rows staged by a write that did not go through ``AppDatabase`` (the `sqlite3` shell, a
    /// script) as an entry of their own, before a write of Malaka's stages anything: the log shows
    /// them, and they are never counted as part of the next operation.
    static func recordOutsideChanges(_ db: Database) throws {
        // The flag of a bundle's application is set only inside its own transaction; a write never finds it set.
        try clearApplyingFlag(db)
        guard try anyStaged(db) else { return }
        try ChangeRecorder(actor: unknownActor).record(.outsideMalaka, detail: "rows changed without Malaka, found before the next write", in: db)
    }

    private static func clearApplyingFlag(_ db: Database) throws {
        try db.executeCached(sql: "UPDATE syncState SET applying = 0 WHERE applying <> 0")
    }

    static func anyStaged(_ db: Database) throws -> Bool {
        try Bool.fetchOneCached(db, sql: "SELECT EXISTS (SELECT 1 FROM rowChange)") ?? false
    }

    /// The actor of entries whose maker is not known: logs kept before the change log, rows changed without Malaka.
    static let unknownActor = "unknown"

    /// The code of this database's own site.
    static func localSite(_ db: Database) throws -> String {
        guard let code = try String.fetchOneCached(db, sql: "SELECT code FROM site WHERE isLocal") else {
            throw MalakaError.data("This database has no site of its own; it was not migrated completely. Nothing was changed.")
        }
        return code
    }

    /// The staged rows in order, as one JSON array; keys sorted, values as the triggers wrote them.
    static let rowsSQL = """
        SELECT '[' || coalesce(group_concat('{"kind":"' || kind || '","table":"' || tableName || '","uuid":"' || rowUuid
          || '","values":' || coalesce(rowValues, 'null') || '}', ','), '') || ']'
        FROM (SELECT kind, tableName, rowUuid, rowValues FROM rowChange ORDER BY seq)
        """

    /// The entry as the latest change of each row it staged, for telling whether a change received later
    /// is concurrent with it (see ``AppDatabase/rowVersionUpsert``).
    static let stagedRowVersionsSQL = """
        INSERT INTO rowVersion (tableName, uuid, site, siteSequence, hlc)
        SELECT tableName, rowUuid, ?, ?, ? FROM rowChange WHERE true ORDER BY seq
        ON CONFLICT (tableName, uuid) DO UPDATE SET site = excluded.site, siteSequence = excluded.siteSequence,
          hlc = excluded.hlc WHERE excluded.hlc > rowVersion.hlc
        """

    /// The events, participants and period locks the staged rows concern, as a JSON object of sorted
    /// uuid lists, such as `{"events":["…"],"participants":["…","…"]}`; put together by SQLite, as an
    /// import's 100,000 people are.
    ///
    /// Attendance rows name their enrollment; the enrollment names the person and the event.
    static let subjectsSQL = """
        WITH subject(kind, uuid) AS (
          SELECT 'events', rowUuid FROM rowChange WHERE tableName = 'event'
          UNION SELECT 'events', json_extract(rowValues, '$.eventUuid') FROM rowChange
            WHERE tableName NOT IN ('event', 'participant', 'attendance')
          UNION SELECT 'events', json_extract(rowValues, '$.otherEventUuid') FROM rowChange WHERE tableName = 'scheduleOverride'
          UNION SELECT 'participants', rowUuid FROM rowChange WHERE tableName = 'participant'
          UNION SELECT 'participants', json_extract(rowValues, '$.participantUuid') FROM rowChange
            WHERE tableName IN ('enrollment', 'waitlist', 'certificate')
          UNION SELECT 'participants', json_extract(rowValues, '$.keptParticipantUuid') FROM rowChange WHERE tableName = 'participantMerge'
          UNION SELECT 'participants', json_extract(rowValues, '$.mergedParticipantUuid') FROM rowChange WHERE tableName = 'participantMerge'
          UNION SELECT 'periodLocks', rowUuid FROM rowChange WHERE tableName = 'periodLock'
          UNION SELECT kind, uuid FROM (
            WITH marked AS (SELECT DISTINCT json_extract(rowValues, '$.enrollmentUuid') AS enrollmentUuid
                            FROM rowChange WHERE tableName = 'attendance')
            SELECT 'events' AS kind, e.uuid AS uuid FROM marked JOIN enrollment en ON en.uuid = marked.enrollmentUuid
              JOIN event e ON e.id = en.eventId
            UNION SELECT 'participants', p.uuid FROM marked JOIN enrollment en ON en.uuid = marked.enrollmentUuid
              JOIN participant p ON p.id = en.participantId))
        SELECT coalesce(json_group_object(kind, json(uuids)), '{}') FROM (
          SELECT kind, json_group_array(uuid) AS uuids FROM (SELECT kind, uuid FROM subject WHERE uuid IS NOT NULL ORDER BY kind, uuid)
          GROUP BY kind ORDER BY kind)
        """
}
