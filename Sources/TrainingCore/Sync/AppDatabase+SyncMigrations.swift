import GRDB

extension AppDatabase {
    /// What exchanging bundles keeps: what each other site acknowledged, changes held back, tombstones,
    /// the review queue of conflicts, and which change last touched each travelling row.
    ///
    /// Registered after the change log's migration, whose `change` table it indexes.
    static func registerSyncMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("Add exchange state") { db in
            // The vector another site sent in its latest bundle: what it holds, so what it needs no more.
            try db.create(table: "syncPeer") { t in
                t.primaryKey("site", .text)
                t.column("acknowledged", .text).notNull()
                t.column("lastImportedAt", .datetime)
            }
            // Row changes of received entries that wait for what they refer to.
            try db.create(table: "heldChange") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("changeUuid", .text).notNull().indexed()
                t.column("rowIndex", .integer).notNull()
                t.column("row", .text).notNull()
                t.column("missing", .text).notNull()
                t.uniqueKey(["changeUuid", "rowIndex"])
            }
            // Deleted rows stay deleted: an insert or edit of one arriving later is not applied.
            try db.create(table: "syncTombstone") { t in
                t.column("tableName", .text).notNull()
                t.column("uuid", .text).notNull()
                t.column("hlc", .text).notNull()
                t.primaryKey(["tableName", "uuid"])
            }
            // One row made at two sites independently (the same mark, the same course): both converge on the
            // smaller uuid; the other answers for it from then on.
            try db.create(table: "syncAlias") { t in
                t.column("tableName", .text).notNull()
                t.column("uuid", .text).notNull()
                t.column("keptUuid", .text).notNull()
                t.primaryKey(["tableName", "uuid"])
            }
            // A row deleted here stays deleted too: a change to it arriving later must not bring it back.
            for table in TravellingTables.names {
                try db.execute(sql: """
                    CREATE TRIGGER sync_tombstone_\(table) AFTER DELETE ON \(table.quotedDatabaseIdentifier)
                    WHEN (SELECT applying FROM syncState) = 0
                    BEGIN INSERT OR REPLACE INTO syncTombstone (tableName, uuid, hlc)
                      VALUES ('\(table)', OLD.uuid, (SELECT coalesce(max(hlc), '') FROM change)); END
                    """)
            }
            // Identity edited at two places at once: both versions, until a person chooses.
            try db.create(table: "syncConflict") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("tableName", .text).notNull()
                t.column("rowUuid", .text).notNull()
                t.column("fields", .text).notNull()
                t.column("localValues", .text).notNull()
                t.column("localHlc", .text).notNull()
                t.column("incomingValues", .text).notNull()
                t.column("incomingHlc", .text).notNull()
                t.column("incomingSite", .text).notNull()
                t.column("recordedAt", .datetime).notNull()
                t.column("resolvedAt", .datetime)
                t.column("resolvedBy", .text)
                t.column("resolution", .text)
            }
            // The latest change (by hybrid clock) that touched each row, to tell whether an incoming change
            // is concurrent with it; kept by a trigger on the change log, so every writer keeps it.
            try db.create(table: "rowVersion") { t in
                t.column("tableName", .text).notNull()
                t.column("uuid", .text).notNull()
                t.column("site", .text).notNull()
                t.column("siteSequence", .integer).notNull()
                t.column("hlc", .text).notNull()
                t.primaryKey(["tableName", "uuid"])
            }
            try db.execute(sql: """
                CREATE TRIGGER change_rowVersion AFTER INSERT ON change BEGIN
                  INSERT INTO rowVersion (tableName, uuid, site, siteSequence, hlc)
                  SELECT json_extract(r.value, '$.table'), json_extract(r.value, '$.uuid'), NEW.site, NEW.siteSequence, NEW.hlc
                  FROM json_each(NEW.rows) r WHERE true
                  ON CONFLICT (tableName, uuid) DO UPDATE SET site = excluded.site, siteSequence = excluded.siteSequence,
                    hlc = excluded.hlc WHERE excluded.hlc > rowVersion.hlc;
                END
                """)
            try db.execute(sql: """
                INSERT INTO rowVersion (tableName, uuid, site, siteSequence, hlc)
                SELECT json_extract(r.value, '$.table'), json_extract(r.value, '$.uuid'), c.site, c.siteSequence, c.hlc
                FROM change c, json_each(c.rows) r WHERE true ORDER BY c.hlc
                ON CONFLICT (tableName, uuid) DO UPDATE SET site = excluded.site, siteSequence = excluded.siteSequence,
                  hlc = excluded.hlc WHERE excluded.hlc > rowVersion.hlc
                """)
        }
    }

    /// The uuids answering for a row are looked up by the one they answer for at every row an import applies
    /// to a table with twins (``BundleApplier/answersForTwins(_:_:)``), and on every alias recorded.
    static func registerSyncAliasIndexMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("Index aliases by the uuid they answer for") { db in
            try db.create(index: "syncAlias_on_tableName_keptUuid", on: "syncAlias", columns: ["tableName", "keptUuid"])
        }
    }

    /// A row made at two sites is one row under two uuids (twins, ``BundleApplier``): deleted under one of them,
    /// the other, arriving later, must find the deletion. `syncRemoval` remembers the latest deletion of each
    /// row by the values that make two rows one (an enrollment's event and person, as local ids).
    static func registerSyncRemovalMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("Remember deletions of rows made at two sites") { db in
            try db.alter(table: "syncTombstone") { t in
                // Deleted because a twin was, not under its own uuid: a change written to it after the deletion
                // brings it back (the person enrolled again), as it keeps the row at a site holding both.
                t.add(column: "byTwin", .boolean).notNull().defaults(to: false)
            }
            try db.create(table: "syncRemoval") { t in
                t.column("tableName", .text).notNull()
                t.column("identity", .text).notNull()
                t.column("hlc", .text).notNull()
                t.primaryKey(["tableName", "identity"])
            }
            for table in ["syncTombstone", "syncRemoval"] {
                try db.create(index: "\(table)_unrecorded", on: table, columns: ["hlc"], condition: Column("hlc") == "")
            }
            try installTombstoneTriggers(db)
        }
    }

    /// A row deleted here stays deleted: a change to it arriving later must not bring it back. The uuids of its
    /// twins go with it. The triggers leave the clock empty; ``ChangeRecorder`` gives it the write's entry's.
    static func installTombstoneTriggers(_ db: Database) throws {
        for table in TravellingTables.names {
            var statements = ["INSERT OR REPLACE INTO syncTombstone (tableName, uuid, hlc) VALUES ('\(table)', OLD.uuid, '');"]
            if let identity = try BundleApplier.identityExpression(db, of: table, row: "OLD") {
                statements.append("""
                    INSERT OR IGNORE INTO syncTombstone (tableName, uuid, hlc, byTwin)
                      SELECT tableName, uuid, '', 1 FROM syncAlias WHERE tableName = '\(table)' AND keptUuid = OLD.uuid;
                    """)
                statements.append("INSERT OR REPLACE INTO syncRemoval (tableName, identity, hlc) VALUES ('\(table)', \(identity), '');")
            }
            try db.execute(sql: "DROP TRIGGER IF EXISTS sync_tombstone_\(table)")
            try db.execute(sql: """
                CREATE TRIGGER sync_tombstone_\(table) AFTER DELETE ON \(table.quotedDatabaseIdentifier)
                WHEN (SELECT applying FROM syncState) = 0
                BEGIN \(statements.joined(separator: " ")) END
                """)
        }
    }
}
