import BenchmarkSupport
import Foundation
import NameMatching
import TrainingFixtures

/// A reproducible population of participants with planted duplicates, for
/// timing ``DuplicateFinder``.
///
/// People are Uzbek (70 %), Kyrgyz (20 %) and Russian (10 %), with names
/// drawn from ``NameCatalogue`` by a Zipf-like law (so common names are very
/// common: one Uzbek woman in 200 is a Gulnora Karimova), written in Latin or Cyrillic, surname first or last, some with
/// a patronymic, most with a birth year and a phone; 2 % carry one of a few
/// trainers' phones. A duplicate re-writes an existing person the way a
/// second attendance list would: the other script, another word order, the
/// patronymic dropped or added, other apostrophes, Russian letters for
/// Uzbek ones, a typo, another phone format, a missing fact.
///
/// For example `SyntheticPopulation(count: 1000, duplicateShare: 0.05, seed: 7)`
/// has 950 people and 50 duplicates, listed in `plantedPairs`.
struct SyntheticPopulation {
    private(set) var records: [(id: Int64, facts: PersonFacts)] = []
    /// Pairs `[original id, duplicate id]`.
    private(set) var plantedPairs: Set<[Int64]> = []

    private struct Person {
        var people: NameCatalogue
        var sex: Sex
        var given: NamePart
        var surname: NamePart?
        var father: NamePart
        var markerPatronymic: Bool
        var hasPatronymic: Bool
        var birthYear: Int?
        var statesSex: Bool
        var phoneDigits: String?
        var countryCode: String
        var region: String
        var cyrillic: Bool
        var surnameFirst: Bool
        var russianLetters = false
    }

    private var rng: SplitMix64
    private let trainerPhones: [String]

    init(count: Int, duplicateShare: Double, seed: UInt64) {
        rng = SplitMix64(seed: seed)
        var phones: [String] = []
        for _ in 0..<30 { phones.append("90" + String(Int.random(in: 1_000_000...9_999_999, using: &rng))) }
        trainerPhones = phones

        let duplicates = Int(Double(count) * duplicateShare)
        var originals: [Person] = []
        for k in 0..<(count - duplicates) {
            let person = makePerson()
            originals.append(person)
            records.append((Int64(k), render(person)))
        }
        var chosen = Set<Int>()
        while chosen.count < duplicates {
            chosen.insert(Int.random(in: 0..<originals.count, using: &rng))
        }
        for original in chosen.sorted() {
            let id = Int64(records.count)
            records.append((id, renderDuplicate(of: originals[original])))
            plantedPairs.insert([Int64(original), id])
        }
    }

    private mutating func chance(_ p: Double) -> Bool {
        Double.random(in: 0..<1, using: &rng) < p
    }

    /// Cumulative weights 1 / (k + 1)^0.6 for each list length used.
    private var zipfTables: [Int: [Double]] = [:]

    /// Index `k` with probability proportional to 1 / (k + 1)^0.6: the
    /// most common of 50 given names is 10 % of them, of 250 surnames 5 %.
    private mutating func zipf(_ n: Int) -> Int {
        let table: [Double]
        if let cached = zipfTables[n] {
            table = cached
        } else {
            var sum = 0.0
            table = (0..<n).map { k in sum += 1 / pow(Double(k + 1), 0.6); return sum }
            zipfTables[n] = table
        }
        let x = Double.random(in: 0..<table[n - 1], using: &rng)
        var low = 0, high = n - 1
        while low < high {
            let mid = (low + high) / 2
            if table[mid] > x { high = mid } else { low = mid + 1 }
        }
        return low
    }

    private mutating func makePerson() -> Person {
        let roll = Double.random(in: 0..<1, using: &rng)
        let people = roll < 0.7 ? NameCatalogue.uzbek : roll < 0.9 ? NameCatalogue.kyrgyz : NameCatalogue.russian
        let sex: Sex = chance(0.55) ? .female : .male
        let givenList = sex == .female ? people.femaleGiven : people.maleGiven
        let given = givenList[zipf(givenList.count)]
        let fathers = people.maleGiven.filter { $0.latin != "Pyotr" }
        let father = fathers[zipf(fathers.count)]
        let isKyrgyz = people.markers.0 == "uulu"
        let noSurname = isKyrgyz && chance(0.1)
        let surname: NamePart? = noSurname ? nil : people.surnames[zipf(people.surnames.count)]
        var phone: String? = nil
        if chance(0.02) {
            phone = trainerPhones[Int.random(in: 0..<trainerPhones.count, using: &rng)]
        } else if chance(0.85) {
            phone = isKyrgyz
                ? ["555", "700", "770", "772", "777", "999", "550"].randomElement(using: &rng)! + String(Int.random(in: 100_000...999_999, using: &rng))
                : ["90", "91", "93", "94", "95", "97", "98", "99", "33", "88"].randomElement(using: &rng)! + String(Int.random(in: 1_000_000...9_999_999, using: &rng))
        }
        let regions = isKyrgyz ? ["KG-GB", "KG-GO", "KG-C", "KG-O", "KG-J", "KG-Y", "KG-N", "KG-T", "KG-B"]
            : ["UZ-TK", "UZ-TO", "UZ-SA", "UZ-XO", "UZ-QR", "UZ-AN", "UZ-BU", "UZ-FA", "UZ-NG", "UZ-QA", "UZ-SU", "UZ-NW", "UZ-JI", "UZ-SI"]
        return Person(
            people: people, sex: sex, given: given, surname: surname, father: father,
            markerPatronymic: people.markers.0 != "ovich" && (noSurname || chance(0.6)),
            hasPatronymic: noSurname || chance(0.25),
            birthYear: chance(0.92) ? Int.random(in: 1955...2005, using: &rng) : nil,
            statesSex: chance(0.9),
            phoneDigits: phone,
            countryCode: isKyrgyz ? "996" : "998",
            region: regions.randomElement(using: &rng)!,
            cyrillic: chance(people.cyrillicShare),
            surnameFirst: chance(0.6)
        )
    }

