import GRDB

extension AppDatabase {
    /// The accounts and signed-in sessions of `malaka serve`, in their own migrations so that the web's
    /// schema stays apart from the records it shows.
    static func registerAccountMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("Add web accounts and sessions") { db in
            try db.create(table: "webAccount") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("name", .text).notNull().unique(onConflict: .abort).collate(.nocase)
                t.column("role", .text).notNull().check(sql: "role IN ('trainer', 'coordinator', 'manager', 'admin')")
                t.column("country", .text)
                t.column("regionCode", .text).references("region", column: "code")
                t.column("districtCode", .text).references("district", column: "code")
                t.column("passwordHash", .text).notNull()
                t.column("language", .text)
                t.column("createdAt", .datetime).notNull()
                // Everyone but an administrator works somewhere.
                t.check(sql: "role = 'admin' OR country IS NOT NULL")
            }
            try db.create(table: "webSession") { t in
                t.primaryKey("tokenHash", .text)
                t.column("accountId", .integer).notNull().indexed().references("webAccount", onDelete: .cascade)
                t.column("csrfToken", .text).notNull()
                t.column("createdAt", .datetime).notNull()
                t.column("expiresAt", .datetime).notNull()
            }
        }
    }
}
