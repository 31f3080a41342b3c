import GRDB

extension AppDatabase {
    /// `rowVersion` kept by the code that stores an entry, not by a trigger on `change`, in a table keyed by
    /// table and uuid alone.
    ///
    /// The trigger parsed every entry's rows, JSON it had just been written as, a second time: for an
    /// import of a hundred thousand operations a fifth of its time. The change recorder now takes the
    /// rows' tables and uuids from the staging table and the import from the rows it has read already,
    /// with the trigger's rule (the latest hybrid clock wins) unchanged.
    static func registerRowVersionMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("Keep row versions without parsing the change log again") { db in
            try db.execute(sql: "DROP TRIGGER IF EXISTS change_rowVersion")
            // Every recorded row writes its version: one b-tree keyed by table and uuid, not a table and its index.
            try db.execute(sql: """
                CREATE TABLE rowVersion_keyed (
                  tableName TEXT NOT NULL, uuid TEXT NOT NULL, site TEXT NOT NULL, siteSequence INTEGER NOT NULL, hlc TEXT NOT NULL,
                  PRIMARY KEY (tableName, uuid)) WITHOUT ROWID
                """)
            try db.execute(sql: "INSERT INTO rowVersion_keyed SELECT tableName, uuid, site, siteSequence, hlc FROM rowVersion")
            try db.execute(sql: "DROP TABLE rowVersion")
            try db.execute(sql: "ALTER TABLE rowVersion_keyed RENAME TO rowVersion")
        }
    }

    /// This site's own changes get their rows' versions when an import needs them (``catchUpRowVersions(_:)``), not
    /// as they are recorded: one upsert for every row a write changed was the largest part of what the change log
    /// cost a write (BENCHMARKS.md, "Session 11"). `syncState.versionedThrough` is the last of this site's entries whose
    /// rows have their versions; every entry up to the local head had them when this migration ran.
    static func registerDeferredRowVersionMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("Write this site's row versions when an import needs them") { db in
            try db.alter(table: "syncState") { t in
                t.add(column: "versionedThrough", .integer).notNull().defaults(to: 0)
            }
            try db.execute(sql: "UPDATE syncState SET versionedThrough = (\(localHeadSQL))")
        }
    }

    /// Gives every row changed by this site's entries since the last catch-up its version, as recording did before
    /// (the latest hybrid clock wins, so the order of the upserts does not matter), and moves the watermark to the
    /// local head. Whatever reads `rowVersion` calls it first, in its own transaction: an import, before the bundle
    /// applier changes any row's version, and a merge made here, before it tells which of the kept record's
    /// enrollments were written after a removal (``BundleApplier/followRemovalsAfterMerge(_:merged:keeping:)``).
    static func catchUpRowVersions(_ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO rowVersion (tableName, uuid, site, siteSequence, hlc)
            SELECT \(ChangeRows.headSQL(.table, of: "r.value")), \(ChangeRows.headSQL(.uuid, of: "r.value")), c.site, c.siteSequence, c.hlc
            FROM change c, json_each(\(ChangeRows.eachSQL("c.rows"))) r
            WHERE c.site = (SELECT code FROM site WHERE isLocal) AND c.siteSequence > (SELECT versionedThrough FROM syncState)
            ON CONFLICT (tableName, uuid) DO UPDATE SET site = excluded.site, siteSequence = excluded.siteSequence,
              hlc = excluded.hlc WHERE excluded.hlc > rowVersion.hlc
            """)
        try db.execute(sql: "UPDATE syncState SET versionedThrough = (\(localHeadSQL))")
    }

    /// The sequence of this site's latest entry, 0 when it has none.
    private static let localHeadSQL = "SELECT coalesce(max(siteSequence), 0) FROM change WHERE site = (SELECT code FROM site WHERE isLocal)"

    /// Remembers `site`'s change `sequence`, stamped `hlc`, as the latest of the row unless a later one is known.
    static let rowVersionUpsert = """
        INSERT INTO rowVersion (tableName, uuid, site, siteSequence, hlc) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (tableName, uuid) DO UPDATE SET site = excluded.site, siteSequence = excluded.siteSequence,
          hlc = excluded.hlc WHERE excluded.hlc > rowVersion.hlc
        """

    /// Gives a row (uuid, then the table) the version of another row of the table (its uuid) when that one is later.
    static let rowVersionCopy = """
        INSERT INTO rowVersion (tableName, uuid, site, siteSequence, hlc)
        SELECT tableName, ?, site, siteSequence, hlc FROM rowVersion WHERE tableName = ? AND uuid = ? AND true
        ON CONFLICT (tableName, uuid) DO UPDATE SET site = excluded.site, siteSequence = excluded.siteSequence,
          hlc = excluded.hlc WHERE excluded.hlc > rowVersion.hlc
        """
}
