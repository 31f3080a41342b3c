import Foundation
import GRDB

/// Rows made at two sites that are one (the same course code, one person's enrollment in one event, one
/// mark for one session): every site keeps the smaller uuid, with the values of the latest change written under
/// any of their uuids, and the other uuid answers for it from then on (`syncAlias`). Whichever way a site meets the pair (the other row
/// arriving, or a merge making two of its own rows one), it ends with the same row.
extension BundleApplier {
    /// Whether another uuid answers to `uuid`'s row here: twins met before. Only tables with a unique key
    /// besides the uuid have twins.
    func answersForTwins(_ table: String, _ uuid: String) throws -> Bool {
        guard try !identityKeys(of: table).isEmpty else { return false }
        return try Bool.fetchOneCached(db, sql: "SELECT EXISTS (SELECT 1 FROM syncAlias WHERE tableName = ? AND keptUuid = ?)",
                                       arguments: [table, uuid]) ?? false
    }

    /// Remembers that `lost` is `kept` from now on, and so is every uuid that answered for `lost`.
    func recordAlias(_ table: String, lost: String, kept: String) throws {
        mayHaveAliases = true
        try db.executeCached(sql: "INSERT OR REPLACE INTO syncAlias (tableName, uuid, keptUuid) VALUES (?, ?, ?)", arguments: [table, lost, kept])
        try db.executeCached(sql: "UPDATE syncAlias SET keptUuid = ? WHERE tableName = ? AND keptUuid = ?", arguments: [kept, table, lost])
        try db.executeCached(sql: "DELETE FROM syncAlias WHERE tableName = ? AND uuid = keptUuid", arguments: [table])
    }

    /// Makes row `rowid` (now answering to `current`) answer to `other` too: it takes the smaller of the two uuids,
    /// as every site does, and the other answers for it from then on. Returns the uuid kept.
    @discardableResult
    func answer(_ table: String, rowid: Int64, current: String, alsoFor other: String) throws -> String {
        let kept = min(current, other)
        if current != kept {
            try db.executeCached(sql: "UPDATE \(table.quotedDatabaseIdentifier) SET uuid = ? WHERE rowid = ?", arguments: [kept, rowid])
        }
        try recordAlias(table, lost: kept == current ? other : current, kept: kept)
        return kept
    }

    /// A row here that a unique index says is the same as the incoming one (the same person's mark at the
    /// same session, the same course code), made independently.
    func twin(_ table: String, uuid: String, values: [String: (any DatabaseValueConvertible)?],
              except: Int64? = nil) throws -> (rowid: Int64, uuid: String)? {
        for (key, columns) in try identityKeys(of: table).enumerated() {
            guard columns.allSatisfy({ values[$0] != nil && values[$0]! != nil }) else { continue }
            func sql() -> String {
                let condition = columns.map { "\($0.quotedDatabaseIdentifier) = ?" }.joined(separator: " AND ")
                    + (except.map { " AND rowid <> \($0)" } ?? "")
                return "SELECT rowid, uuid FROM \(table.quotedDatabaseIdentifier) WHERE \(condition)"
            }
            guard except == nil else {
                if let row = try Row.fetchOne(db.cachedStatement(sql: sql()), arguments: StatementArguments(columns.map { values[$0]! })) {
                    return (row[0], row[1])
                }
                continue
            }
            // The lookup of every arriving row (no row excepted) is prepared once per import.
            let statement = try rowLookup(table, .twin(key: key), sql: sql)
            defer { statement.reset() }
            for (index, column) in columns.enumerated() { statement.bind(Int32(index + 1), values[column]!) }
            if try statement.step() { return (statement.int64(0), statement.text(1) ?? "") }
        }
        return nil
    }

    /// The columns of each unique index of the table but the uuid's. A partial index (one valid certificate
    /// per participation) does not make two rows one: a revoked certificate and its replacement are two.
    func identityKeys(of table: String) throws -> [[String]] {
        if let known = identityKeys[table] { return known }
        let keys = try Self.identityKeys(db, of: table)
        identityKeys[table] = keys
        return keys
    }

