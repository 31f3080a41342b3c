extension AppDatabase {
    /// A person's valid certificates whose printed name is no longer the one a new certificate would print,
    /// after a name correction: the ones to issue again.
    public func certificatesWithOutdatedName(participantID: Int64) throws -> [Certificate] {
        let person = try participant(id: participantID)
        return try certificates(participantID: participantID, status: .valid).filter { certificate in
            certificate.printedName != printedName(fullName: person.fullName, alternateName: person.alternateName,
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
