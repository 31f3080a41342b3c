/// ``PersonFacts`` with every name parsed and every fact normalised once, so
/// that comparing two people does no text processing (and, being a class,
/// copies nothing).
///
/// For example, `PreparedPerson(PersonFacts(name: "Gulnora Karimova", phone: "8 90 123 45 67"))`
/// holds one ``PreparedName`` and the phone `901234567`.
final class PreparedPerson: Sendable {
    /// The name, then the alternate name when there is one.
    let names: [PreparedName]
    let birthYear: Int?
    let sex: Sex?
    let phone: PhoneNumber?
    let locality: String?
    /// The distinctive words of the locality, as search keys (tuman, mahalla… left out).
    let localityWords: Set<String>
    let regionCode: String?
    /// The numbers written in the name (“Malika Yusupova 2”), which folding drops: two numbers are two people.
    let nameNumbers: [Substring]

    init(_ facts: PersonFacts) {
        nameNumbers = facts.name.split(whereSeparator: { !($0.isASCII && $0.isNumber) })
        var names = [PreparedName(facts.name)]
        if let alternate = facts.alternateName, !alternate.allSatisfy(\.isWhitespace) {
            names.append(PreparedName(alternate))
        }
        self.names = names
        self.birthYear = facts.birthYear
        self.sex = facts.sex
        self.phone = facts.phone.flatMap(PhoneNumber.init)
        let locality = facts.locality?.collapsingWhitespace
        self.locality = locality?.isEmpty == true ? nil : locality
        if let locality, !locality.isEmpty {
            self.localityWords = Set(searchKey(locality).split(separator: " ").map(String.init))
                .filter { $0.count >= 3 }
                .subtracting(Self.genericPlaceWords)
        } else {
            self.localityWords = []
        }
        let region = facts.regionCode?.collapsingWhitespace.uppercased()
        self.regionCode = region?.isEmpty == true ? nil : region
    }

    /// Words that name a kind of place rather than a place, in the
    /// languages of the region.
    private static let genericPlaceWords: Set<String> = {
        let words = """
        mahalla mahallasi mahallesi mfy tuman tumani shahar shahri shaharcha viloyat viloyati qishloq qishlogʻi \
        ovul ovuli guzar kocha kochasi massiv mavze district city town village region oblast oblasti rayon \
        rayoni raion raiony selo poselok gorod ulitsa kvartal mikrorayon ayil aiyl aimak aymagy okmotu \
        шаҳар шаҳри туман тумани маҳалла маҳалласи вилоят вилояти қишлоқ район город село посёлок улица \
        область айыл аймак аймагы өкмөтү шаары району облусу
        """
        return Set(words.split(separator: " ").map { searchKey(String($0)) })
    }()
}
