import GRDB

extension AppDatabase {
    /// Changes are captured by ``ChangeTap`` from here on, instead of by SQL triggers staging rows in `rowChange`.
    ///
    /// Rows the triggers staged and no write recorded (changed with the `sqlite3` shell, or by the migrations just
    /// run) are recorded first, as one entry, with the SQL that recorded them before.
    static func registerChangeTapMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("Capture changes in Swift") { db in
            if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM rowChange)") ?? false {
                try recordStagedRows(db)
            }
            for table in TravellingTables.names {
                for kind in ["insert", "update", "delete"] {
                    try db.execute(sql: "DROP TRIGGER IF EXISTS \("change_\(table)_\(kind)".quotedDatabaseIdentifier)")
                }
            }
            try db.drop(table: "rowChange")
        }
    }

    /// Rows are recorded in the compact form of ``ChangeRows`` from here on. The migration changes no table: it is
    /// in the database's list so that a Malaka older than the form, which would misread the new entries, refuses the
    /// database as newer than itself.
    static func registerCompactRowMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("Record rows with their column names once") { _ in }
    }

    private static func recordStagedRows(_ db: Database) throws {
        let entry = try ChangeRecorder(actor: ChangeRecorder.unknownActor).append(
            .migrate, detail: "rows changed without Malaka, found when changes came to be captured in Swift",
            subjects: try String.fetchOne(db, sql: stagedSubjectsSQL) ?? "{}", rows: try String.fetchOne(db, sql: stagedRowsSQL) ?? "[]",
            in: db)
        try db.execute(sql: """
            INSERT INTO rowVersion (tableName, uuid, site, siteSequence, hlc)
            SELECT tableName, rowUuid, ?, ?, ? FROM rowChange WHERE true ORDER BY seq
            ON CONFLICT (tableName, uuid) DO UPDATE SET site = excluded.site, siteSequence = excluded.siteSequence,
              hlc = excluded.hlc WHERE excluded.hlc > rowVersion.hlc
            """, arguments: [entry.site, entry.siteSequence, entry.hlc])
        try ChangeRecorder.stampRemovals(of: entry, db)
    }

    /// The staged rows in order, as one JSON array; keys sorted, values as the triggers wrote them.
    private static let stagedRowsSQL = """
        SELECT '[' || coalesce(group_concat('{"kind":"' || kind || '","table":"' || tableName || '","uuid":"' || rowUuid
          || '","values":' || coalesce(rowValues, 'null') || '}', ','), '') || ']'
        FROM (SELECT kind, tableName, rowUuid, rowValues FROM rowChange ORDER BY seq)
        """

    /// The events, participants and period locks the staged rows concern, as a JSON object of sorted uuid lists.
    private static let stagedSubjectsSQL = """
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
