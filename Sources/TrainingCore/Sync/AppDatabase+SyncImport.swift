import CertificateVerification
import Foundation
import GRDB

extension AppDatabase {
    /// Checks a bundle from another site and applies it in one transaction.
    ///
    /// Refused, with the database unchanged: a file that is not a bundle, one of a newer format, one of
    /// another programme, one from a site whose key the programme did not certify (or revoked before the
    /// bundle was written), one whose bytes do not match their signature, one whose entries break their
    /// site's hash chain. Otherwise every entry is applied (or found already there, or held back until
    /// what it refers to arrives) and the held-back rows of earlier imports are tried again.
    ///
    /// - Parameters:
    ///   - source: the file's name, for errors.
    ///   - sender: the site that must have written it, when the bundle came from a site that signed its
    ///     request; a bundle of another site is refused.
    public func importBundle(_ data: Data, source: String, sender: String? = nil) throws -> SyncReport {
        let sealed = try SealedBundle.open(data, source: source)
        let bundle: SyncBundle
        do {
            bundle = try SyncBundleReader.read(sealed.body)
        } catch {
            throw MalakaError(.data, .refusedBundle, "\(source) was altered or is damaged: its contents cannot be read. Nothing was changed.",
                              remedy: .askForBundleAgain)
        }
        guard bundle.format <= SyncBundle.formatVersion else {
            throw MalakaError(.data, .refusedBundle, "\(source) was written by a newer Malaka (bundle format \(bundle.format)). Nothing was changed.",
                              remedy: .updateMalaka)
        }
        return try write(.applyBundle) { db in
            let local = try Self.joinedLocalSite(db)
            guard bundle.programme == local.programme else {
                throw MalakaError(.data, .refusedBundle, "\(source) comes from programme “\(bundle.programme)”, not “\(local.programme ?? "")”, which this site joined. Nothing was changed.")
            }
            if let sender, bundle.from != sender {
                throw MalakaError(.data, .refusedBundle, "\(source) was written by site \(bundle.from), not by site \(sender), which sent it. Nothing was changed.")
            }
            guard bundle.from != local.code else {
                throw MalakaError(.data, .refusedBundle, "\(source) was written by this site (\(local.code)) itself. Nothing was changed.")
            }
            try Self.checkSender(sealed, bundle, source: source, db)
            // The pages the import changes stay in memory until it commits. In SQLite's default cache (2 MB) a
            // bundle of 100,000 operations had its pages written to the WAL again and again as the cache spilled:
            // 1.9 million writes for a 114 MB database, a fifth of the import's time.
            let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
            try db.execute(sql: "PRAGMA cache_size = -\(Self.importCacheKiB)")
            defer { try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)") }
            try Self.catchUpRowVersions(db)
            try db.executeCached(sql: "UPDATE syncState SET applying = 1, exchangedAt = coalesce(exchangedAt, ?)", arguments: [Date.databaseNow])
            try ChangeTap.of(db).isPaused = true
            let applier = BundleApplier(db, localSite: local.code, senderVector: bundle.vector)
            var lines: [SyncReport.Line] = []
            var heads: [String: Int64] = [:]
            var chain = try Self.heldHashes(around: bundle.changes, db)
            // The entries in order by their positions, not copied into a sorted array: a copy of an entry is eleven texts retained.
            let changes = bundle.changes
            lines.reserveCapacity(changes.count)
            for index in changes.indices.sorted(by: { i, j in
                (changes[i].hlc, changes[i].site, changes[i].siteSequence) < (changes[j].hlc, changes[j].site, changes[j].siteSequence)
            }) {
                lines.append(try Self.take(changes[index], applier: applier, chain: &chain, source: source, db))
                heads[changes[index].site] = max(heads[changes[index].site] ?? 0, changes[index].siteSequence)
            }
            for (site, head) in heads {
                try db.executeCached(sql: """
                    INSERT INTO site (code, headSequence) VALUES (?, ?)
                    ON CONFLICT (code) DO UPDATE SET headSequence = max(headSequence, excluded.headSequence)
                    """, arguments: [site, head])
            }
            let released = try applier.releaseHeld { uuid in try ChangeEntry.filter(Column("uuid") == uuid).fetchOne(db) }
            try Self.recordAcknowledged(bundle, db)
            return SyncReport(from: bundle.from, lines: lines, released: released)
        }
    }

