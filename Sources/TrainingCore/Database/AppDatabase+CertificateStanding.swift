import CertificateVerification
import GRDB

extension AppDatabase {
    /// What has happened since issuing to the event or holder of each valid certificate among `serials`: the event
    /// cancelled, the holder taken off its list. Such a certificate stays genuine and valid until it is revoked, but
    /// the ledger and `verify` say so rather than leave it silently standing. Serials with nothing to say are left out.
    public func circumstances(ofCertificates serials: [String]) throws -> [String: [LedgerEntry.Circumstance]] {
        try read { db in try circumstances(db, serials: serials) }
    }

    func circumstances(_ db: Database, serials: [String]) throws -> [String: [LedgerEntry.Circumstance]] {
        var found: [String: [LedgerEntry.Circumstance]] = [:]
        for start in stride(from: 0, to: serials.count, by: 500) {
            let chunk = Array(serials[start..<min(start + 500, serials.count)])
            let rows = try Row.fetchAll(db, sql: """
                SELECT c.serial, e.status, e.cancelReason,
                       EXISTS (SELECT 1 FROM enrollment n WHERE n.eventId = c.eventId AND n.participantId = c.participantId) AS enrolled
                FROM certificate c JOIN event e ON e.id = c.eventId
                WHERE c.status = 'valid' AND c.serial IN (\(chunk.map { _ in "?" }.joined(separator: ", ")))
                """, arguments: StatementArguments(chunk))
            for row in rows {
                var circumstances: [LedgerEntry.Circumstance] = []
                if row["status"] as String == EventStatus.cancelled.rawValue {
                    circumstances.append(.eventCancelled(reason: row["cancelReason"]))
                }
                if !(row["enrolled"] as Bool) { circumstances.append(.holderRemoved) }
                if !circumstances.isEmpty { found[row["serial"]] = circumstances }
            }
        }
        return found
    }
}
