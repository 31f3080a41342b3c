import CertificateVerification
import Foundation
import GRDB

extension AppDatabase {
    /// What the ledger says of a serial, for ``CertificateVerifier``; nil when there is no such certificate.
    public func ledgerEntry(serial: String) throws -> LedgerEntry? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT certificate.status, certificate.printedName, certificate.issueDate, certificate.revokedReason,
                       course.code AS courseCode,
                       (SELECT serial FROM certificate AS newer WHERE newer.replacesSerial = certificate.serial) AS replacedBy
                FROM certificate
                JOIN event ON event.id = certificate.eventId
                JOIN course ON course.id = event.courseId
                WHERE certificate.serial = ?
                """, arguments: [serial])
            else { return nil }
            var entry = LedgerEntry(
                status: row["status"], printedName: row["printedName"], courseCode: row["courseCode"],
                issueDate: (row["issueDate"] as DayDate).tokenDate, reason: row["revokedReason"], replacedBy: row["replacedBy"])
            entry.circumstances = try circumstances(db, serials: [serial])[serial] ?? []
            return entry
        }
    }

    /// The signed token of a certificate, as printed in its QR code.
    public func token(serial: String) throws -> String {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT token FROM certificate WHERE serial = ?", arguments: [serial]) else {
                throw MalakaError.unknownCertificate(serial)
            }
            guard let token: String = row["token"] else {
                throw MalakaError(.data, .unsignedCertificate, "Certificate \(serial) was issued before certificates were signed, so it carries no token yet.",
                                  subject: .certificate(serial: serial), remedy: .issueEventAgain(nil))
            }
            return token
        }
    }

    /// Every revoked or superseded certificate, for a signed revocation list.
    public func revocationEntries() throws -> [RevocationList.Entry] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT serial, status, revokedReason,
                       (SELECT serial FROM certificate AS newer WHERE newer.replacesSerial = certificate.serial) AS replacedBy
                FROM certificate WHERE status IN ('revoked', 'superseded') ORDER BY serial
                """).map { row in
                RevocationList.Entry(serial: row["serial"], status: row["status"], reason: row["revokedReason"], replacedBy: row["replacedBy"])
            }
        }
    }

    /// The public keys of every signing key, current and retired, each knowing the day it was retired, and
    /// the site keys the programme certified, each refused from the day it was revoked.
    public func publicSigningKeys() throws -> [PublicSigningKey] {
        try publicKeysFile().trustedKeys(source: "this database")
    }
}
