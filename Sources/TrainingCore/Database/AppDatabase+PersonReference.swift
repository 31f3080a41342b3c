import GRDB
import NameMatching

extension AppDatabase {
    /// The enrolled person a trainer means by a number or by (part of) a name; see ``participant(matching:)``.
    public func enrolledParticipant(eventID: Int64, matching reference: String) throws -> Int64 {
        try participantID(matching: reference, enrolledIn: eventID)
    }

    /// The person meant by a number or by (part of) a name, written in either script, any word order
    /// and any apostrophe, as ``searchParticipants(_:)`` finds them: `Roʻzmetova Gulnora` finds
    /// Гулнора Рўзметова. A name that fits several people is refused with all of them listed, never guessed.
    public func participant(matching reference: String) throws -> Int64 {
        try participantID(matching: reference, enrolledIn: nil)
    }

    private func participantID(matching reference: String, enrolledIn eventID: Int64?) throws -> Int64 {
        let trimmed = reference.trimmingSpaces()
        // A number is checked where it is used, with the message that place gives.
        if let id = Int64(trimmed) { return id }
        let words = trimmed.searchFolded().split(separator: " ").map(String.init)
        guard !words.isEmpty else {
            throw MalakaError(.usage, .unknownParticipant, "Name a person by number or by a part of their name, not “\(reference)”.",
                              remedy: .searchParticipants)
        }
        let people = try read { db in
            if let eventID {
                _ = try eventDetail(db, id: eventID)
                return try Participant.fetchAll(db, sql: """
                    SELECT participant.* FROM enrollment JOIN participant ON participant.id = enrollment.participantId
                    WHERE enrollment.eventId = ? ORDER BY participant.id
                    """, arguments: [eventID])
            }
            return try Participant.order(Column("id")).fetchAll(db)
        }
        let folded = words.map(NameMatching.searchKey)
        let found = people.filter { person in
            zip(words, folded).allSatisfy { word, fold in
                person.searchKey.contains(word) || (!fold.isEmpty && person.crossScriptKey.contains(fold))
            }
        }
        let place = eventID.map { " enrolled in event \($0)" } ?? " registered"
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