    static func identityKeys(_ db: Database, of table: String) throws -> [[String]] {
        var keys: [[String]] = []
        for index in try Row.fetchAllCached(db, sql: "SELECT name, \"unique\", partial FROM pragma_index_list(?) ORDER BY name", arguments: [table])
        where index["unique"] as Bool && !(index["partial"] as Bool) {
            let columns = try String.fetchAllCached(db, sql: "SELECT name FROM pragma_index_info(?) ORDER BY seqno", arguments: [index["name"] as String])
            if !columns.isEmpty, !columns.contains("uuid") { keys.append(columns) }
        }
        return keys
    }

    /// What a removal of a row of the table remembers (`syncRemoval.identity`): the values of its first identity
    /// key (``identityKeys(_:of:)``), as `json_array(…)` of `row`'s columns; nil for a table without one.
    static func identityExpression(_ db: Database, of table: String, row: String) throws -> String? {
        guard let key = try identityKeys(db, of: table).first else { return nil }
        return "json_array(\(key.map { "\(row).\($0.quotedDatabaseIdentifier)" }.joined(separator: ", ")))"
    }

    /// Makes two rows here one, as a site that holds one of them makes the other its twin when it arrives: the
    /// smaller uuid is kept, with the values of the latest change of the twins (``showLatestWrite(ofTwins:in:rowid:)``;
    /// the later of the two rows when the log has none); an enrollment's marks move to the one left, two marks for
    /// one session becoming one the same way.
    ///
    /// - Parameters:
    ///   - stays: the row that remains in the table (its local id is kept).
    ///   - goes: the row deleted; no tombstone is left for it, its uuid becomes an alias.
    func combine(_ table: String, stays: Int64, goes: Int64) throws {
        let quoted = table.quotedDatabaseIdentifier
        let staying = try version(table, rowid: stays)
        let going = try version(table, rowid: goes)
        if table == "enrollment" { try moveMarks(from: goes, to: stays) }
        if (going.hlc, going.uuid) > (staying.hlc, staying.uuid) {
            let identity = Set(try identityKeys(of: table).joined())
            let columns = try capture(of: table).columns.map(\.name).filter { !identity.contains($0) }
            if !columns.isEmpty {
                let assignments = columns.map { "\($0.quotedDatabaseIdentifier) = other.\($0.quotedDatabaseIdentifier)" }.joined(separator: ", ")
                try db.executeCached(sql: "UPDATE \(quoted) SET \(assignments) FROM (SELECT * FROM \(quoted) WHERE rowid = ?) AS other WHERE \(quoted).rowid = ?",
                               arguments: [goes, stays])
            }
        }
        try db.executeCached(sql: "DELETE FROM \(quoted) WHERE rowid = ?", arguments: [goes])
        let kept = try answer(table, rowid: stays, current: staying.uuid, alsoFor: going.uuid)
        let later = (going.hlc, going.uuid) > (staying.hlc, staying.uuid) ? going : staying
        try db.executeCached(sql: AppDatabase.rowVersionCopy, arguments: [kept, table, later.uuid])
        try showLatestWrite(ofTwins: kept, in: table, rowid: stays)
    }

    /// Gives a row that answers for several uuids (made at several sites, or combined by merges) the values of the
    /// latest change written under any of them but those a merge deleted. The pairwise "later version" of
    /// ``combine(_:stays:goes:)`` depends on the order a site meets the twins in; the latest of all their writes does not.
    func showLatestWrite(ofTwins kept: String, in table: String, rowid: Int64) throws {
        let uuids = try String.fetchAllCached(db, sql: """
            SELECT uuid FROM syncAlias a WHERE tableName = ? AND keptUuid = ?
              AND NOT EXISTS (SELECT 1 FROM syncTombstone t WHERE t.tableName = a.tableName AND t.uuid = a.uuid)
            """, arguments: [table, kept]) + [kept]
        let written = try uuids.compactMap { uuid in try latestChange(of: table, uuid: uuid).map { (uuid: uuid, change: $0) } }
        guard let latest = written.max(by: { ($0.change.hlc, $0.uuid) < ($1.change.hlc, $1.uuid) }) else { return }
        try show(latest.change, in: table, uuid: kept, rowid: rowid)
    }

