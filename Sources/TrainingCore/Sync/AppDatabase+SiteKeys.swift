import CertificateVerification
import Foundation
import GRDB

/// Site keys: made at the site, certified and revoked by the programme's desk with the programme's key,
/// and trusted anywhere the programme's public keys are known.
extension AppDatabase {
    /// Makes this database's key as site `siteCode`: the private key in a new owner-only file, the public key here.
    ///
    /// A database is one site: a key for another site code is refused.
    public func generateSiteKey(siteCode: String, privateKeyPath: String) throws -> SiteSigningKeyRecord {
        guard SiteCertificate.isSiteCode(siteCode) else {
            throw MalakaError(.usage, .unknownSite, "“\(siteCode.prefix(20))” is not a site code: two capital letters, a dash, then 2 to 8 capital letters or digits, such as XO-URG1.")
        }
        if let other = try read({ db in try SiteSigningKeyRecord.filter(Column("siteCode") != siteCode).fetchOne(db) }) {
            throw MalakaError.data("This database signs as site \(other.siteCode); it cannot also be site \(siteCode). Use one database per site.")
        }
        // A database that joined a programme as one site makes keys for that site only.
        if let joined = try read({ db in
            try db.tableExists("site") ? try String.fetchOne(db, sql: "SELECT code FROM site WHERE isLocal AND code NOT LIKE 'LOCAL-%'") : nil
        }), joined != siteCode {
            throw MalakaError.data("This database is site \(joined); it cannot make a key for site \(siteCode). Use one database per site.")
        }
        let key = SigningKey.generate()
        try key.write(to: privateKeyPath)
        do {
            return try write(.generateSiteKey, detail: "site \(siteCode) key \(key.publicKey.idHex)") { db in
                let record = SiteSigningKeyRecord(keyID: key.publicKey.idHex, siteCode: siteCode, publicKey: key.publicKey.base64,
                                                  privateKeyPath: URL(fileURLWithPath: privateKeyPath).standardizedFileURL.path,
                                                  createdAt: .databaseNow)
                try record.insert(db)
                return record
            }
        } catch {
            try? FileManager.default.removeItem(atPath: privateKeyPath)
            throw error
        }
    }

    /// At the programme's desk: certifies a site's public key with the programme's current key.
    ///
    /// Certifying the same key for the same site again gives the certificate it already has.
    public func certifySite(_ siteCode: String, publicKey: PublicSigningKey, notBefore: DayDate = .today,
                            organisation: String? = nil) throws -> SiteCertificate {
        try write(.certifySite, detail: "site \(siteCode) key \(publicKey.idHex) from \(notBefore.iso)") { db in
            if let existing = try Self.siteCertificate(db, keyID: publicKey.idHex) {
                guard existing.siteCode == siteCode else {
                    throw MalakaError.data("This key is already certified for site \(existing.siteCode); a key belongs to one site. Make the site a key of its own.")
                }
                return existing
            }
            if try Self.siteKeyRevocations(db).contains(where: { $0.keyID == publicKey.idHex }) {
                throw MalakaError.data("Key \(publicKey.idHex) of site \(siteCode) was revoked; it is never certified again. Make the site a new key.")
            }
            let (programmeKey, programme) = try Self.programmeSigningKey(db, organisation: organisation)
            let certificate = try SiteCertificate(siteCode: siteCode, programme: programme, siteKey: publicKey,
                                                  notBefore: notBefore.tokenDate, programmeKey: programmeKey)
            try Self.record(certificate, db)
            return certificate
        }
    }

