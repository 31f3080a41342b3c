import GRDB
import NameMatching

/// What Malaka compares to tell whether two records are one person: the names
/// folded across scripts and the facts that can contradict them.
///
/// A class, so that the indices and look-ups over 100,000 people pass references, not copies.
final class PersonIdentity: Sendable {
    let id: Int64
    let fullName: String
    let alternateName: String?
    let sex: Sex?
    let birthYear: Int?
    let phone: String?
    let regionCode: String?
    let locality: String?
    /// The names folded across scripts with their words sorted, so that word order does not matter.
    let nameKeys: [String]
    /// The digits written in the name, which folding drops: “Writer 1” and “Writer 2” are two people.
    let nameDigits: String

    convenience init(_ participant: Participant) {
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
        nameDigits = fullName.filter { $0.isASCII && $0.isNumber }
        let key = crossScriptKey.isEmpty
            ? Participant.crossScriptKey(fullName: fullName, alternateName: alternateName) : crossScriptKey
        // The key is the names' keys joined by “ | ”; a key itself has only letters and single spaces.
        nameKeys = key.split(separator: "|").map { Self.orderFree($0.trimmingSpaces()) }.filter { !$0.isEmpty }
    }

    /// The words of a folded name in alphabetical order.
    static func orderFree(_ key: String) -> String {
        let words = key.split(separator: " ")
        return words.count < 2 ? key : words.sorted().joined(separator: " ")
    }

    /// Whether a fact both records give differs: sex, birth year, phone or region; or the numbers in the names.
    func contradicts(_ other: PersonIdentity) -> Bool {
        if nameDigits != other.nameDigits { return true }
        if let a = sex, let b = other.sex, a != b { return true }
        if let a = birthYear, let b = other.birthYear, a != b { return true }
        if let a = regionCode, let b = other.regionCode, a != b { return true }
        if let a = phone, let b = other.phone, a != b,
           let first = PhoneNumber(a), let second = PhoneNumber(b), !first.isSameLine(as: second) {
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