    private func text(_ part: NamePart, _ person: Person) -> String {
        guard person.cyrillic else { return part.latin }
        guard person.russianLetters else { return part.cyrillic }
        let russian: [Character: String] = ["ў": "у", "Ў": "У", "ғ": "г", "Ғ": "Г", "қ": "к", "Қ": "К", "ҳ": "х", "Ҳ": "Х",
                                            "ү": "у", "Ү": "У", "ө": "о", "Ө": "О", "ң": "н"]
        return String(part.cyrillic.flatMap { russian[$0] ?? String($0) })
    }

    private func name(_ person: Person) -> String {
        var words: [String] = []
        let given = text(person.given, person)
        let (mM, mC, fM, fC) = person.people.markers
        var patronymic: String? = nil
        if person.hasPatronymic {
            if person.markerPatronymic {
                let marker = person.sex == .male ? (person.cyrillic ? mC : mM) : (person.cyrillic ? fC : fM)
                patronymic = text(person.father, person) + " " + marker
            } else {
                let father = text(person.father, person)
                let soft = father.hasSuffix("й") || father.hasSuffix("ь") || father.hasSuffix("y")
                let stem = soft ? String(father.dropLast()) : father
                let ending = person.cyrillic
                    ? (person.sex == .male ? (soft ? "евич" : "ович") : (soft ? "евна" : "овна"))
                    : (person.sex == .male ? (soft ? "yevich" : "ovich") : (soft ? "yevna" : "ovna"))
                patronymic = stem + ending
            }
        }
        if let surname = person.surname {
            var family = text(surname, person)
            let genderless = ["Kim", "Tsoy", "Pak"].contains(surname.latin)
            if person.sex == .female && !genderless { family += person.cyrillic ? "а" : "a" }
            words = person.surnameFirst ? [family, given] : [given, family]
            if let patronymic { words.append(patronymic) }
        } else if let patronymic {
            words = person.surnameFirst ? [patronymic, given] : [given, patronymic]
        } else {
            words = [given]
        }
        return words.joined(separator: " ")
    }

    private mutating func phoneText(_ person: Person) -> String? {
        guard let digits = person.phoneDigits else { return nil }
        let d = Array(digits)
        let grouped = person.countryCode == "996"
            ? "\(String(d[0..<3])) \(String(d[3..<6])) \(String(d[6...]))"
            : "\(String(d[0..<2])) \(String(d[2..<5])) \(String(d[5..<7])) \(String(d[7...]))"
        switch Int.random(in: 0..<4, using: &rng) {
        case 0: return "+\(person.countryCode) \(grouped)"
        case 1: return digits
        case 2: return (person.countryCode == "996" ? "0" : "8 ") + grouped
        default: return "+\(person.countryCode)\(digits)"
        }
    }

    private mutating func render(_ person: Person) -> PersonFacts {
        PersonFacts(name: name(person), birthYear: person.birthYear, sex: person.statesSex ? person.sex : nil,
                    phone: phoneText(person), regionCode: person.region)
    }

    private mutating func renderDuplicate(of original: Person) -> PersonFacts {
        var person = original
        if chance(0.5) { person.cyrillic.toggle() }
        if person.cyrillic && person.people.markers.0 == "oʻgʻli" && chance(0.3) { person.russianLetters = true }
        if chance(0.4) { person.surnameFirst.toggle() }
        if person.surname != nil && chance(0.25) { person.hasPatronymic.toggle() }
        if chance(0.1) { person.phoneDigits = nil }
        if chance(0.08) { person.birthYear = nil }
        if chance(0.04), let year = person.birthYear { person.birthYear = year + (chance(0.5) ? 1 : -1) }
        if chance(0.1) { person.statesSex = false }
        var facts = render(person)
        if !person.cyrillic && chance(0.5) {
            let apostrophe = ["'", "‘", "’", "`", ""].randomElement(using: &rng)!
            facts.name = facts.name.replacingOccurrences(of: "ʻ", with: apostrophe)
        }
        if chance(0.2) { facts.name = typo(in: facts.name) }
        return facts
    }

    /// Swaps, drops or doubles one letter after the first of a random word.
    private mutating func typo(in name: String) -> String {
        var words = name.split(separator: " ").map { Array($0) }
        let w = Int.random(in: 0..<words.count, using: &rng)
        guard words[w].count >= 4 else { return name }
        let k = Int.random(in: 1..<(words[w].count - 1), using: &rng)
        switch Int.random(in: 0..<3, using: &rng) {
        case 0: words[w].swapAt(k, k + 1)
        case 1: words[w].remove(at: k)
        default: words[w].insert(words[w][k], at: k)
        }
        return words.map { String($0) }.joined(separator: " ")
    }
}
