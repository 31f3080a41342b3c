import NameMatching
import Testing

@Suite("Comparing two people")
struct CompareTests {
    @Test("The same name in two scripts and word orders, with agreeing facts")
    func sameAcrossScripts() {
        let a = PersonFacts(name: "Гулнора Каримова", birthYear: 1987, sex: .female, phone: "+998 90 123 45 67")
        let b = PersonFacts(name: "Karimova Gulnora", birthYear: 1987, phone: "8 90 123 45 67")
        let assessment = compare(a, b)
        #expect(assessment.verdict == .samePerson)
        #expect(assessment.score > 0.99)
        #expect(assessment.reasons == [
            "same name across scripts (Гулнора Каримова = Karimova Gulnora)",
            "same birth year 1987",
            "same phone +998 90 123 45 67",
            "word order differs",
        ])
    }

    @Test("The reason names the person once when both records spell the name alike")
    func identicalNames() {
        let assessment = compare(PersonFacts(name: "Gulnora Karimova"), PersonFacts(name: "Gulnora  Karimova"))
        #expect(assessment.reasons.first == "same name (Gulnora Karimova)")
    }

    @Test("Agreeing facts raise the score and conflicting ones lower it sharply")
    func factsMoveTheScore() {
        let name = "Gulnora Karimova"
        let bare = compare(PersonFacts(name: name), PersonFacts(name: name)).score
        let agreeing = compare(PersonFacts(name: name, birthYear: 1987, phone: "901234567"),
                               PersonFacts(name: name, birthYear: 1987, phone: "+998901234567")).score
        #expect(agreeing > bare)

        let otherSex = compare(PersonFacts(name: name, sex: .female), PersonFacts(name: name, sex: .male))
        #expect(otherSex.verdict == .different)
        #expect(otherSex.reasons.contains("different sex (female, male)"))

        let otherGeneration = compare(PersonFacts(name: name, birthYear: 1967), PersonFacts(name: name, birthYear: 1979))
        #expect(otherGeneration.verdict == .different)
        #expect(otherGeneration.reasons.contains("birth years differ by 12"))

        let otherPhone = compare(PersonFacts(name: name, phone: "+998 90 123 45 67"), PersonFacts(name: name, phone: "+998 91 765 43 21"))
        #expect(otherPhone.score < bare)
        #expect(otherPhone.verdict != .samePerson)
    }

    @Test("Siblings share a surname and a phone but not a given name")
    func siblings() {
        let assessment = compare(
            PersonFacts(name: "Dilnoza Karimova", phone: "+998 90 111 22 33"),
            PersonFacts(name: "Нилуфар Каримова", phone: "90 111 22 33"))
        #expect(assessment.verdict == .different)
        #expect(assessment.reasons.contains("different name words (Dilnoza ≠ Нилуфар)"))
    }

    @Test("Karimova and Karimov are different people")
    func surnameEndingsGiveSex() {
        let assessment = compare(PersonFacts(name: "Nodira Karimova"), PersonFacts(name: "Nodir Karimov"))
        #expect(assessment.verdict == .different)
        #expect(assessment.reasons.contains { $0.hasPrefix("different sex") })
    }

    @Test("Male and female forms of a given name are different people")
    func genderedGivenNames() {
        let assessment = compare(PersonFacts(name: "Aleksandr Kim", birthYear: 1980), PersonFacts(name: "Aleksandra Kim", birthYear: 1981))
        #expect(assessment.verdict == .different)
        #expect(assessment.reasons.contains("male and female forms of a name (Aleksandr, Aleksandra)"))
    }

    @Test("A given name and a surname made from it are not the same word")
    func givenNameIsNotSurname() {
        let assessment = compare(PersonFacts(name: "Ibrohim Ismoilov"), PersonFacts(name: "Ismoil Ibrohimov"))
        #expect(assessment.verdict == .different)
    }

    @Test("Transliteration variants and typos are tolerated", arguments: [
        ("Rahmonov Jamshid", "Рахманов Джамшид"),
        ("Oʻrinboyev Gʻulomjon", "Urinbaev Gulomjon"),
        ("Mukhammad Aliev", "Muhammad Aliyev"),
        ("Qodirov Ilhom", "Kadyrov Ilkhom"),
        ("Айгүл Өмүрбекова", "Aigul Omurbekova"),
        ("Наталья Фёдорова", "Natalia Fedorova"),
        ("Dilnoza Karimova", "Dilnzoa Karimova"),
    ])
    func variants(a: String, b: String) {
        let assessment = compare(PersonFacts(name: a, birthYear: 1990), PersonFacts(name: b, birthYear: 1990))
        #expect(assessment.verdict == .samePerson, "\(assessment)")
    }

    @Test("An alternate name is compared too")
    func alternateName() {
        let married = PersonFacts(name: "Karimova Gulnora", alternateName: "Rahimova Gulnora", birthYear: 1987)
        let assessment = compare(married, PersonFacts(name: "Раҳимова Гулнора", birthYear: 1987))
        #expect(assessment.verdict == .samePerson)
        #expect(assessment.reasons.contains("matched on an alternate name"))
    }

    @Test("Region and locality add a little")
    func places() {
        let a = PersonFacts(name: "Jasur Ergashev", locality: "Bogʻishamol mahallasi", regionCode: "uz-sa")
        let b = PersonFacts(name: "Жасур Эргашев", locality: "Боғишамол маҳалла", regionCode: "UZ-SA")
        let assessment = compare(a, b)
        #expect(assessment.reasons.contains("same region UZ-SA"))
        #expect(assessment.reasons.contains("same locality (Bogʻishamol mahallasi = Боғишамол маҳалла)"))
    }
}
