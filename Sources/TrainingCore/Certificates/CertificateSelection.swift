/// Who gets a certificate for an event, in which language and under which serial: the rule, on values
/// already read.
///
/// With nobody named, everyone who completed the course gets one, except someone whose certificate was
/// revoked (they must be named to get a new one). Named people get one if they are enrolled and completed.
/// Someone who holds a valid certificate gets it again, with its serial; everyone else gets the next
/// serials of the series, in the order of the standings, with no gap.
struct CertificateSelection {
    /// An enrolled person's standing under the course's completion rule.
    struct Standing {
        let id: Int64
        let fullName: String
        let alternateName: String?
        let language: DocumentLanguage?
        let standing: CompletionRule.Standing
    }

    /// What the rule decided.
    struct Decision {
        var items: [CertificatePlan.Item] = []
        /// Why a named person gets no certificate.
        var problems: [String] = []
        /// Who is left out without being named, and why.
        var notes: [String] = []
    }

    var eventID: Int64
    /// The people named, in the order given; empty for everyone who completed.
    var named: [Int64]
    /// The standings of everyone named (or everyone who completed), in the attendance sheet's order.
    var standings: [Standing]
    var minimumShare: Double
    /// The names of people named but not enrolled, for the problem that says so.
    var otherNames: [Int64: String]
    /// Every certificate of the event, by person, in order of issue.
    var issued: [Int64: [Certificate]]

    /// - Parameters:
    ///   - languagesOf: the languages a template prints, its default first.
    ///   - language: the language asked for, if any; otherwise the person's own when the template prints it.
    func decide(template: String, language asked: DocumentLanguage?, issueDate: DayDate, format: SerialFormat,
                series: String, firstSequence: Int, languagesOf: (String) throws -> [DocumentLanguage]) throws -> Decision {
        var decision = Decision()
        var chosen: [Standing] = []
        if named.isEmpty {
            chosen = standings
        } else {
            let byID = Dictionary(uniqueKeysWithValues: standings.map { ($0.id, $0) })
            var seen = Set<Int64>()
            for id in named where seen.insert(id).inserted {
                guard let row = byID[id] else {
                    decision.problems.append("\(otherNames[id] ?? "Participant \(id)") (\(id)) is not enrolled in event \(eventID).")
                    continue
                }
                guard row.standing.isComplete else {
                    decision.problems.append("\(row.fullName) (\(id)) attended \(row.standing.creditedSessions) of \(row.standing.sessionCount) sessions, below the \(Int((minimumShare * 100).rounded()))% the course requires.")
                    continue
                }
                chosen.append(row)
            }
        }
        var sequence = firstSequence
        decision.items.reserveCapacity(chosen.count)
        for person in chosen {
            let held = issued[person.id] ?? []
            if let existing = held.first(where: { $0.status == .valid }) {
                decision.items.append(.init(participantID: person.id, participantName: person.fullName, printedName: existing.printedName,
                                            language: existing.language, template: existing.template, serial: existing.serial,
                                            issueDate: existing.issueDate, existingRecord: CertificateBox(existing)))
                continue
            }
            if named.isEmpty, let revoked = held.last(where: { $0.status == .revoked }) {
                decision.notes.append("\(person.fullName) (\(person.id)) is left out: certificate \(revoked.serial) was revoked (\(revoked.revokedReason ?? "no reason given")). Name them to issue a new one.")
                continue
            }
            let offered = try languagesOf(template)
            let language = asked ?? person.language.flatMap { offered.contains($0) ? $0 : nil } ?? offered.first ?? .english
            let serial = format.serial(series: series, sequence: sequence)
            sequence += 1
            decision.items.append(.init(
                participantID: person.id, participantName: person.fullName,
                printedName: Self.printedName(fullName: person.fullName, alternateName: person.alternateName, in: language),
                language: language, template: template, serial: serial, issueDate: issueDate, existingRecord: nil))
        }
        return decision
    }

    /// The name in the script of the certificate's language, when the person's other spelling is in it.
    static func printedName(fullName: String, alternateName: String?, in language: DocumentLanguage) -> String {
        guard let alternate = alternateName else { return fullName }
        let wantsCyrillic = [DocumentLanguage.uzbekCyrillic, .russian, .kyrgyz].contains(language)
        if fullName.isMostlyCyrillic == wantsCyrillic { return fullName }
        return alternate.isMostlyCyrillic == wantsCyrillic ? alternate : fullName
    }
}
