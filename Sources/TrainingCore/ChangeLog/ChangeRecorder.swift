import Foundation
import GRDB

/// Turns the rows a write changed (captured by its connection's ``ChangeTap``) into one change-log entry, in the
/// write's own transaction.
///
/// ``AppDatabase`` calls it at the end of every write: it numbers the entry after the local site's
/// last one, stamps it with the site's ``HybridClock``, chains it to the previous entry's hash and
/// stores it. The rows' versions are written later, when an import needs them
/// (``AppDatabase/catchUpRowVersions(_:)``).
struct ChangeRecorder {
    var actor: String
    /// The wall clock; tests and migrations of old logs give their own.
    var wall: Date = Date()

    /// Records the captured rows as one entry of `operation`; nothing when nothing was captured and
    /// there is no `detail` to record.
    @discardableResult
    func record(_ operation: ChangeOperation, detail: String? = nil, subjects extra: [String: [String]] = [:],
                in db: Database) throws -> ChangeEntry? {
        // A bundle's application sets the flag inside its own transaction; a write never leaves it set.
        try Self.clearApplyingFlag(db)
        let tap = try ChangeTap.of(db)
        let captured = try tap.take(db)
        guard captured != nil || detail != nil else { return nil }
        var lists = captured?.subjects ?? [:]
        for (key, values) in extra {
            lists[key] = Array(Set(lists[key, default: []] + values))
        }
        let entry = try append(operation, detail: detail, subjects: CanonicalJSON.object(lists),
                               rows: captured?.rows ?? "[]", in: db)
        if captured != nil {
            try Self.stampRemovals(of: entry, db)
        }
        return entry
    }

    /// Appends an entry to the local site's chain, and makes it the site's head.
    func append(_ operation: ChangeOperation, detail: String?, subjects: String, rows: String, in db: Database) throws -> ChangeEntry {
        let site = try Self.localSite(db)
        let previous = try Row.fetchOneCached(db, sql: """
            SELECT siteSequence, hash FROM change WHERE site = ? ORDER BY siteSequence DESC LIMIT 1
            """, arguments: [site])
        var clock = HybridClock(site: site, last: try String.fetchOneCached(db, sql: "SELECT max(hlc) FROM change").flatMap(HybridClock.Stamp.init))
        var entry = ChangeEntry(
            id: nil, uuid: UUIDv7.make(now: wall), site: site, siteSequence: (previous?["siteSequence"] ?? 0) + 1,
            hlc: clock.tick(wall: wall).description, actor: actor, operation: operation.name, detail: detail,
            subjects: subjects, rows: rows, previousHash: previous?["hash"], hash: "")
        entry.hash = entry.computedHash
        try entry.store(db)
        try db.executeCached(sql: "UPDATE site SET headSequence = ? WHERE code = ?", arguments: [entry.siteSequence, site])
        return entry
    }

    /// A row deleted by the write was deleted at the entry's clock, which the tombstone triggers could not know yet.
    static func stampRemovals(of entry: ChangeEntry, _ db: Database) throws {
        try db.executeCached(sql: "UPDATE syncTombstone SET hlc = ? WHERE hlc = ''", arguments: [entry.hlc])
        // A merge's deletions make two enrollments one, and remove no one from an event.
        try entry.operation == ChangeOperation.mergePeople.name
            ? db.executeCached(sql: "DELETE FROM syncRemoval WHERE hlc = ''")
            : db.executeCached(sql: "UPDATE syncRemoval SET hlc = ? WHERE hlc = ''", arguments: [entry.hlc])
    }

    /// Called as a write begins. Records rows a write that did not go through ``AppDatabase`` committed (a
    /// script on Malaka's library) as an entry of their own, before the write captures anything: the log shows
    /// them, and they are never counted as part of the next operation. Reads the tables' shapes again when a
    /// migration changed them.
    static func recordOutsideChanges(_ db: Database) throws {
        // The flag of a bundle's application is set only inside its own transaction; a write never finds it set.
        try clearApplyingFlag(db)
        let tap = try ChangeTap.of(db)
        try tap.prepareForWrite(db)
        guard tap.count > 0 else { return }
        try ChangeRecorder(actor: unknownActor).record(.outsideMalaka, detail: "rows changed without Malaka's commands, found before the next write", in: db)
    }

    private static func clearApplyingFlag(_ db: Database) throws {
        try db.executeCached(sql: "UPDATE syncState SET applying = 0 WHERE applying <> 0")
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
}