    /// At the programme's desk: revokes every key of a site from a day on; what they signed before stays valid.
    public func revokeSiteKeys(_ siteCode: String, from day: DayDate, organisation: String? = nil) throws -> [SiteKeyRevocation] {
        try write(.revokeSiteKey, detail: "site \(siteCode) from \(day.iso)") { db in
            let certificates = try Self.siteCertificates(db).filter { $0.siteCode == siteCode }
            guard !certificates.isEmpty else {
                throw MalakaError(.data, .unknownSite, "No key of site \(siteCode) is certified here, so there is nothing to revoke.")
            }
            let (programmeKey, _) = try Self.programmeSigningKey(db, organisation: organisation)
            let revoked = try Dictionary(Self.siteKeyRevocations(db).map { ($0.keyID, $0) }, uniquingKeysWith: { first, _ in first })
            var made: [SiteKeyRevocation] = []
            for certificate in certificates {
                let key = try certificate.siteKey()
                // An earlier day than one already given narrows the key's use; a later one would widen it, and is not made.
                if let existing = revoked[key.idHex], try existing.firstRefusedDay() <= day.tokenDate { continue }
                let revocation = try SiteKeyRevocation(siteCode: siteCode, siteKey: key, revokedFrom: day.tokenDate, programmeKey: programmeKey)
                try db.execute(sql: "DELETE FROM siteKeyRevocation WHERE keyID = ?", arguments: [key.idHex])
                try Self.record(revocation, db)
                made.append(revocation)
            }
            return made
        }
    }

    /// The programme's keys, the certified site keys and their revocations, as checkers load them.
    public func publicKeysFile() throws -> PublicKeysFile {
        try read { db in try Self.publicKeysFile(db) }
    }

    /// At a site: loads the programme's public keys file, after checking every site certificate and revocation in it.
    public func trustProgrammeKeys(_ file: PublicKeysFile, source: String) throws -> (keys: Int, sites: Int, revocations: Int) {
        _ = try file.trustedKeys(source: source)
        return try write(.trustProgrammeKeys, detail: source) { db in
            var added = 0
            for entry in file.keys {
                let own = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM signingKey WHERE keyID = ?", arguments: [entry.keyID]) ?? 0
                guard own == 0 else { continue }
                try db.execute(sql: """
                    INSERT INTO programmeKey (keyID, organisation, publicKey, createdAt, retiredAt) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (keyID) DO UPDATE SET retiredAt = excluded.retiredAt
                    """, arguments: [entry.keyID, entry.organisation, entry.publicKey, entry.createdAt, entry.retiredAt])
                added += db.changesCount
            }
            let (sites, revocations) = try Self.recordSiteCredentials(file.sites, file.siteRevocations, db)
            return (added, sites, revocations)
        }
    }

    /// The site key this database signs as, if it has one.
    public func siteSigningKey() throws -> SiteSigningKeyRecord? {
        try read { db in try Self.issuingSiteKey(db) }
    }

    // MARK: Inside transactions

    /// The newest key this database signs with as a site.
    static func issuingSiteKey(_ db: Database) throws -> SiteSigningKeyRecord? {
        guard try db.tableExists("siteSigningKey") else { return nil }
        return try SiteSigningKeyRecord.order(Column("createdAt").desc, Column("keyID")).fetchOne(db)
    }

    static func publicKeysFile(_ db: Database) throws -> PublicKeysFile {
        let own = try SigningKeyRecord.order(Column("createdAt"), Column("keyID")).fetchAll(db).map(\.publicKeysFileEntry)
        let programme = try Row.fetchAll(db, sql: "SELECT * FROM programmeKey ORDER BY createdAt, keyID").map { row in
            PublicKeysFile.Entry(keyID: row["keyID"], organisation: row["organisation"], publicKey: row["publicKey"],
                                 createdAt: row["createdAt"], retiredAt: row["retiredAt"])
        }
        return PublicKeysFile(keys: own + programme, sites: try siteCertificates(db), siteRevocations: try siteKeyRevocations(db))
    }

