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
