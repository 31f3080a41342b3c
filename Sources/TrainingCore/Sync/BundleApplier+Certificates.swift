import GRDB

/// Certificates of people merged elsewhere, and certificates arriving for a record merged here: one valid per
/// participation (``SecondCertificates``).
extension BundleApplier {
    /// Moves the certificates of the merged record `mergedID` to the kept record `keptID`, leaving one valid per event.
    func moveCertificates(ofParticipant mergedID: Int64, to keptID: Int64) throws {
        let events = try Int64.fetchAllCached(db, sql: "SELECT DISTINCT eventId FROM certificate WHERE participantId = ?", arguments: [mergedID])
        guard !events.isEmpty else { return }
        // Second until settled, so that no moment holds two valid certificates of one participation.
        try db.executeCached(sql: """
            UPDATE certificate SET status = 'revoked', revokedReason = ?
            WHERE participantId = ? AND status = 'valid'
              AND EXISTS (SELECT 1 FROM certificate k WHERE k.eventId = certificate.eventId AND k.participantId = ? AND k.status = 'valid')
            """, arguments: [SecondCertificates.reason, mergedID, keptID])
        try db.executeCached(sql: "UPDATE certificate SET participantId = ? WHERE participantId = ?", arguments: [keptID, mergedID])
        for event in events { try SecondCertificates.settle(db, event: event, participant: keptID) }
    }

    /// The values of a certificate about to be written here: revoked as a second certificate, for now, when
    /// another of its participation is valid here (``SecondCertificates/settle(_:event:participant:)`` decides once it is written).
    func secondUntilSettled(uuid: String, _ values: [String: (any DatabaseValueConvertible)?]) throws
        -> [String: (any DatabaseValueConvertible)?] {
        guard let status = values["status"] ?? nil, status.databaseValue == "valid".databaseValue,
              let event = values["eventId"] ?? nil, let person = values["participantId"] ?? nil,
              try Bool.fetchOneCached(db, sql: """
                  SELECT EXISTS (SELECT 1 FROM certificate WHERE eventId = ? AND participantId = ? AND status = 'valid' AND uuid <> ?)
                  """, arguments: [event, person, uuid]) == true
        else { return values }
        var second = values
        second["status"] = "revoked"
        second["revokedReason"] = SecondCertificates.reason
        return second
    }
}
