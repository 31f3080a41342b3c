import GRDB

/// One valid certificate per participation, after merges. Two records of one person, each given a certificate
/// for the same event at a site that did not yet know they were one person, become one record with two valid
/// certificates. Every site shows the one made first (the smallest uuid) valid and the others revoked "as a
/// second certificate", whichever order it meets the merge and the certificates in. That revocation is
/// derived, at every site alike: a certificate revoked for being second is valid again once the first is
/// revoked in earnest.
enum SecondCertificates {
    /// The same words at every site, so that the sites agree on the row; they also mark a derived revocation.
    static let reason =
        "A second certificate for the same participation, found when two records of the person became one; the one made first stays valid."

    /// Shows, of the certificates of one participation that are valid or revoked only as second ones, the one
    /// with the smallest uuid valid and the others as second certificates.
    static func settle(_ db: Database, event: Int64, participant: Int64) throws {
        let candidates = try Row.fetchAllCached(db, sql: """
            SELECT id, status FROM certificate
            WHERE eventId = ? AND participantId = ? AND (status = 'valid' OR (status = 'revoked' AND revokedReason = ?))
            ORDER BY uuid
            """, arguments: [event, participant, reason])
        guard let first = candidates.first, candidates.count > 1 || first["status"] as String != "valid" else { return }
        for other in candidates.dropFirst() where other["status"] as String == "valid" {
            try db.executeCached(sql: "UPDATE certificate SET status = 'revoked', revokedReason = ? WHERE id = ?",
                                 arguments: [reason, other["id"] as Int64])
        }
        if first["status"] as String != "valid" {
            try db.executeCached(sql: "UPDATE certificate SET status = 'valid', revokedReason = NULL WHERE id = ?", arguments: [first["id"] as Int64])
        }
    }

    /// A certificate's values as the change that wrote them had them: one revoked here only for being second
    /// was written valid, and a change made elsewhere (a reissue superseding it) is weighed against that, as at
    /// a site that has not met the merge.
    static func asWritten(_ values: [String: String?], table: String) -> [String: String?] {
        guard table == "certificate", values["revokedReason"] == .some(reason) else { return values }
        var written = values
        written["status"] = "valid"
        written["revokedReason"] = .some(nil)
        return written
    }
}
