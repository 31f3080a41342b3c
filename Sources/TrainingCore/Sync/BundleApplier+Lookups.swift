import GRDB

/// The lookups and writes made at every row, on statements the applier holds and runs through SQLite's C API
/// (``RawStatement``): through GRDB's arguments and cursors each cost about twice SQLite's own work (perf, session 7).
extension BundleApplier {
    /// The lookups made at every row, by table: a row's rowid by its uuid, a reference's id (through the aliases of
    /// the table, or without them while it has none), a twin by one of the table's identity keys (its index in
    /// ``identityKeys(of:)``).
    enum RowLookup: Hashable {
        case rowid, reference, unaliasedReference, twin(key: Int)
    }

    /// The statements of every row that name no table.
    enum SharedLookup: Hashable {
        case alias, tombstone, version, versionUpsert, storeEntry

        var sql: String {
            switch self {
            case .alias: "SELECT keptUuid FROM syncAlias WHERE tableName = ? AND uuid = ?"
            case .tombstone: "SELECT hlc FROM syncTombstone WHERE tableName = ? AND uuid = ?"
            case .version: "SELECT site, siteSequence, hlc FROM rowVersion WHERE tableName = ? AND uuid = ?"
            case .versionUpsert: AppDatabase.rowVersionUpsert
            case .storeEntry: ChangeEntry.insertSQL
            }
        }
    }

    /// The latest change known here of a row (`rowVersion`).
    struct StoredVersion {
        var site: String
        var siteSequence: Int64
        var hlc: String
    }

    /// The statement of a lookup made at every row, prepared once per import and kept by table: the SQL made
    /// from the table's name, and found again in GRDB's cache by that text, cost about as much as SQLite's lookup.
    func rowLookup(_ table: String, _ lookup: RowLookup, sql: () -> String) throws -> RawStatement {
        if let statement = rowLookups[table]?[lookup] { return statement }
        let statement = try RawStatement(db, sql: sql())
        rowLookups[table, default: [:]][lookup] = statement
        return statement
    }

    func shared(_ lookup: SharedLookup) throws -> RawStatement {
        if let statement = sharedLookups[lookup] { return statement }
        let statement = try RawStatement(db, sql: lookup.sql)
        sharedLookups[lookup] = statement
        return statement
    }

    /// The rowid of the row here under `uuid`.
    func rowid(_ table: String, _ uuid: String) throws -> Int64? {
        let statement = try rowLookup(table, .rowid) { "SELECT rowid FROM \(table.quotedDatabaseIdentifier) WHERE uuid = ?" }
        statement.bind(1, uuid)
        return try statement.int64()
    }

    /// `table` and `uuid` bound to a shared lookup's first two parameters.
    private func shared(_ lookup: SharedLookup, _ table: String, _ uuid: String) throws -> RawStatement {
        let statement = try shared(lookup)
        statement.bind(1, table)
        statement.bind(2, uuid)
        return statement
    }

    /// Whether a uuid of `table` here may answer for another (``aliasedTables``).
    func mayHaveAliases(_ table: String) -> Bool {
        aliasedTables?.contains(table) ?? true
    }

    /// The uuid that answers for a row made twice, if `uuid` is the one given up.
    func alias(_ table: String, _ uuid: String) throws -> String? {
        guard mayHaveAliases(table) else { return nil }
        return try shared(.alias, table, uuid).text()
    }

    /// The hybrid clock of the deletion of a row here, if it was deleted.
    func deletedAt(_ table: String, _ uuid: String) throws -> String? {
        try shared(.tombstone, table, uuid).text()
    }

    /// The latest change known here of the row (`rowVersion`).
    func storedVersion(_ table: String, _ uuid: String) throws -> StoredVersion? {
        let statement = try shared(.version, table, uuid)
        defer { statement.reset() }
        guard try statement.step() else { return nil }
        return StoredVersion(site: statement.text(0) ?? "", siteSequence: statement.int64(1), hlc: statement.text(2) ?? "")
    }

    /// Remembers `entry` as the latest change of the row unless a later one is known (``AppDatabase/rowVersionUpsert``).
    func recordVersion(_ table: String, _ uuid: String, of entry: ChangeEntry) throws {
        let statement = try shared(.versionUpsert, table, uuid)
        statement.bind(3, entry.site)
        statement.bind(4, entry.siteSequence)
        statement.bind(5, entry.hlc)
        try statement.execute()
    }
}

extension BundleApplier {
    /// Stores a received entry, once its rows are applied, as ``ChangeEntry/store(_:)`` does.
    func store(_ entry: ChangeEntry) throws {
        let statement = try shared(.storeEntry)
        statement.bind(1, entry.uuid)
        statement.bind(2, entry.site)
        statement.bind(3, entry.siteSequence)
        statement.bind(4, entry.hlc)
        statement.bind(5, entry.actor)
        statement.bind(6, entry.operation)
        statement.bind(7, entry.detail)
        statement.bind(8, entry.subjects)
        statement.bind(9, entry.rows)
        statement.bind(10, entry.previousHash)
        statement.bind(11, entry.hash)
        try statement.execute()
        try entry.indexMerges(db)
    }
}

extension RawStatement {
    /// Runs an insert (`uuid`, then `columns`) or an update by rowid `id` (`columns`, then `id`) of
    /// ``BundleApplier/writeStatement(_:_:updating:)`` with the row's values.
    func write(uuid: String, id: Int64?, columns: [String], values: [String: (any DatabaseValueConvertible)?]) throws {
        var index: Int32 = 1
        if id == nil {
            bind(1, uuid)
            index = 2
        }
        for column in columns {
            bind(index, values[column] ?? nil)
            index += 1
        }
        if let id { bind(index, id) }
        try execute()
    }
}
