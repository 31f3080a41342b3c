import CertificateVerification
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
            return try write(.generateSigningKey, detail: "key for \(organisation)") { db in
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
        try read { db in try Self.currentSigningKey(db, for: organisation) }
    }

    static func currentSigningKey(_ db: Database, for organisation: String?) throws -> SigningKeyRecord? {
        let current = SigningKeyRecord.filter(Column("retiredAt") == nil)
        if let organisation, let own = try current.filter(Column("organisation") == organisation).fetchOne(db) {
            return own
        }
        return try current.filter(Column("organisation") == "default").fetchOne(db)
    }
}

/// What issuing does about signing keys: where it creates the first one.
///
/// Every certificate Malaka issues carries a signed token, so that it can be checked offline.
/// It is signed with the organiser's own key, else the `default` key. When neither exists,
/// issuing either creates the `default` key in ``newKeyDirectory`` (and says so, in
/// ``IssueTotals/createdKey``), or refuses when that is nil: a certificate without a
/// signature is never printed.
public struct IssuingKeys: Sendable {
    /// The folder for the `default` private key when there is no key yet; nil means issuing refuses instead.
    public var newKeyDirectory: URL?

    public init(newKeyDirectory: URL?) {
        self.newKeyDirectory = newKeyDirectory
    }

    /// The `malaka-keys` folder beside a database file, where issuing certificates keeps first keys.
    public static func besideDatabase(at path: String) -> IssuingKeys {
        let folder = URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent().appendingPathComponent("malaka-keys")
        return IssuingKeys(newKeyDirectory: folder)
    }

    /// Refuses to issue for an organisation without a key.
    public static let existingOnly = IssuingKeys(newKeyDirectory: nil)
}

/// Signs the tokens of one event's certificates within an issuing transaction, finding or creating
/// the organisation's key only when a certificate needs a token.
final class TokenSigner {
    private let detail: EventDetail
    private let keys: IssuingKeys
    private var loaded: (key: SigningKey, organisation: String)?
    /// The key this transaction created, if any; its file must go if the transaction does not commit.
    private(set) var created: SigningKeyRecord?

    init(detail: EventDetail, keys: IssuingKeys) {
        self.detail = detail
        self.keys = keys
    }

    /// The certificate's token: signed now with the organisation's current key.
    func token(for certificate: Certificate, _ db: Database) throws -> String {
        let (key, organisation) = try signingKey(db)
        do {
            return try CertificateToken(
                serial: certificate.serial, printedName: certificate.printedName, courseCode: detail.course.course.code,
                startDate: detail.event.startDate, endDate: detail.event.endDate, organisation: organisation,
                issueDate: certificate.issueDate, language: certificate.language.rawValue
            ).signed(with: key)
        } catch let error as VerificationError where error.remedy == .shortenSignedText {
            throw MalakaError(error, remedy: "Shorten the event's organiser, the course code or the organisation's serial format.")
        }
    }

    /// Deletes the private key file created by a transaction that was rolled back.
    func discardCreatedKey() {
        if let created { try? FileManager.default.removeItem(atPath: created.privateKeyPath) }
    }

    private func signingKey(_ db: Database) throws -> (SigningKey, String) {
        if let loaded { return loaded }
        let organiser = detail.event.organiser?.trimmingSpaces()
        // A first key is made for `default`, not for the organiser: every key made here sits in the
        // same folder with the same owner, so one key per organiser would separate no trust, but would
        // multiply the keys to back up and to hand to checkers, and make a new key for every spelling
        // of an organiser's name. An organisation that signs for itself gets its own with `keys generate`.
        let owner = "default"
        let key: SigningKey
        if let site = try AppDatabase.issuingSiteKey(db) {
            key = try Self.siteKey(site, db)
        } else if let record = try AppDatabase.currentSigningKey(db, for: organiser) {
            do {
                key = try SigningKey(contentsOf: record.privateKeyPath)
            } catch let error as VerificationError {
                throw MalakaError(error.kind == .io ? .io : .data, .unusableSigningKey, """
                    Certificates of \(record.organisation) are signed with key \(record.keyID), but its private key cannot be used: \(error.message) \
                    Nothing was issued.
                    """, subject: .organisation(name: record.organisation), remedy: .restoreOrReplaceKey(organisation: record.organisation))
            }
        } else {
            guard let directory = keys.newKeyDirectory else {
                throw MalakaError(.data, .noSigningKey, "No signing key signs for \(organiser ?? "this event's organiser") or for `default`, and certificates are never issued unsigned. Nothing was issued.",
                                  remedy: .generateKey(organisation: "default"))
            }
            key = SigningKey.generate()
            let path = try Self.writeNewKeyFile(key, in: directory.standardizedFileURL, organisation: owner)
            let record = SigningKeyRecord(keyID: key.publicKey.idHex, organisation: owner, publicKey: key.publicKey.base64,
                                          privateKeyPath: path, createdAt: .databaseNow, retiredAt: nil)
            created = record
            try record.insert(db)
        }
        // The token names who issued the certificate, whichever key signs it.
        loaded = (key, organiser?.isEmpty == false ? organiser! : "default")
        return loaded!
    }

    /// Writes the key to a new file such as `default-2019-04-01.key` in an owner-only folder, and returns its path.
    private static func writeNewKeyFile(_ key: SigningKey, in directory: URL, organisation: String) throws -> String {
        do {
            // 0700: the folder's listing says whose keys are here; only the owner needs to see it.
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw MalakaError.io("Cannot create the folder \(directory.path) for the organisation's signing key: \(error.localizedDescription) Nothing was issued.")
        }
        var slug = ""
        for character in organisation.lowercased() {
            if character.isLetter || character.isNumber {
                slug.append(character)
            } else if !slug.isEmpty, slug.last != "-" {
                slug.append("-")
            }
        }
        slug = String(slug.trimmingCharacters(in: CharacterSet(charactersIn: "-")).prefix(60))
        let stem = (slug.isEmpty ? "organisation" : slug) + "-" + DayDate.today.iso
        // The write itself refuses a name that is taken, so two issuers making a key at once never share a
        // name: the one that loses takes the next number. It is told by the error, not by looking again: the
        // winner's file may be gone by then, removed when its transaction rolled back. A write that fails for
        // any other reason removes its own file, so it is not retried.
        for number in 1...1000 {
            let path = directory.appendingPathComponent(number == 1 ? stem + ".key" : "\(stem)-\(number).key").path
            do {
                try key.write(to: path)
                return path
            } catch let error as VerificationError where error.remedy == .chooseAnotherFile {
                continue
            }
        }
        throw MalakaError.io("\(directory.path) already holds 1,000 keys made today; move the old ones away. Nothing was issued.")
    }
}
