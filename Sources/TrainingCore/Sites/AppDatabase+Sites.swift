import Foundation
import GRDB

extension AppDatabase {
    /// This database's own site.
    public func localSite() throws -> Site {
        try read { db in
            guard let site = try Site.filter(sql: "isLocal").fetchOne(db) else {
                throw MalakaError.data("This database has no site of its own; it was not migrated completely.")
            }
            return site
        }
    }

    /// Every site this database knows: its own first, then the others by code.
    public func sites() throws -> [Site] {
        try read { db in try Site.order(sql: "isLocal DESC, code").fetchAll(db) }
    }

    /// Gives this database its site code in a programme, such as `XO-URG1`.
    ///
    /// Allowed until the site has exchanged anything with another: its own log entries are renamed
    /// and chained again under the new code, in one transaction; rows made here need no change
    /// (their `originSite` stays null, meaning this site).
    ///
    /// - Throws: ``MalakaError`` for a code not of the form `XO-URG1`, a blank programme, a code
    ///   another known site has, or a site that has already exchanged changes.
    public func joinSite(code: String, programme: String, name: String? = nil) throws -> Site {
        try SiteCode.check(code)
        let programme = programme.trimmingSpaces()
        guard !programme.isEmpty else {
            throw MalakaError.usage("Name the programme the site joins, such as “Parenting Khorezm 2026”.")
        }
        let old = try localSite()
        return try write(.joinSite, detail: "\(old.code) → \(code), programme \(programme)") { db in
            if try Bool.fetchOne(db, sql: "SELECT exchangedAt IS NOT NULL FROM syncState") ?? false
                || Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM change WHERE site <> ?)", arguments: [old.code]) ?? false {
                throw MalakaError.data("This site has already exchanged changes as \(old.code); its code can no longer change. Nothing was changed.")
            }
            if code != old.code, try Site.fetchOne(db, key: code) != nil {
                throw MalakaError.data("\(code) is already the code of another site this database knows. Nothing was changed.")
            }
            try db.execute(sql: "UPDATE site SET code = ?, programme = ?, name = coalesce(?, name), joinedAt = ? WHERE isLocal",
                           arguments: [code, programme, name, Date.databaseNow])
            try Self.rechain(db, from: old.code, to: code)
            // Versions name their entries by site and sequence: written again from the renamed entries at the first import.
            try db.execute(sql: "DELETE FROM rowVersion")
            try db.execute(sql: "UPDATE syncState SET versionedThrough = 0")
            return try Site.fetchOne(db, key: code)!
        }
    }

    /// Records another site of the programme and its public key, so that its bundles can be checked.
    ///
    /// - Parameter key: the key as handed over: Base64 of its 32 bytes, or a PEM `PUBLIC KEY` block.
    public func addSite(code: String, name: String? = nil, key: String) throws -> Site {
        try SiteCode.check(code)
        guard let publicKey = SitePublicKey.base64(from: key) else {
            throw MalakaError.data("The key given for \(code) is not an Ed25519 public key (Base64 of 32 bytes, or a PEM PUBLIC KEY block). Nothing was changed.")
        }
        return try write(.addSite, detail: "\(code) key \(publicKey)") { db in
            if let known = try Site.fetchOne(db, key: code) {
                guard !known.isLocal else {
                    throw MalakaError.data("\(code) is this database's own site. Nothing was changed.")
                }
                guard known.publicKey == publicKey else {
                    throw MalakaError.data("\(code) is already known with another key. Nothing was changed.")
                }
                return known
            }
            let site = Site(code: code, name: name?.trimmingSpaces().nilIfEmpty, isLocal: false, publicKey: publicKey)
            try site.insert(db)
            return site
        }
    }

    /// Renames the site of this site's log entries and chains them again: before anything was
    /// exchanged, nobody else holds them. Each gets a new uuid too: two databases copied from one file (a
    /// second laptop set up from the first) and joined as two sites must not share entries' uuids.
    private static func rechain(_ db: Database, from old: String, to new: String) throws {
        guard old != new else { return }
        var previousHash: String?
        let entries = try ChangeEntry.filter(ChangeEntry.Columns.site == old).order(ChangeEntry.Columns.siteSequence).fetchAll(db)
        for var entry in entries {
            entry.site = new
            entry.uuid = UUIDv7.make(now: entry.stamp?.date ?? Date())
            if var stamp = entry.stamp {
                stamp.site = new
                entry.hlc = stamp.description
            }
            entry.previousHash = previousHash
            entry.hash = entry.computedHash
            try entry.update(db)
            previousHash = entry.hash
        }
    }
}

private extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
