import Foundation
import GRDB

extension AppDatabase {
    /// Creates a new key pair for an organisation: the private key in an owner-only file, the public key here.
    ///
    /// A previous key of the organisation is retired, not deleted, so the
    /// certificates it signed still verify.
    public func generateSigningKey(organisation: String, privateKeyPath: String) throws -> SigningKeyRecord {
        let organisation = organisation.trimmingSpaces()
        guard !organisation.isEmpty else { throw MalakaError.usage("Give the organisation the key signs for, or `default`.") }
        let key = SigningKey.generate()
        try key.write(to: privateKeyPath)
        let absolutePath = URL(fileURLWithPath: privateKeyPath).standardizedFileURL.path
        do {
            return try write { db in
                let now = Date.databaseNow
                try db.execute(sql: "UPDATE signingKey SET retiredAt = ? WHERE organisation = ? AND retiredAt IS NULL",
                               arguments: [now, organisation])
                let record = SigningKeyRecord(keyID: key.publicKey.idHex, organisation: organisation, publicKey: key.publicKey.base64,
                                              privateKeyPath: absolutePath, createdAt: now, retiredAt: nil)
                try record.insert(db)
                return record
            }
        } catch {
            // The key was never recorded: do not leave an orphan private key behind.
            try? FileManager.default.removeItem(atPath: privateKeyPath)
            throw error
        }
    }

    /// Every key, current and retired, oldest first.
    public func signingKeys() throws -> [SigningKeyRecord] {
        try read { db in try SigningKeyRecord.order(Column("createdAt"), Column("keyID")).fetchAll(db) }
    }

    /// The key an organisation signs with now: its own, else the `default` one; nil if neither has one.
    public func currentSigningKey(for organisation: String?) throws -> SigningKeyRecord? {
        try read { db in
            let current = SigningKeyRecord.filter(Column("retiredAt") == nil)
            if let organisation, let own = try current.filter(Column("organisation") == organisation).fetchOne(db) {
                return own
            }
            return try current.filter(Column("organisation") == "default").fetchOne(db)
        }
    }
}
