@testable import NameMatching
import Testing

@Suite("Patronymics")
struct PatronymicTests {
    @Test("Every patronymic form is set aside with the father's name and the sex it states", arguments: [
        ("Karimova Gulnora Rustamovna", ["Karimova", "Gulnora"], "Rustamovna", Sex.female),
        ("Каримова Гулнора Рустамовна", ["Каримова", "Гулнора"], "Рустамовна", .female),
        ("Karimov Alisher Rustam oʻgʻli", ["Karimov", "Alisher"], "Rustam oʻgʻli", .male),
        ("Каримов Алишер Рустам ўғли", ["Каримов", "Алишер"], "Рустам ўғли", .male),
        ("Karimov Alisher Rustam ugli", ["Karimov", "Alisher"], "Rustam ugli", .male),
        ("Toshmatova Malika Anvar qizi", ["Toshmatova", "Malika"], "Anvar qizi", .female),
        ("Тошматова Малика Анвар қизи", ["Тошматова", "Малика"], "Анвар қизи", .female),
        ("Nurlan uulu Bakyt", ["Bakyt"], "Nurlan uulu", .male),
        ("Бакыт Нурлан уулу", ["Бакыт"], "Нурлан уулу", .male),
        ("Бермет Нурбек кызы", ["Бермет"], "Нурбек кызы", .female),
        ("Ольга Васильевна Николаева", ["Ольга", "Николаева"], "Васильевна", .female),
        ("Sergey Nikolaevich Popov", ["Sergey", "Popov"], "Nikolaevich", .male),
    ])
    func parses(text: String, words: [String], patronymic: String, sex: Sex) {
        let name = PreparedName(text)
        #expect(name.tokens.map(\.display) == words)
        #expect(name.patronymic?.display == patronymic)
        #expect(name.impliedSex == sex)
    }

    @Test("A name without a patronymic keeps all its words")
    func noPatronymic() {
        let name = PreparedName("Gulnora Karimova")
        #expect(name.tokens.map(\.display) == ["Gulnora", "Karimova"])
        #expect(name.patronymic == nil)
        #expect(name.impliedSex == .female)
        #expect(PreparedName("Uulu").tokens.map(\.display) == ["Uulu"])
    }

    @Test("The forms of one patronymic agree", arguments: [
        ("Karimova Gulnora Rustamovna", "Каримова Гулнора Рустам қизи"),
        ("Karimov Alisher Rustam oʻgʻli", "Каримов Алишер Рустамович"),
        ("Nurlan uulu Bakyt", "Бакыт Нурлан уулу"),
        ("Rahimova Dildora Shavkat qizi", "Rahimova Dildora Shavkatovna"),
    ])
    func samePatronymic(a: String, b: String) {
        let assessment = compare(PersonFacts(name: a), PersonFacts(name: b))
        #expect(assessment.verdict == .samePerson, "\(assessment)")
        #expect(assessment.reasons.contains { $0.hasPrefix("same patronymic") })
    }

    @Test("A patronymic in one record only does not count against the match")
    func patronymicAbsent() {
        let assessment = compare(PersonFacts(name: "Karimova Gulnora Rustamovna"), PersonFacts(name: "Gulnora Karimova"))
        #expect(assessment.verdict == .samePerson)
        #expect(assessment.reasons.contains("patronymic in one record only (Rustamovna)"))
        #expect(assessment.reasons.contains("word order differs"))
    }

    @Test("A Kyrgyz patronymic stands for the surname")
    func kyrgyzPatronymicAsSurname() {
        let assessment = compare(PersonFacts(name: "Bakyt Nurlanov"), PersonFacts(name: "Nurlan uulu Bakyt"))
        #expect(assessment.verdict == .samePerson, "\(assessment)")
    }

    @Test("Different fathers make different people")
    func differentPatronymics() {
        let assessment = compare(PersonFacts(name: "Karimov Rustam Alisherovich"), PersonFacts(name: "Каримов Рустам Рустамович"))
        #expect(assessment.verdict == .different)
        #expect(assessment.reasons.contains("different patronymics (Alisherovich ≠ Рустамович)"))
    }
}
