import GRDB

extension AppDatabase {
    /// Each enrolled person's standing under the course's rule, in the attendance sheet's order,
    /// keeping only those `keep` accepts: one pass over the marks, without loading whole records.
    func attendanceStandings(
        _ db: Database, detail: EventDetail, rule: CompletionRule,
        keep: (Int64, CompletionRule.Standing) -> Bool
    ) throws -> [CertificateSelection.Standing] {
        let columnBySession = Dictionary(uniqueKeysWithValues: detail.sessions.enumerated().map { ($1.id!, $0) })
        let sessionCount = detail.sessions.count
        let rows = try Row.fetchCursor(db, sql: """
            SELECT participant.id, participant.fullName, participant.alternateName, participant.language,
                   attendance.sessionId, attendance.status
            FROM enrollment
            JOIN participant ON participant.id = enrollment.participantId
            LEFT JOIN attendance ON attendance.enrollmentId = enrollment.id
            WHERE enrollment.eventId = ?
            ORDER BY participant.fullName, participant.id
            """, arguments: [detail.id])
        var kept: [CertificateSelection.Standing] = []
        var current: (id: Int64, fullName: String, alternateName: String?, language: DocumentLanguage?)?
        var marks = [AttendanceStatus?](repeating: nil, count: sessionCount)
        func close() {
            guard let person = current else { return }
            let standing = rule.evaluate(marks, sessionCount: sessionCount)
            if keep(person.id, standing) {
                kept.append(CertificateSelection.Standing(id: person.id, fullName: person.fullName, alternateName: person.alternateName,
                                               language: person.language, standing: standing))
            }
        }
        while let row = try rows.next() {
            let id: Int64 = row[0]
            if current?.id != id {
                close()
                current = (id, row[1], row[2], row[3])
                for index in marks.indices { marks[index] = nil }
            }
            if let sessionID: Int64 = row[4], let column = columnBySession[sessionID] {
                marks[column] = row[5]
            }
        }
        close()
        return kept
    }
}
