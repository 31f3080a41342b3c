import Testing
@testable import TrainingCore

/// Who gets a certificate and which serial, decided on values alone: no database.
struct CertificateSelectionTests {
    static let rule = CompletionRule(minimumShare: 0.75, lateCountsAsPresent: true, excusedCounts: false)

    static func standing(_ id: Int64, _ name: String, attended: Int, alternate: String? = nil,
                         language: DocumentLanguage? = nil) -> CertificateSelection.Standing {
        let marks: [AttendanceStatus?] = (0..<4).map { $0 < attended ? .present : .absent }
        return .init(id: id, fullName: name, alternateName: alternate, language: language,
                     standing: rule.evaluate(marks, sessionCount: 4))
    }

    static func decide(_ selection: CertificateSelection, language: DocumentLanguage? = nil) throws -> CertificateSelection.Decision {
        try selection.decide(template: "participation", language: language, issueDate: Fixtures.day("2019-04-01"),
                             format: .standard, series: SerialFormat.standard.series(regionCode: "UZ-XO", year: 2019, courseCode: "PS-PARENTING"),
                             firstSequence: 7) { _ in [.uzbekLatin, .uzbekCyrillic, .english] }
    }

    @Test func everyoneWhoCompletedGetsTheNextSerialsInOrder() throws {
        let selection = CertificateSelection(
            eventID: 1, named: [], standings: [Self.standing(3, "Aziza", attended: 4), Self.standing(5, "Bobur", attended: 3)],
            minimumShare: Self.rule.minimumShare, otherNames: [:], issued: [:])
        let decision = try Self.decide(selection)
        #expect(decision.items.map(\.serial) == ["UZ-2019-000007", "UZ-2019-000008"])
        #expect(decision.items.map(\.participantID) == [3, 5])
        #expect(decision.problems.isEmpty && decision.notes.isEmpty)
    }

    @Test func aNamedPersonWhoDidNotCompleteOrIsNotEnrolledIsAProblem() throws {
        let selection = CertificateSelection(
            eventID: 9, named: [5, 8, 3], standings: [Self.standing(3, "Aziza", attended: 4), Self.standing(5, "Bobur", attended: 2)],
            minimumShare: Self.rule.minimumShare, otherNames: [8: "Outsider"], issued: [:])
        let decision = try Self.decide(selection)
        #expect(decision.items.map(\.participantID) == [3])
        #expect(decision.problems == [
            "Bobur (5) attended 2 of 4 sessions, below the 75% the course requires.",
            "Outsider (8) is not enrolled in event 9.",
        ])
    }

    @Test func theLanguageIsTheOneAskedForElseThePersonsOwnThatTheTemplatePrints() throws {
        let selection = CertificateSelection(
            eventID: 1, named: [],
            standings: [Self.standing(1, "Гулнора Каримова", attended: 4, alternate: "Gulnora Karimova", language: .uzbekCyrillic),
                        Self.standing(2, "Aziza", attended: 4, language: .russian)],
            minimumShare: Self.rule.minimumShare, otherNames: [:], issued: [:])
        let own = try Self.decide(selection)
        #expect(own.items.map(\.language) == [.uzbekCyrillic, .uzbekLatin])
        #expect(own.items[0].printedName == "Гулнора Каримова")
        let english = try Self.decide(selection, language: .english)
        #expect(english.items.map(\.language) == [.english, .english])
        #expect(english.items[0].printedName == "Gulnora Karimova")
    }
}
