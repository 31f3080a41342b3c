import GRDB

extension AppDatabase {
    /// The tables of site keys: this database's own, the programme's certificates of sites' keys and their
    /// revocations, and the programme's public keys a site trusts.
    static func registerSiteKeyMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("Add site keys") { db in
            // The keys this database signs with as a site; the private key stays in its owner-only file.
            try db.create(table: "siteSigningKey") { t in
                t.primaryKey("keyID", .text)
                t.column("siteCode", .text).notNull()
                t.column("publicKey", .text).notNull().unique()
                t.column("privateKeyPath", .text).notNull()
                t.column("createdAt", .datetime).notNull()
            }
            // Signed by the programme's key; they prove themselves, so they are kept as signed.
            try db.create(table: "siteCertificate") { t in
                t.primaryKey("keyID", .text)
                t.column("siteCode", .text).notNull().indexed()
                t.column("programme", .text).notNull()
                t.column("publicKey", .text).notNull().unique()
                t.column("notBefore", .text).notNull()
                t.column("programmeKeyID", .text).notNull()
                t.column("signature", .text).notNull()
                t.column("recordedAt", .datetime).notNull()
            }
            try db.create(table: "siteKeyRevocation") { t in
                t.primaryKey("keyID", .text)
                t.column("siteCode", .text).notNull()
                t.column("revokedFrom", .text).notNull()
                t.column("programmeKeyID", .text).notNull()
                t.column("signature", .text).notNull()
                t.column("recordedAt", .datetime).notNull()
            }
            // The programme's public keys, at a site that does not hold the programme's private key.
            try db.create(table: "programmeKey") { t in
                t.primaryKey("keyID", .text)
                t.column("organisation", .text).notNull()
                t.column("publicKey", .text).notNull().unique()
                t.column("createdAt", .datetime).notNull()
                t.column("retiredAt", .datetime)
            }
        }
    }
}