    /// A merge elsewhere deleted enrollment `given`, combining it there with the kept person's enrollment in the
    /// same event (or deleted mark `given`, the same as the kept person's mark for the session); here `given` is
    /// one row with its twins already. The row stays for them, under the smallest of their uuids and with the
    /// latest of their versions, as a site that never met `given` holds it.
    ///
    /// - Returns: whether the row here answers for another uuid than `given`, and so stays.
    func survivesCombining(_ table: String, _ rowid: Int64, given: String) throws -> Bool {
        guard let current = try String.fetchOneCached(db, sql: "SELECT uuid FROM \(table.quotedDatabaseIdentifier) WHERE rowid = ?", arguments: [rowid]) else { return false }
        // A uuid the row answered for until a removal took it (a twin removed while a mark kept the row) is not one of them.
        let rest = (try String.fetchAllCached(db, sql: """
            SELECT uuid FROM syncAlias a WHERE tableName = ? AND keptUuid = ?
              AND NOT EXISTS (SELECT 1 FROM syncTombstone t WHERE t.tableName = a.tableName AND t.uuid = a.uuid)
            """, arguments: [table, current]) + [current]).filter { $0 != given }
        guard let kept = rest.min() else { return false }
        if kept != current {
            try db.executeCached(sql: "UPDATE \(table.quotedDatabaseIdentifier) SET uuid = ? WHERE rowid = ?", arguments: [kept, rowid])
            try recordAlias(table, lost: current, kept: kept)
        }
        try recordAlias(table, lost: given, kept: kept)
        // Deleted all the same: references to it find the row left, changes to it are left out, as at the merging site.
        try db.executeCached(sql: "INSERT OR REPLACE INTO syncTombstone (tableName, uuid, hlc) VALUES (?, ?, ?)",
                             arguments: [table, given, self.current?.entry.hlc ?? ""])
        try showLatestWrite(ofTwins: kept, in: table, rowid: rowid)
        return true
    }

    /// Moves an enrollment's marks to another enrollment in the same event; a mark for a session it has too
    /// becomes one with it.
    func moveMarks(from enrollment: Int64, to other: Int64) throws {
        for mark in try Row.fetchAllCached(db, sql: "SELECT rowid, sessionId FROM attendance WHERE enrollmentId = ?", arguments: [enrollment]) {
            if let twin = try Int64.fetchOneCached(db, sql: "SELECT rowid FROM attendance WHERE enrollmentId = ? AND sessionId = ?",
                                             arguments: [other, mark["sessionId"] as Int64]) {
                try combine("attendance", stays: twin, goes: mark["rowid"])
            } else {
                try db.executeCached(sql: "UPDATE attendance SET enrollmentId = ? WHERE rowid = ?", arguments: [other, mark["rowid"] as Int64])
            }
        }
    }

    /// A row's uuid and the hybrid clock of the change that last touched it ("" when none is known).
    private func version(_ table: String, rowid: Int64) throws -> (uuid: String, hlc: String) {
        let uuid = try String.fetchOneCached(db, sql: "SELECT uuid FROM \(table.quotedDatabaseIdentifier) WHERE rowid = ?", arguments: [rowid]) ?? ""
        let hlc = try String.fetchOneCached(db, sql: "SELECT hlc FROM rowVersion WHERE tableName = ? AND uuid = ?", arguments: [table, uuid]) ?? ""
        return (uuid, hlc)
    }
}
