import NameMatching
import Testing

@Suite("Finding duplicates")
struct DuplicateFinderTests {
    static let people: [(id: Int64, facts: PersonFacts)] = [
        (1, PersonFacts(name: "Gulnora Karimova", birthYear: 1987, phone: "+998 90 123 45 67")),
        (2, PersonFacts(name: "Каримова Гулнора Рустамовна", birthYear: 1987)),
        (3, PersonFacts(name: "Nilufar Karimova", birthYear: 1991, phone: "+998 90 123 45 67")),
        (4, PersonFacts(name: "Gʻulomjon Oʻrinboyev", birthYear: 1985)),
        (5, PersonFacts(name: "Urinbaev Gulomjon", birthYear: 1985)),
        (6, PersonFacts(name: "Aigul Omurbekova", phone: "+996 555 123 456")),
        (7, PersonFacts(name: "Айгүл Өмүрбекова", phone: "0555 123 456")),
        (8, PersonFacts(name: "Dilnoza Yusupova", birthYear: 1990)),
        (9, PersonFacts(name: "Dilnzoa Yusupova", birthYear: 1990)),
        (10, PersonFacts(name: "Karimova G. R.", birthYear: 1987)),
    ]

    @Test("Duplicates written differently are found, siblings are not")
    func candidates() {
        let finder = DuplicateFinder(people: Self.people)
        let pairs = Set(finder.candidates(minimumScore: MatchAssessment.samePersonThreshold).map { [$0.idA, $0.idB] })
        #expect(pairs == [[1, 2], [4, 5], [6, 7], [8, 9], [1, 10], [2, 10]])
    }

    @Test("Candidates come best first, each pair once, with reasons")
    func candidateShape() {
        let candidates = DuplicateFinder(people: Self.people).candidates()
        #expect(candidates == candidates.sorted { $0.assessment.score >= $1.assessment.score })
        #expect(Set(candidates.map { [$0.idA, $0.idB] }).count == candidates.count)
        #expect(candidates.allSatisfy { $0.idA < $0.idB && !$0.assessment.reasons.isEmpty })
        #expect(!candidates.contains { [$0.idA, $0.idB] == [1, 3] && $0.assessment.verdict == .samePerson })
    }

    @Test("A new person is matched in either script and word order")
    func matches() {
        let finder = DuplicateFinder(people: Self.people)
        #expect(finder.matches(for: PersonFacts(name: "Гулнора Каримова", birthYear: 1987)).prefix(2).map(\.id).sorted() == [1, 2])
        #expect(Set(finder.matches(for: PersonFacts(name: "Уринбоев Ғуломжон")).prefix(2).map(\.id)) == [4, 5])
        #expect(finder.matches(for: PersonFacts(name: "Omurbekova Aigul")).map(\.id).sorted() == [6, 7])
        #expect(finder.matches(for: PersonFacts(name: "Jamshid Rahmonov")).isEmpty)
        #expect(finder.matches(for: PersonFacts(name: "Someone", phone: "90 123 45 67")).isEmpty)
    }

    @Test("A shared phone brings a one-word name and a full name together for a person to decide")
    func phoneBlock() {
        let finder = DuplicateFinder(people: [
            (1, PersonFacts(name: "Gulnora", phone: "+998 90 123 45 67")),
            (2, PersonFacts(name: "Gulnora Karimova", phone: "901234567")),
            (3, PersonFacts(name: "Gulnora Karimova", phone: "901112233")),
        ])
        let candidates = finder.candidates(minimumScore: 0)
        #expect(candidates.contains { [$0.idA, $0.idB] == [1, 2] && $0.assessment.verdict == .possible })
        #expect(!candidates.contains { [$0.idA, $0.idB] == [1, 3] })
    }

    @Test("Oversized blocks are searched with a window and still find neighbours")
    func cappedBlocks() {
        // 600 people with one trainer's phone and a common name pair.
        var people: [(id: Int64, facts: PersonFacts)] = []
        for k in 0..<600 {
            people.append((Int64(k), PersonFacts(name: "Gulnora Karimova", birthYear: 1950 + k % 50, phone: "+998 90 000 00 01")))
        }
        people.append((1000, PersonFacts(name: "Каримова Гулнора", birthYear: 1977, phone: "+998 90 000 00 01")))
        let finder = DuplicateFinder(people: people, maximumBlockSize: 100, window: 20)
        let withNewcomer = finder.candidates(minimumScore: MatchAssessment.samePersonThreshold).filter { $0.idB == 1000 }
        #expect(withNewcomer.contains { $0.assessment.reasons.contains("same birth year 1977") })
        #expect(withNewcomer.allSatisfy { abs(1950 + Int($0.idA) % 50 - 1977) <= 2 }, "\(withNewcomer.map { ($0.idA, $0.assessment.reasons) })")
        #expect(finder.matches(for: PersonFacts(name: "Gulnora Karimova", birthYear: 1977)).count <= 2 * 20 * 3)
    }
}
