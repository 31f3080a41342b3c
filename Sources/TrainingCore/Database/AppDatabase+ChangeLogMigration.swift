import Foundation
import GRDB

extension AppDatabase {
    /// The migrations of #16: sites, identifiers on every travelling row, and the change log.
    static func registerChangeLogMigrations(_ migrator: inout DatabaseMigrator) {
        // Every record that travels gets a uuid made where it was made, and the database a site of its
        // own; from here on every write is recorded, hash-chained, in `change` (see ChangeRecorder).
        migrator.registerMigration("Add sites, identifiers and the change log") { db in
            try createSiteTables(db)
            try createChangeTables(db)
            // Rebuilding a table drops the triggers that name it; they all come back as they were.
            let triggers = try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND sql IS NOT NULL")
            for name in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger'") {
                try db.execute(sql: "DROP TRIGGER \(name.quotedDatabaseIdentifier)")
            }
            for table in TravellingTables.names {
                try addIdentityColumns(db, table: table)
            }
            for trigger in triggers {
                try db.execute(sql: trigger)
            }
            db.clearSchemaCache()
            try ChangeCapture.install(db)
            try foldPeriodLockLog(db)
        }
    }

    private static func createSiteTables(_ db: Database) throws {
        try db.create(table: "site") { t in
            t.primaryKey("code", .text)
                .check(sql: "length(code) BETWEEN 5 AND 14 AND (code GLOB '[A-Z][A-Z]-[A-Z0-9][A-Z0-9]*' OR code GLOB 'LOCAL-*')")
            t.column("name", .text)
            t.column("programme", .text)
            t.column("isLocal", .boolean).notNull().defaults(to: false)
            t.column("joinedAt", .datetime)
            t.column("publicKey", .text)
            t.column("headSequence", .integer).notNull().defaults(to: 0)
        }
        // Exactly one site is this database's own: at most one by this index, at least one from here on.
        try db.execute(sql: "CREATE UNIQUE INDEX site_one_local ON site (isLocal) WHERE isLocal")
        try db.execute(sql: "INSERT INTO site (code, isLocal) VALUES (?, 1)", arguments: [SiteCode.provisional()])

        // One row; `applying` is set by the application of a bundle, inside its transaction, so the
        // rows it writes are not recorded again as this site's changes.
        try db.create(table: "syncState") { t in
            t.primaryKey("id", .integer).check(sql: "id = 1")
            t.column("applying", .boolean).notNull().defaults(to: false)
            // When this site first sent or received a bundle: from then on its code is fixed.
            t.column("exchangedAt", .datetime)
        }
        try db.execute(sql: "INSERT INTO syncState (id, applying) VALUES (1, 0)")
    }

    private static func createChangeTables(_ db: Database) throws {
        // Where the triggers stage a write's row changes; emptied into one `change` row before it commits.
        try db.create(table: "rowChange") { t in
            t.primaryKey("seq", .integer)
            t.column("tableName", .text).notNull()
            t.column("rowUuid", .text).notNull()
            t.column("kind", .text).notNull().check(sql: "kind IN ('insert', 'update', 'delete')")
            t.column("rowValues", .text)
        }
        try db.create(table: "change") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("uuid", .text).notNull().unique()
            t.column("site", .text).notNull()
            t.column("siteSequence", .integer).notNull().check(sql: "siteSequence > 0")
            t.column("hlc", .text).notNull()
            t.column("actor", .text).notNull()
            t.column("operation", .text).notNull()
            t.column("detail", .text)
            t.column("subjects", .text).notNull()
            t.column("rows", .text).notNull()
            t.column("previousHash", .text)
            t.column("hash", .text).notNull().check(sql: "length(hash) = 64")
            t.uniqueKey(["site", "siteSequence"])
        }
        // The clock reads the latest stamp; the audit lists by time.
        try db.create(index: "change_on_hlc", on: "change", columns: ["hlc"])
    }

    /// Rebuilds `table` with `uuid` and `originSite` (SQLite adds no column with such a default in
    /// place); existing rows get a uuid carrying their creation time where the table keeps one.
    private static func addIdentityColumns(_ db: Database, table: String) throws {
        guard let create = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", arguments: [table]),
              let rebuilt = IdentityColumns.addingColumns(to: create, renamedTo: "\(table)_withUuid")
        else {
            throw MalakaError.data("The table \(table) could not be given identifiers: its definition was not understood.")
        }
        let indexes = try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
                                          arguments: [table])
        let columns = try db.columns(in: table).map(\.name.quotedDatabaseIdentifier).joined(separator: ", ")
        let time = TravellingTables.creationColumns[table].map { UUIDv7.sqlMilliseconds(ofDateColumn: $0.quotedDatabaseIdentifier) } ?? UUIDv7.sqlNow
        try db.execute(sql: rebuilt)
        try db.execute(sql: """
            INSERT INTO "\(table)_withUuid" (\(columns), uuid) SELECT \(columns), \(UUIDv7.sqlExpression(milliseconds: time))
            FROM \(table.quotedDatabaseIdentifier) ORDER BY rowid
            """)
        try db.execute(sql: "DROP TABLE \(table.quotedDatabaseIdentifier)")
        try db.execute(sql: "ALTER TABLE \"\(table)_withUuid\" RENAME TO \(table.quotedDatabaseIdentifier)")
        for index in indexes {
            try db.execute(sql: index)
        }
    }

    /// The period-lock log becomes entries of the change log, in the order it was kept.
    private static func foldPeriodLockLog(_ db: Database) throws {
        guard try db.tableExists("periodLockEvent") else { return }
        let rows = try Row.fetchAll(db, sql: """
            SELECT e.action, e.at, e.detail, l.uuid FROM periodLockEvent e JOIN periodLock l ON l.id = e.lockId ORDER BY e.id
            """)
        let operations: [String: ChangeOperation] = ["close": .lockPeriod, "reopen": .reopenPeriod, "refused": .refusedByPeriodLock]
        for row in rows {
            guard let operation = operations[row["action"]] else { continue }
            let recorder = ChangeRecorder(actor: ChangeRecorder.unknownActor, wall: row["at"])
            try recorder.record(operation, detail: row["detail"], subjects: ["periodLocks": [row["uuid"]]], in: db)
        }
        try db.drop(table: "periodLockEvent")
    }
}
