import GRDB
import NameMatching

/// What Malaka compares to tell whether two records are one person: the names
/// folded across scripts and the facts that can contradict them.
struct PersonIdentity: Sendable {
    var id: Int64
    var fullName: String
    var alternateName: String?
    var sex: Sex?
    var birthYear: Int?
    var phone: String?
    var regionCode: String?
    var locality: String?
    /// The names folded across scripts with their words sorted, so that word order does not matter.
    var nameKeys: [String]

    init(_ participant: Participant) {
        self.init(id: participant.id ?? 0, fullName: participant.fullName, alternateName: participant.alternateName,
                  sex: participant.sex, birthYear: participant.birthYear, phone: participant.phone,
                  regionCode: participant.regionCode, locality: participant.locality,
                  crossScriptKey: participant.crossScriptKey)
    }

    init(id: Int64, fullName: String, alternateName: String?, sex: Sex?, birthYear: Int?, phone: String?,
         regionCode: String?, locality: String?, crossScriptKey: String) {
        self.id = id
        self.fullName = fullName
        self.alternateName = alternateName
        self.sex = sex
        self.birthYear = birthYear
        self.phone = phone
        self.regionCode = regionCode
        self.locality = locality
        let key = crossScriptKey.isEmpty
            ? Participant.crossScriptKey(fullName: fullName, alternateName: alternateName) : crossScriptKey
        nameKeys = key.components(separatedBy: " | ").map(Self.orderFree).filter { !$0.isEmpty }
    }

    /// The words of a folded name in alphabetical order.
    static func orderFree(_ key: String) -> String {
        let words = key.split(separator: " ")
        return words.count < 2 ? key : words.sorted().joined(separator: " ")
    }

    /// Whether a fact both records give differs: sex, birth year, phone or region.
    func contradicts(_ other: PersonIdentity) -> Bool {
        if let a = sex, let b = other.sex, a != b { return true }
        if let a = birthYear, let b = other.birthYear, a != b { return true }
        if let a = regionCode, let b = other.regionCode, a != b { return true }
        if let a = phone.flatMap(PhoneNumber.init), let b = other.phone.flatMap(PhoneNumber.init), !a.isSameLine(as: b) {
            return true
        }
        return false
    }

    /// The facts NameMatching weighs.
    var facts: PersonFacts {
        PersonFacts(name: fullName, alternateName: alternateName, birthYear: birthYear,
                    sex: sex.flatMap { NameMatching.Sex(rawValue: $0.rawValue) }, phone: phone,
                    locality: locality, regionCode: regionCode)
    }

    /// Everyone registered, read with one query.
    static func everyone(_ db: Database, sql filter: String = "", arguments: StatementArguments = []) throws -> [PersonIdentity] {
        let rows = try Row.fetchCursor(db, sql: """
            SELECT id, fullName, alternateName, sex, birthYear, phone, regionCode, locality, crossScriptKey
            FROM participant \(filter) ORDER BY id
            """, arguments: arguments)
        var people: [PersonIdentity] = []
        while let row = try rows.next() {
            people.append(PersonIdentity(
                id: row[0], fullName: row[1], alternateName: row[2], sex: (row[3] as String?).flatMap(Sex.init(rawValue:)),
                birthYear: row[4], phone: row[5], regionCode: row[6], locality: row[7], crossScriptKey: row[8]))
        }
        return people
    }
}

/// An index of people by their order-free name keys.
struct NameKeyIndex {
    private var indicesByKey: [String: [Int]] = [:]

    init() {}

    init(_ people: [PersonIdentity]) {
        indicesByKey.reserveCapacity(people.count)
        for (index, person) in people.enumerated() {
            insert(person, at: index)
        }
    }

    mutating func insert(_ person: PersonIdentity, at index: Int) {
        for key in Set(person.nameKeys) {
            indicesByKey[key, default: []].append(index)
        }
    }

    /// The indices of people who share a name key with `person`, each once, in index order.
    func sameName(as person: PersonIdentity) -> [Int] {
        guard person.nameKeys.count > 1 else { return indicesByKey[person.nameKeys.first ?? ""] ?? [] }
        var found = Set<Int>()
        for key in person.nameKeys {
            found.formUnion(indicesByKey[key] ?? [])
        }
        return found.sorted()
    }
}
