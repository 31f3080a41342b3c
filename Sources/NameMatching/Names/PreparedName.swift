/// A full name split into its words, with the patronymic set aside.
///
/// Patronymics are recognised in every form the region uses: a marker after
/// the father's name (Uzbek oʻgʻli/qizi, ўғли/қизи, угли/кизи; Kyrgyz
/// uulu/kyzy, уулу/кызы; Kazakh uly/qyzy) or a Russian ending
/// (-ovich/-evich, -ovna/-evna/-ichna, in either script).
///
/// For example:
/// ```swift
/// let name = PreparedName("Karimova Gulnora Rustamovna")
/// name.tokens.map(\.display)     // ["Karimova", "Gulnora"]
/// name.patronymic?.display       // "Rustamovna"
/// name.impliedSex                // .female
/// ```
final class PreparedName: Sendable {
    /// The name as typed, with runs of spaces collapsed.
    let text: String
    /// The words that are not part of a patronymic, in the order typed.
    let tokens: [NameToken]
    /// The father's name taken from a patronymic, if there is one.
    let patronymic: NameToken?
    /// The sex the patronymic or the surname ending implies.
    let impliedSex: Sex?
    /// Whether most words were written in Cyrillic.
    let isCyrillic: Bool
    /// `tokens` followed by the patronymic, if any: the words to pair.
    let items: [NameToken]

    init(_ text: String) {
        let words = ScriptFolding.words(text)
        self.text = text.collapsingWhitespace
        var tokens: [NameToken] = []
        var patronymic: NameToken? = nil
        var patronymicSex: Sex? = nil
        var previousWasCore = false

        for word in words {
            if let sex = Self.markers[word.latin], patronymic == nil, previousWasCore, let father = tokens.popLast() {
                patronymic = NameToken(display: father.display + " " + word.original, canonical: father.canonical,
                                       stem: father.canonical, impliedSex: sex, isCyrillic: father.isCyrillic,
                                       isPatronymic: true)
                patronymicSex = sex
                previousWasCore = false
                continue
            }
            let token = NameToken(word)
            if patronymic == nil, let ending = CanonicalSpelling.patronymicEnding(token.canonical) {
                patronymic = NameToken(display: word.original, canonical: token.canonical, stem: ending.stem,
                                       impliedSex: ending.sex, isCyrillic: word.isCyrillic, isPatronymic: true)
                patronymicSex = ending.sex
                previousWasCore = false
                continue
            }
            tokens.append(token)
            previousWasCore = true
        }

        self.tokens = tokens
        self.patronymic = patronymic
        let surnameSexes = Set(tokens.compactMap(\.impliedSex))
        self.impliedSex = patronymicSex ?? (surnameSexes.count == 1 ? surnameSexes.first : nil)
        self.isCyrillic = words.filter(\.isCyrillic).count * 2 > words.count
        self.items = tokens + (patronymic.map { [$0] } ?? [])
    }

    /// Whether the name has no words at all.
    var isEmpty: Bool { tokens.isEmpty && patronymic == nil }

    /// The patronymic markers, folded, and the sex each one states.
    private static let markers: [String: Sex] = [
        "ogli": .male, "ugli": .male, "ogly": .male, "uulu": .male, "uly": .male, "ulu": .male,
        "qizi": .female, "kizi": .female, "kyzy": .female, "qyzy": .female, "kizy": .female,
    ]
}