    /// The sender's key must be one the programme certified for it, unrevoked when the bundle was written,
    /// and must have signed exactly these bytes.
    private static func checkSender(_ sealed: SealedBundle, _ bundle: SyncBundle, source: String, _ db: Database) throws {
        do {
            // Certificates a bundle brings must verify with the programme's keys held here: a bundle of
            // another programme carries certificates no key here signed.
            _ = try recordSiteCredentials(bundle.sites, bundle.siteRevocations, db)
        } catch let error as VerificationError {
            throw MalakaError(.data, .refusedBundle, "\(source) carries site keys this programme's keys do not vouch for (\(error.message)) It may come from another programme. Nothing was changed.",
                              remedy: .addOrTrustSite(site: bundle.from))
        }
        let trusted = try publicKeysFile(db).trustedKeys(source: "this database")
        guard let key = trusted.first(where: { $0.idHex == sealed.keyID && $0.siteCode == bundle.from }) else {
            throw MalakaError(.data, .unknownSite, "\(source) was signed by site \(bundle.from) with key \(sealed.keyID.prefix(16)), which the programme has not certified for it here. Nothing was changed.",
                              remedy: .addOrTrustSite(site: bundle.from))
        }
        guard key.isValidSignature(sealed.signature, of: sealed.body) else {
            throw MalakaError(.data, .refusedBundle, "\(source) does not match its signature: it was altered after site \(bundle.from) wrote it. Nothing was changed.",
                              remedy: .askForBundleAgain)
        }
        if let retired = key.retiredOn, let created = HybridClock.Stamp(bundle.created),
           TokenDate(utcDayOf: created.date) > retired {
            throw MalakaError(.data, .refusedBundle, "\(source) was written after the programme revoked site \(bundle.from)'s key. Nothing was changed.")
        }
    }

    /// The most an import lets SQLite keep of its pages in memory, in KiB (256 MiB): what it changes is written
    /// to the WAL once, at the commit, unless the import is larger than that.
    static let importCacheKiB = 262_144

    /// The hashes this database holds of the entries of the bundle's sites, by site and sequence, from the one
    /// before each site's first in the bundle to its last: one query per site instead of two per entry.
    /// ``take(_:applier:chain:source:_:)`` adds every entry it stores.
    private static func heldHashes(around entries: [ChangeEntry], _ db: Database) throws -> [String: [Int64: String]] {
        var ranges: [String: ClosedRange<Int64>] = [:]
        for entry in entries {
            let range = ranges[entry.site]
            ranges[entry.site] = min(range?.lowerBound ?? entry.siteSequence, entry.siteSequence)...max(range?.upperBound ?? entry.siteSequence, entry.siteSequence)
        }
        var hashes: [String: [Int64: String]] = [:]
        for (site, range) in ranges {
            var held: [Int64: String] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT siteSequence, hash FROM change WHERE site = ? AND siteSequence BETWEEN ? AND ?",
                                           arguments: [site, range.lowerBound - 1, range.upperBound])
            while let row = try rows.next() { held[row[0]] = row[1] }
            hashes[site] = held
        }
        return hashes
    }

    /// Stores one received entry and applies its rows, unless it is held already; `chain` holds the hashes held
    /// here around the bundle's entries (``heldHashes(around:_:)``).
    private static func take(_ entry: ChangeEntry, applier: BundleApplier, chain: inout [String: [Int64: String]], source: String,
                             _ db: Database) throws -> SyncReport.Line {
        var line = SyncReport.Line(site: entry.site, sequence: entry.siteSequence, operation: entry.operation, actor: entry.actor,
                                   outcome: .alreadyThere, notes: [])
        let held = chain[entry.site]?[entry.siteSequence]
        if let held {
            guard held == entry.hash else {
                throw MalakaError(.data, .refusedBundle, "\(source): change \(entry.site) #\(entry.siteSequence) differs from the one this database holds under that number: one of them was altered. Nothing was changed.",
                                  remedy: .askForBundleAgain)
            }
            return line
        }
        let previous = chain[entry.site]?[entry.siteSequence - 1]
        guard entry.hash == entry.computedHash, entry.siteSequence == 1 || (previous != nil && previous == entry.previousHash),
              entry.siteSequence != 1 || entry.previousHash == nil else {
            throw MalakaError(.data, .refusedBundle, "\(source): change \(entry.site) #\(entry.siteSequence) does not follow that site's history (its hash chain is broken). Nothing was changed.",
                              remedy: .askForBundleAgain)
        }
        (line.outcome, line.notes) = try applier.apply(entry)
        try applier.store(entry)
        chain[entry.site, default: [:]][entry.siteSequence] = entry.hash
        return line
    }

    /// What the sender holds it needs no more: the next bundle for it starts after that.
    private static func recordAcknowledged(_ bundle: SyncBundle, _ db: Database) throws {
        let held = try acknowledgedVector(db, of: bundle.from)
        var vector = held
        for (site, sequence) in bundle.vector {
            vector[site] = max(vector[site] ?? 0, sequence)
        }
        // The same bundle twice changes nothing, not even the day it was last seen.
        let known = try Bool.fetchOneCached(db, sql: "SELECT EXISTS (SELECT 1 FROM syncPeer WHERE site = ?)", arguments: [bundle.from]) ?? false
        guard vector != held || !known else { return }
        try db.executeCached(sql: """
            INSERT INTO syncPeer (site, acknowledged, lastImportedAt) VALUES (?, ?, ?)
            ON CONFLICT (site) DO UPDATE SET acknowledged = excluded.acknowledged, lastImportedAt = excluded.lastImportedAt
            """, arguments: [bundle.from, String(decoding: try JSONEncoder().encode(vector), as: UTF8.self), Date.databaseNow])
    }
}
