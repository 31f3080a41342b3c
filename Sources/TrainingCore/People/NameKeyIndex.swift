/// An index of people by their order-free name keys and birth year, to find
/// those a person may be without comparing them with everyone of the same name.
///
/// A common name (a thousand Gulnora Karimovas) would otherwise make finding
/// namesakes quadratic; filed by name and birth year, a look-up sees the
/// namesakes of that year and those whose year is unknown.
struct NameKeyIndex {
    private struct Key: Hashable {
        var name: String
        /// The birth year, or `Int.min` when unknown.
        var year: Int
    }

    private var byNameAndYear: [Key: [Int]] = [:]
    private var byName: [String: [Int]] = [:]
    /// Whether anyone was filed, so that looking in an empty index costs nothing.
    private var isEmpty = true

    init() {}

    init(_ people: [PersonIdentity]) {
        byNameAndYear.reserveCapacity(people.count)
        byName.reserveCapacity(people.count)
        for (index, person) in people.enumerated() {
            insert(person, at: index)
        }
    }

    mutating func insert(_ person: PersonIdentity, at index: Int) {
        isEmpty = false
        for (position, name) in person.nameKeys.enumerated() where !person.nameKeys[..<position].contains(name) {
            byNameAndYear[Key(name: name, year: person.birthYear ?? .min), default: []].append(index)
            byName[name, default: []].append(index)
        }
    }

    /// The indices of people who share a name key with `person` and whose birth year
    /// is the same or unknown (any year when the person's is unknown), each once, in index order.
    func sameName(as person: PersonIdentity) -> [Int] {
        guard !isEmpty else { return [] }
        var found: [Int] = []
        for name in person.nameKeys {
            if let year = person.birthYear {
                found += byNameAndYear[Key(name: name, year: year)] ?? []
                found += byNameAndYear[Key(name: name, year: .min)] ?? []
            } else {
                found += byName[name] ?? []
            }
        }
        guard found.count > 1 else { return found }
        return Array(Set(found)).sorted()
    }
}
