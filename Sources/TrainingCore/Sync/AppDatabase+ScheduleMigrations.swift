import GRDB

extension AppDatabase {
    /// An event's schedule as sites change it at once: a session is one row by its uuid at every site, and the
    /// rules of a schedule (a session within its event's dates, one session at a date and start time) hold for
    /// what is written here; a session received from another site is stored as it comes.
    ///
    /// An event moved at one site while another moved or added one of its sessions ends, at every site, with the
    /// later version of each row: a session can then lie outside its event's dates, or share a date and time
    /// with another. Refusing it at some sites and not at others (by which change arrived first), or making two
    /// sessions one by their date and time (a date that a later move changes again), made the sites differ.
    /// Every site now keeps both, and the import lists them for the coordinator (``BundleApplier/scheduleClashes(_:)``).
    static func registerReceivedScheduleMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("Sessions received are kept as they come") { db in
            // SQLite drops no UNIQUE constraint of a table in place: the table is made again without it.
            guard let create = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'session'"),
                  create.contains(slotKey) else {
                throw MalakaError.data("The table session could not be changed: its definition was not understood.")
            }
            let columns = try db.columns(in: "session").map(\.name.quotedDatabaseIdentifier).joined(separator: ", ")
            try db.execute(sql: create.replacingOccurrences(of: slotKey, with: "")
                .replacingOccurrences(of: "CREATE TABLE \"session\"", with: "CREATE TABLE \"session_kept\""))
            try db.execute(sql: "INSERT INTO session_kept (\(columns)) SELECT \(columns) FROM session ORDER BY rowid")
            try db.execute(sql: "DROP TABLE session")
            // Triggers of other tables name `session`; the modern rename checks them while no such table exists.
            try db.execute(sql: "PRAGMA legacy_alter_table = ON")
            try db.execute(sql: "ALTER TABLE session_kept RENAME TO session")
            try db.execute(sql: "PRAGMA legacy_alter_table = OFF")
            try db.create(index: "session_on_date", on: "session", columns: ["date"])
            try db.create(index: "session_on_slot", on: "session", columns: ["eventId", "date", "startTime"])
            // A session no longer has twins by its date and time: no removal is remembered by them.
            try db.execute(sql: "DELETE FROM syncRemoval WHERE tableName = 'session'")
            for operation in ["INSERT", "UPDATE"] {
                try db.execute(sql: """
                    CREATE TRIGGER session_within_event_\(operation.lowercased())
                    BEFORE \(operation) ON session
                    WHEN (SELECT applying FROM syncState) = 0
                      AND NEW.date NOT BETWEEN (SELECT startDate FROM event WHERE id = NEW.eventId)
                                           AND (SELECT endDate FROM event WHERE id = NEW.eventId)
                    BEGIN SELECT RAISE(ABORT, 'session outside its event''s dates'); END
                    """)
                try db.execute(sql: """
                    CREATE TRIGGER session_one_a_slot_\(operation.lowercased())
                    BEFORE \(operation) ON session
                    WHEN (SELECT applying FROM syncState) = 0
                      AND EXISTS (SELECT 1 FROM session s WHERE s.eventId = NEW.eventId AND s.date = NEW.date
                                    AND s.startTime = NEW.startTime AND s.id IS NOT NEW.id)
                    BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: session.eventId, session.date, session.startTime'); END
                    """)
            }
            try ChangeCapture.install(db)
            try installTombstoneTriggers(db)
        }
    }

    /// The session deletions that took marks (``BundleApplier/deletionOfTwinWithSession(_:change:)``), found
    /// among the change log's entries by their operation and clock, at every mark an import applies.
    static func registerSessionDeletionIndexMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("Index change-log entries by operation") { db in
            try db.create(index: "change_on_operation_hlc", on: "change", columns: ["operation", "hlc"])
        }
    }

    private static let slotKey = ", UNIQUE (\"eventId\", \"date\", \"startTime\")"
}
