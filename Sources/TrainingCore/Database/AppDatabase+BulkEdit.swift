import Foundation
import GRDB

/// One person's record before and after a bulk edit.
public struct ParticipantEdit: Sendable, Hashable {
    public var before: Participant
    public var after: Participant

    /// Whether the edit changes anything for this person.
    public var changes: Bool { before != after }
}

/// Whose records a bulk edit changes.
public enum ParticipantSelection: Sendable, Hashable {
    /// Everyone enrolled in an event.
    case enrolled(eventID: Int64)
    /// Everyone a name search finds, as ``AppDatabase/searchParticipants(_:)`` does.
    case search(String)
    /// These participants, by number.
    case ids([Int64])
}

extension AppDatabase {
    /// Applies the same changes to several people, all or none, in one transaction; with `dryRun`, only
    /// says what would change.
    ///
    /// Every record is changed and checked before anything is written, so one refusal writes nothing.
    ///
    /// For example, a list imported without its category column:
    /// ```swift
    /// var changes = ParticipantChanges()
    /// changes.category = .parent
    /// try database.editParticipants(.enrolled(eventID: 3), changes, dryRun: true)   // 76 edits, nothing written
    /// ```
    public func editParticipants(_ selection: ParticipantSelection, _ changes: ParticipantChanges, dryRun: Bool) throws -> [ParticipantEdit] {
        try changes.requireSome()
        if changes.fullName != nil || changes.alternateName != nil {
            throw MalakaError.usage("A name belongs to one person: change names one person at a time.")
        }
        let people = try selected(selection)
        guard !people.isEmpty else {
            throw MalakaError.data("No one is selected, so nothing was changed.")
        }
        let edits = try people.map { person in
            do {
                return ParticipantEdit(before: person, after: try updated(person, with: changes))
            } catch let error as MalakaError {
                throw MalakaError(error.kind, error.code, "Participant \(person.id!) (\(person.fullName)): \(error.message) Nothing was changed.",
                                  subject: .participant(person.id!), location: error.location, remedy: error.remedy,
                                  details: error.details)
            }
        }
        if dryRun { return edits }
        try write(.editPeople) { db in
            for edit in edits where edit.changes { try edit.after.update(db) }
        }
        return edits
    }

    private func selected(_ selection: ParticipantSelection) throws -> [Participant] {
        switch selection {
        case .enrolled(let eventID):
            return try roster(eventID: eventID).enrolled
        case .search(let query):
            return try searchParticipants(query)
        case .ids(let ids):
            return try ids.map { try participant(id: $0) }
        }
    }
}
