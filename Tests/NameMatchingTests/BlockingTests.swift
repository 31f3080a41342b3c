@testable import NameMatching
import Testing

@Suite("Blocking and pruning")
struct BlockingTests {
    @Test("The facts summary never prunes a pair that could reach the score", arguments: [false, true])
    func upperBoundHolds(withFrequencies: Bool) throws {
        let pairs = try EvaluationSetTests.loadPairs()
        let people = pairs.flatMap { [PreparedPerson($0.a), PreparedPerson($0.b)] }
        let frequencies = withFrequencies ? WordFrequencies(people) : nil
        for k in stride(from: 0, to: people.count, by: 2) {
            let a = people[k], b = people[k + 1]
            let bound = FactsSummary.upperBound(FactsSummary(a), FactsSummary(b))
            let total = Evidence(a, b, explain: false, frequencies: frequencies).total
            #expect(bound >= total - 1e-9, "\(a.names[0].text) / \(b.names[0].text): bound \(bound) < \(total)")
        }
    }

    @Test("Word order, scripts and a typo in one word still share a blocking key", arguments: [
        ("Gulnora Karimova", "Каримова Гулнора"),
        ("Gulnora Karimova", "Karimova Gulnoar"),
        ("Gulnora Karimova", "Karinova Gulnora"),
        ("Oʻrinboyev Gʻulomjon", "Urinbaev Gulomjon"),
        ("Nurlan uulu Bakyt", "Bakyt Nurlanov"),
        ("Aigul", "Айгүл"),
    ])
    func sharedKeys(a: String, b: String) {
        let keysA = Set(BlockingKeys(PreparedPerson(PersonFacts(name: a))).keys)
        let keysB = Set(BlockingKeys(PreparedPerson(PersonFacts(name: b))).keys)
        #expect(!keysA.isDisjoint(with: keysB))
    }

    @Test("Different people with one shared word share no key")
    func separateKeys() {
        let keysA = Set(BlockingKeys(PreparedPerson(PersonFacts(name: "Gulnora Karimova"))).keys)
        let keysB = Set(BlockingKeys(PreparedPerson(PersonFacts(name: "Nilufar Karimova"))).keys)
        #expect(keysA.isDisjoint(with: keysB))
    }

    @Test("Common name words weigh less when the population is known")
    func commonWordsWeighLess() {
        var people: [(id: Int64, facts: PersonFacts)] = (0..<1_000).map { k in
            (Int64(k), PersonFacts(name: k % 2 == 0 ? "Gulnora Karimova" : "Gulnora Rahimova", birthYear: 1950 + k % 50))
        }
        people.append((5_000, PersonFacts(name: "Gulnora Karimova", birthYear: 1987, phone: "90 111 22 33", regionCode: "UZ-SA")))
        let finder = DuplicateFinder(people: people)
        let namesake = PersonFacts(name: "Gulnora Karimova", birthYear: 1987, phone: "91 999 88 77", regionCode: "UZ-SA")
        let match = finder.matches(for: namesake, minimumScore: 0).first { $0.id == 5_000 }
        let alone = compare(namesake, people.last!.facts)
        #expect(alone.verdict == .samePerson)
        #expect(match != nil)
        #expect(match!.assessment.score < alone.score)
        #expect(match!.assessment.verdict != .samePerson)
        #expect(match!.assessment.reasons.contains("common name words weigh less (Gulnora, Karimova)"))
    }
}
