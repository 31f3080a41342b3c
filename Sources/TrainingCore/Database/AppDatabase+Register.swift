import Foundation
import GRDB

extension AppDatabase {
    /// Registers one person, unless they are probably someone registered already: the same name in either
    /// script or word order with no detail that differs, or a likely match as the import finds them.
    ///
    /// For example, adding “Malika Yusupova” a second time throws ``LikelyDuplicate`` naming the first,
    /// and adds nobody; with ``DuplicateChoice/new`` it adds her, with ``DuplicateChoice/useExisting``
    /// it returns the first.
    public func registerParticipant(_ draft: ParticipantDraft, ifLikelyDuplicate choice: DuplicateChoice = .refuse) throws -> ParticipantRegistration {
        var record = try checkedParticipants([draft])[0]
        return try write(.addPerson) { db in
            if choice != .new {
                let registered = try PersonIdentity.everyone(db)
                let positionByID = Dictionary(uniqueKeysWithValues: registered.enumerated().map { ($1.id, $0) })
                let matcher = RowMatcher(registered: registered, positionByID: positionByID, options: ParticipantImportOptions())
                let row = matcher.match(records: [record], identities: [PersonIdentity(record)], lines: [1]) { _, _ in }[0]
                var likely: [ParticipantImportReport.Candidate] = []
                switch row.outcome {
                case .alreadyRegistered(let candidate), .link(let candidate, _): likely = [candidate]
                case .undecided(let candidates): likely = candidates
                case .add, .sameAsLine: break
                }
                if !likely.isEmpty {
                    guard choice == .useExisting, likely.count == 1 else {
                        throw LikelyDuplicate(fullName: record.fullName, candidates: likely)
                    }
                    return ParticipantRegistration(participant: try participant(db, id: likely[0].participantID), isExisting: true)
                }
            }
            var inserted = [record]
            try insertParticipants(db, &inserted)
            record = inserted[0]
            return ParticipantRegistration(participant: record, isExisting: false)
        }
    }
}
