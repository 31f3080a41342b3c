import GRDB

extension AppDatabase {
    /// The nonces of the exchange's signed HTTP requests seen lately, so that a request sent twice is refused.
    static func registerSyncRequestMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("Add the nonces of signed exchange requests") { db in
            try db.create(table: "syncRequestNonce") { t in
                t.column("site", .text).notNull()
                t.column("nonce", .text).notNull()
                t.column("signedAt", .integer).notNull().indexed()
                t.primaryKey(["site", "nonce"])
            }
        }
    }
}
