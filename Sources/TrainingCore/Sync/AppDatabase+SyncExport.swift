import CertificateVerification
import Foundation
import GRDB

extension AppDatabase {
    /// A bundle written for another site: the file's bytes and what is in it.
    public struct WrittenBundle: Sendable {
        public var data: Data
        public var from: String
        public var to: String
        public var changes: Int
    }

    /// Writes, for site `peer`, every change-log entry it has not acknowledged, signed with this site's key.
    ///
    /// What `peer` acknowledged is the vector it sent in its latest bundle imported here; before any,
    /// everything. Writing a bundle fixes this site's code (it has exchanged).
    public func exportBundle(for peer: String) throws -> WrittenBundle {
        try write(.writeBundle) { db in
            let local = try Self.joinedLocalSite(db)
            guard peer != local.code else {
                throw MalakaError.usage("\(peer) is this database's own site; give the site the bundle is for.")
            }
            let certified = try Self.siteCertificates(db).contains { $0.siteCode == peer }
            let recorded = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM site WHERE code = ?)", arguments: [peer]) ?? false
            guard certified || recorded else {
                throw MalakaError(.data, .unknownSite, "This database does not know a site \(peer). Nothing was written.",
                                  remedy: .addOrTrustSite(site: peer))
            }
            guard let siteKey = try Self.issuingSiteKey(db), siteKey.siteCode == local.code else {
                throw MalakaError(.data, .uncertifiedSiteKey, "This database has no key of site \(local.code) to sign bundles with. Nothing was written.",
                                  remedy: .generateSiteKey)
            }
            let key = try TokenSigner.siteKey(siteKey, db)
            let acknowledged = try Self.acknowledgedVector(db, of: peer)
            let changes = try Row.fetchCursor(db, sql: """
                SELECT \(SyncBundleBody.columns) FROM change c
                WHERE c.siteSequence > coalesce((SELECT value FROM json_each(?) WHERE key = c.site), 0)
                ORDER BY c.hlc, c.site, c.siteSequence
                """, arguments: [String(decoding: try JSONEncoder().encode(acknowledged), as: UTF8.self)])
            var clock = HybridClock(site: local.code, last: try String.fetchOne(db, sql: "SELECT max(hlc) FROM change").flatMap(HybridClock.Stamp.init))
            let bundle = SyncBundle(
                format: SyncBundle.formatVersion, programme: local.programme ?? "", from: local.code, to: peer,
                vector: try Self.heldVector(db), created: clock.tick(wall: Date()).description,
                sites: try Self.siteCertificates(db), siteRevocations: try Self.siteKeyRevocations(db), changes: [])
            let (body, count) = try SyncBundleBody.write(bundle, entries: changes)
            try db.execute(sql: "UPDATE syncState SET exchangedAt = coalesce(exchangedAt, ?)", arguments: [Date.databaseNow])
            return WrittenBundle(data: try SealedBundle.seal(body, with: key), from: local.code, to: peer, changes: count)
        }
    }

    // MARK: Inside transactions

    /// This database's site, which must have joined a programme to exchange.
    static func joinedLocalSite(_ db: Database) throws -> Site {
        guard let local = try Site.filter(sql: "isLocal").fetchOne(db), local.programme != nil, !local.code.hasPrefix("LOCAL-") else {
            throw MalakaError(.data, .unknownSite, "This database has not joined a programme yet, so it exchanges with no one. Nothing was changed.",
                              remedy: .joinProgramme)
        }
        return local
    }

    /// For every origin site, the highest sequence held here with none missing before it.
    static func heldVector(_ db: Database) throws -> [String: Int64] {
        var vector: [String: Int64] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT site, max(siteSequence) AS top, count(*) AS held FROM change GROUP BY site") {
            let site: String = row["site"]
            let top: Int64 = row["top"]
            if top == row["held"] as Int64 {
                vector[site] = top
            } else {
                // A gap: the first missing number less one.
                vector[site] = try Int64.fetchOne(db, sql: """
                    SELECT min(siteSequence) FROM change c WHERE site = ?
                      AND NOT EXISTS (SELECT 1 FROM change n WHERE n.site = c.site AND n.siteSequence = c.siteSequence + 1)
                    """, arguments: [site]) ?? 0
            }
        }
        return vector
    }

    static func acknowledgedVector(_ db: Database, of peer: String) throws -> [String: Int64] {
        guard let text = try String.fetchOne(db, sql: "SELECT acknowledged FROM syncPeer WHERE site = ?", arguments: [peer]) else { return [:] }
        return (try? JSONDecoder().decode([String: Int64].self, from: Data(text.utf8))) ?? [:]
    }
}
