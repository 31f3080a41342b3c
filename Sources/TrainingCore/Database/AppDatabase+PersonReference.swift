import GRDB
import NameMatching

extension AppDatabase {
    /// The enrolled person a trainer means by a number or by (part of) a name; see ``participant(matching:)``.
    public func enrolledParticipant(eventID: Int64, matching reference: String) throws -> Int64 {
        try participantID(matching: reference, among: .enrolled(eventID))
    }

    /// The person enrolled in the event or on its waitlist that a number or (part of) a name means:
    /// who can be taken off the event. A namesake elsewhere in the programme does not make it ambiguous.
    public func participantOnEvent(eventID: Int64, matching reference: String) throws -> Int64 {
        try participantID(matching: reference, among: .onEvent(eventID))
    }

    /// The person meant by a number or by (part of) a name, written in either script, any word order
    /// and any apostrophe, as ``searchParticipants(_:)`` finds them: `Roʻzmetova Gulnora` finds
    /// Гулнора Рўзметова. A name that fits several people is refused with all of them listed, never guessed.
    public func participant(matching reference: String) throws -> Int64 {
        try participantID(matching: reference, among: .everyone)
    }

    /// Whom a name is looked for among.
    private enum Candidates {
        case everyone
        case enrolled(Int64)
        /// Enrolled or waitlisted.
        case onEvent(Int64)

        var eventID: Int64? {
            switch self {
            case .everyone: nil
            case .enrolled(let id), .onEvent(let id): id
            }
        }
    }

    private func participantID(matching reference: String, among candidates: Candidates) throws -> Int64 {
        let eventID = candidates.eventID
        let trimmed = reference.trimmingSpaces()
        // A number is checked where it is used, with the message that place gives.
        if let id = Int64(trimmed) { return id }
        let words = trimmed.searchFolded().split(separator: " ").map(String.init)
        guard !words.isEmpty else {
            throw MalakaError(.usage, .unknownParticipant, "Name a person by number or by a part of their name, not “\(reference)”.",
                              remedy: .searchParticipants)
        }
        let people = try read { db in
            switch candidates {
            case .everyone:
                return try Participant.order(Column("id")).fetchAll(db)
            case .enrolled(let eventID):
                _ = try eventDetail(db, id: eventID)
                return try Participant.fetchAll(db, sql: """
                    SELECT participant.* FROM enrollment JOIN participant ON participant.id = enrollment.participantId
                    WHERE enrollment.eventId = ? ORDER BY participant.id
                    """, arguments: [eventID])
            case .onEvent(let eventID):
                _ = try eventDetail(db, id: eventID)
                return try Participant.fetchAll(db, sql: """
                    SELECT * FROM participant WHERE id IN (
                        SELECT participantId FROM enrollment WHERE eventId = ?1
                        UNION SELECT participantId FROM waitlist WHERE eventId = ?1)
                    ORDER BY id
                    """, arguments: [eventID])
            }
        }
        let folded = words.map(NameMatching.searchKey)
        let found = people.filter { person in
            zip(words, folded).allSatisfy { word, fold in
                person.searchKey.contains(word) || (!fold.isEmpty && person.crossScriptKey.contains(fold))
            }
        }
        let place = switch candidates {
        case .everyone: " registered"
        case .enrolled(let id): " enrolled in event \(id)"
        case .onEvent(let id): " enrolled in event \(id) or on its waitlist"
        }
        switch found.count {
        case 1: return found[0].id!
        case 0:
            throw MalakaError(.data, .unknownParticipant, "Nobody\(place) is called “\(reference)”. Check the spelling, or give the person's number.",
                              subject: eventID.map(MalakaError.Subject.event),
                              remedy: eventID.map { .showEnrolled(event: $0) } ?? .searchParticipants)
        default:
            let names = found.prefix(10).map { person in
                "\(person.fullName)\(person.alternateName.map { " / \($0)" } ?? "") (\(person.id!))"
            }.joined(separator: ", ")
            throw MalakaError(.data, .ambiguousParticipant, "“\(reference)” could be \(found.count) people\(place): \(names)\(found.count > 10 ? ", …" : ""). Give the number, or more of the name.",
                              subject: eventID.map(MalakaError.Subject.event))
        }
    }
}
