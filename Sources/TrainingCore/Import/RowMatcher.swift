import NameMatching

/// Decides who each good row of a participant list is: someone registered, an earlier row, or a new person.
///
/// In order of precedence: a decision for the line (link it to a person, or add it as new); one registered
/// person with the same name (order-free, across scripts) and no detail that differs
/// (``ParticipantImportReport/Outcome/alreadyRegistered(_:)``); an earlier row of the
/// file likewise (``ParticipantImportReport/Outcome/sameAsLine(_:)``); registered people
/// who are probably the same (`NameMatching.DuplicateFinder`), handled by the
/// duplicate policy; else a new person, with the registered people whose
/// name is like it listed for review. Needs no database, so it can run on another
/// thread while new people are inserted.
struct RowMatcher: Sendable {
    let registered: [PersonIdentity]
    let positionByID: [Int64: Int]
    let options: ParticipantImportOptions

    /// The outcome of every row; `onAdd` is called with the row's index and record for each new person, in order.
    func match(records: [Participant], identities: [PersonIdentity], lines: [Int],
               onAdd: (Int, Participant) -> Void) -> [ParticipantImportReport.Row] {
        let registeredIndex = NameKeyIndex(registered)
        var finder: DuplicateFinder?
        var fileIndex = NameKeyIndex()
        var filePeople: [PersonIdentity] = []
        var fileLines: [Int] = []
        var rows: [ParticipantImportReport.Row] = []
        rows.reserveCapacity(records.count)

        func candidate(_ position: Int, _ assessment: MatchAssessment) -> ParticipantImportReport.Candidate {
            let person = registered[position]
            return .init(participantID: person.id, fullName: person.fullName, alternateName: person.alternateName,
                         score: assessment.score, isProbable: assessment.verdict == .samePerson, reasons: assessment.reasons)
        }

        for (index, record) in records.enumerated() {
            let line = lines[index]
            let person = identities[index]
            let forcedNew = options.newLines.contains(line)
            let outcome: ParticipantImportReport.Outcome
            if let id = options.linkLines[line], let position = positionByID[id] {
                outcome = .link(candidate(position, compare(person.facts, registered[position].facts)), byLine: true)
            } else {
                let sameName = registeredIndex.sameName(as: person).filter { !registered[$0].contradicts(person) }
                if sameName.count == 1 && !forcedNew {
                    outcome = .alreadyRegistered(candidate(sameName[0], MatchAssessment(
                        score: 1, reasons: ["same name and no detail that differs"])))
                } else if !forcedNew, let earlier = fileIndex.sameName(as: person).first(where: { !filePeople[$0].contradicts(person) }) {
                    outcome = .sameAsLine(fileLines[earlier])
                } else {
                    // Probable and possible matches among the registered, best first.
                    if finder == nil && !registered.isEmpty {
                        finder = DuplicateFinder(people: registered.map { (id: $0.id, facts: $0.facts) })
                    }
                    var candidates = (finder?.matches(for: person.facts) ?? []).map { candidate(positionByID[$0.id]!, $0.assessment) }
                    // Namesakes found by the exact name look-up but not by the finder are listed too.
                    for position in sameName where !candidates.contains(where: { $0.participantID == registered[position].id }) {
                        candidates.append(candidate(position, compare(person.facts, registered[position].facts)))
                    }
                    candidates.sort { $0.score > $1.score }
                    let probable = candidates.filter(\.isProbable)
                    if forcedNew || probable.isEmpty {
                        outcome = .add(similar: candidates)
                    } else {
                        switch options.onDuplicate {
                        case .new:
                            outcome = .add(similar: candidates)
                        case .link where probable.count == 1 || probable[0].score > probable[1].score:
                            outcome = .link(probable[0], byLine: false)
                        case .link, .ask:
                            outcome = .undecided(probable)
                        }
                    }
                }
            }
            if case .add = outcome { onAdd(rows.count, record) }
            if case .sameAsLine = outcome {} else {
                fileIndex.insert(person, at: filePeople.count)
                filePeople.append(person)
                fileLines.append(line)
            }
            rows.append(.init(line: line, fullName: record.fullName, outcome: outcome, participantID: outcome.registeredID))
        }
        return rows
    }
}
