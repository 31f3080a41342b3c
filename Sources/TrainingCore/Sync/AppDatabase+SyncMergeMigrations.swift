import GRDB

extension AppDatabase {
    /// Which person each merge kept, by uuid, so that applying a bundle follows merges without reading the
    /// whole change log for each reference.
    ///
    /// Kept where entries are stored (``ChangeEntry/indexMerges(_:)``; by a trigger on the change log until
    /// ``registerMergeIndexMigrations(_:)``), so a merge made here and one received are both in it.
    static func registerSyncMergeMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("Index merges for exchange") { db in
            try db.create(table: "syncMerge") { t in
                t.column("mergedUuid", .text).notNull()
                t.column("keptUuid", .text).notNull()
                // The hybrid clock of the merge: of two merges of one person into two others, the earlier counts.
                t.column("hlc", .text).notNull()
                t.primaryKey(["mergedUuid", "keptUuid"])
            }
            try db.create(index: "syncMerge_on_keptUuid", on: "syncMerge", columns: ["keptUuid"])
            try db.execute(sql: """
                CREATE TRIGGER change_syncMerge AFTER INSERT ON change WHEN instr(NEW.rows, '"participantMerge"') > 0 BEGIN
                  INSERT OR IGNORE INTO syncMerge (mergedUuid, keptUuid, hlc) \(mergesIn(rows: "NEW.rows", hlc: "NEW.hlc"));
                END
                """)
            try db.execute(sql: "INSERT OR IGNORE INTO syncMerge (mergedUuid, keptUuid, hlc) \(mergesIn(rows: "c.rows", hlc: "c.hlc", from: "change c,"))")
        }
    }

    /// The same two people merged the same way at two sites: the merge kept is the later one, whichever arrived
    /// first, since the latest merge of a group decides which record it keeps (``MergeGroup``).
    static func registerLatestMergeMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("Merges keep their latest clock") { db in
            try db.execute(sql: "DROP TRIGGER change_syncMerge")
            try db.execute(sql: """
                CREATE TRIGGER change_syncMerge AFTER INSERT ON change WHEN instr(NEW.rows, '"participantMerge"') > 0 BEGIN
                  INSERT INTO syncMerge (mergedUuid, keptUuid, hlc) \(mergesIn(rows: "NEW.rows", hlc: "NEW.hlc")) \(keepingLatest);
                END
                """)
            try db.execute(sql: "INSERT INTO syncMerge (mergedUuid, keptUuid, hlc) \(mergesIn(rows: "c.rows", hlc: "c.hlc", from: "change c,")) \(keepingLatest)")
        }
    }

    /// The merges of an entry indexed by the code that stores entries (``ChangeEntry/indexMerges(_:)``), no longer by
    /// a trigger: any trigger on `change` made every insert into it keep a statement journal (SQLite's undo of one
    /// statement, pages copied), which cost a twentieth of an import of 100,000 entries, none of them a merge.
    static func registerMergeIndexMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("Merges indexed where entries are stored") { db in
            try db.execute(sql: "DROP TRIGGER change_syncMerge")
        }
    }

    /// What the trigger `change_syncMerge` did for one entry: its rows (`?1`) and clock (`?2`) bound.
    static let entryMergesSQL = "INSERT INTO syncMerge (mergedUuid, keptUuid, hlc) \(mergesIn(rows: "changeRows(?1)", hlc: "?2")) \(keepingLatest)"

    private static let keepingLatest = """
        ON CONFLICT (mergedUuid, keptUuid) DO UPDATE SET hlc = excluded.hlc WHERE excluded.hlc > syncMerge.hlc
        """

    /// The merged and kept uuids of the merges among an entry's rows, with the entry's clock.
    private static func mergesIn(rows: String, hlc: String, from: String = "") -> String {
        """
        SELECT json_extract(r.value, '$.values.mergedParticipantUuid'), json_extract(r.value, '$.values.keptParticipantUuid'), \(hlc)
        FROM \(from) json_each(\(rows)) r
        WHERE json_extract(r.value, '$.table') = 'participantMerge' AND json_extract(r.value, '$.kind') = 'insert'
          AND json_extract(r.value, '$.values.mergedParticipantUuid') IS NOT NULL
          AND json_extract(r.value, '$.values.keptParticipantUuid') IS NOT NULL
        """
    }
}