    /// Keeps the site certificates and revocations that the programme keys held here vouch for, and refuses
    /// the lot when one does not verify; returns how many were new.
    static func recordSiteCredentials(_ certificates: [SiteCertificate], _ revocations: [SiteKeyRevocation],
                                      _ db: Database) throws -> (sites: Int, revocations: Int) {
        let programmeKeys = try publicKeysFile(db).publicKeys(source: "this database")
        _ = try SiteKeyTrust(certificates: certificates, revocations: revocations).siteKeys(programmeKeys: programmeKeys, source: "the file")
        var newSites = 0, newRevocations = 0
        for certificate in certificates where try siteCertificate(db, keyID: try certificate.siteKey().idHex) == nil {
            try record(certificate, db)
            newSites += 1
        }
        let held = try Dictionary(siteKeyRevocations(db).map { ($0.keyID, $0) }, uniquingKeysWith: { first, _ in first })
        for revocation in revocations {
            if let existing = held[revocation.keyID], try existing.firstRefusedDay() <= revocation.firstRefusedDay() { continue }
            try db.execute(sql: "DELETE FROM siteKeyRevocation WHERE keyID = ?", arguments: [revocation.keyID])
            try record(revocation, db)
            newRevocations += 1
        }
        return (newSites, newRevocations)
    }

    static func siteCertificates(_ db: Database) throws -> [SiteCertificate] {
        try Row.fetchAll(db, sql: "SELECT * FROM siteCertificate ORDER BY siteCode, notBefore, keyID").map(siteCertificate(from:))
    }

    static func siteKeyRevocations(_ db: Database) throws -> [SiteKeyRevocation] {
        try Row.fetchAll(db, sql: "SELECT * FROM siteKeyRevocation ORDER BY siteCode, keyID").map { row in
            SiteKeyRevocation(siteCode: row["siteCode"], keyID: row["keyID"], revokedFrom: row["revokedFrom"],
                              programmeKeyID: row["programmeKeyID"], signature: row["signature"])
        }
    }

    private static func siteCertificate(_ db: Database, keyID: String) throws -> SiteCertificate? {
        try Row.fetchOne(db, sql: "SELECT * FROM siteCertificate WHERE keyID = ?", arguments: [keyID]).map(siteCertificate(from:))
    }

    private static func siteCertificate(from row: Row) -> SiteCertificate {
        SiteCertificate(siteCode: row["siteCode"], programme: row["programme"], publicKey: row["publicKey"],
                                         notBefore: row["notBefore"], programmeKeyID: row["programmeKeyID"], signature: row["signature"])
    }

    private static func record(_ certificate: SiteCertificate, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO siteCertificate (keyID, siteCode, programme, publicKey, notBefore, programmeKeyID, signature, recordedAt)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [try certificate.siteKey().idHex, certificate.siteCode, certificate.programme, certificate.publicKey,
                             certificate.notBefore, certificate.programmeKeyID, certificate.signature, Date.databaseNow])
    }

    private static func record(_ revocation: SiteKeyRevocation, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO siteKeyRevocation (keyID, siteCode, revokedFrom, programmeKeyID, signature, recordedAt) VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [revocation.keyID, revocation.siteCode, revocation.revokedFrom, revocation.programmeKeyID,
                             revocation.signature, Date.databaseNow])
    }

    /// The programme's private key, held only at the programme's desk.
    private static func programmeSigningKey(_ db: Database, organisation: String?) throws -> (SigningKey, String) {
        guard let record = try currentSigningKey(db, for: organisation) else {
            throw MalakaError(.data, .noSigningKey, "This database holds no programme signing key, so it cannot certify or revoke a site's key. Run this at the programme's desk.",
                              remedy: .generateKey(organisation: organisation ?? "default"))
        }
        do {
            return (try SigningKey(contentsOf: record.privateKeyPath), record.organisation)
        } catch let error as VerificationError {
            throw MalakaError(error.kind == .io ? .io : .data, .unusableSigningKey,
                              "The programme's key \(record.keyID) cannot be used: \(error.message)",
                              subject: .organisation(name: record.organisation), remedy: .restoreOrReplaceKey(organisation: record.organisation))
        }
    }
}
