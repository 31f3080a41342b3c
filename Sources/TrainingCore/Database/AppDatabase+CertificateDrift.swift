import GRDB

extension AppDatabase {
    /// A person's valid certificates whose printed name is no longer the one a new certificate would print,
    /// after a name correction: the ones to issue again.
    public func certificatesWithOutdatedName(participantID: Int64) throws -> [Certificate] {
        let person = try participant(id: participantID)
        return try certificates(participantID: participantID, status: .valid).filter { certificate in
            certificate.printedName != CertificateSelection.printedName(fullName: person.fullName, alternateName: person.alternateName,
                                                   in: certificate.language)
        }
    }

    /// The valid certificates of an event's people who are no longer enrolled, or of a cancelled event: flagged
    /// to the user, who decides whether to revoke them.
    public func certificatesLeftStanding(eventID: Int64, participantIDs: [Int64]? = nil) throws -> [Certificate] {
        let valid = try certificates(eventID: eventID, status: .valid)
        guard let participantIDs else { return valid }
        let people = Set(participantIDs)
        return valid.filter { people.contains($0.participantId) }
    }
}


extension AppDatabase {
    /// The recorded sex of each person enrolled in an event, for gendered wording on their certificates.
    func sexes(_ db: Database, eventID: Int64) throws -> [Int64: Sex] {
        var sexes: [Int64: Sex] = [:]
        let rows = try Row.fetchCursor(db, sql: """
            SELECT participant.id, participant.sex FROM enrollment JOIN participant ON participant.id = enrollment.participantId
            WHERE enrollment.eventId = ? AND participant.sex IS NOT NULL
            """, arguments: [eventID])
        while let row = try rows.next() {
            if let sex: Sex = row[1] { sexes[row[0]] = sex }
        }
        return sexes
    }
}
