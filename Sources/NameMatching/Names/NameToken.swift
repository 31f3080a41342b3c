/// One word of a person's name (or the father's name of a patronymic),
/// prepared for comparison; a class, so that comparing names copies nothing.
///
/// For example, `NameToken(FoldedWord(original: "Karimova", latin: "karimova", isCyrillic: false))`
/// has canonical `karimova`, stem `karim`, skeleton `krm` and implies `.female`.
final class NameToken: Sendable {
    /// The word as typed, for reasons shown to people.
    let display: String
    /// The word after ``CanonicalSpelling/canonical(_:)``.
    let canonical: [UInt8]
    /// The canonical word without a surname ending (-ova, -ev…), or the
    /// father's name of a patronymic.
    let stem: [UInt8]
    /// The stem without an affectionate -jon/-xon, when it had one.
    let root: [UInt8]?
    /// ``PhoneticSkeleton/key(_:)`` of the stem.
    let skeleton: [UInt8]
    /// A hash of `skeleton`, for counting how common the word is.
    let skeletonKey: UInt64
    /// The sex a surname ending implies (Karimova → female).
    let impliedSex: Sex?
    /// Whether the word was written in Cyrillic.
    let isCyrillic: Bool
    /// Whether the word is a single letter, such as the `G` of `Karimova G.`.
    let isInitial: Bool
    /// Whether this is the father's name of a patronymic.
    let isPatronymic: Bool

    /// Prepares an ordinary word of a name.
    convenience init(_ word: FoldedWord) {
        let canonical = CanonicalSpelling.canonical(word.latin)
        let ending = CanonicalSpelling.surnameEnding(canonical)
        self.init(display: word.original, canonical: canonical, stem: ending?.stem ?? canonical,
                  impliedSex: ending?.sex, isCyrillic: word.isCyrillic, isPatronymic: false)
    }

    /// Prepares a word from its parts; for a patronymic, `stem` is the
    /// father's name (`rustam` for Rustamovna and for Rustam qizi).
    init(display: String, canonical: [UInt8], stem: [UInt8], impliedSex: Sex?, isCyrillic: Bool, isPatronymic: Bool) {
        self.display = display
        self.canonical = canonical
        self.stem = stem
        self.root = CanonicalSpelling.endearment(stem)
        self.skeleton = PhoneticSkeleton.key(stem)
        self.skeletonKey = BlockingKeys.hash(kind: 0, skeleton)
        self.impliedSex = impliedSex
        self.isCyrillic = isCyrillic
        self.isInitial = canonical.count == 1
        self.isPatronymic = isPatronymic
    }

    /// How alike two words are, from 0 (unrelated) to 1 (the same word in
    /// any script or spelling).
    ///
    /// Surname endings are ignored between two surnames (Karimova and
    /// Karimov score 1; their sexes are weighed separately) and between a
    /// patronymic and a surname (Nurlan uulu, Nurlanov), but not between a
    /// surname and a given name (Ibrohimov is not Ibrohim). -jon/-xon costs
    /// a little (Gʻulomjon, Gʻulom ≈ 0.92), a word cut short scores 0.85
    /// (Gulno, Gulnora) and words with the same phonetic skeleton score at
    /// least 0.8 (Magomed, Muhammad).
    ///
    /// For example `NameToken.similarity(karimova, каримова) == 1`.
    static func similarity(_ a: NameToken, _ b: NameToken) -> Double {
        if a.canonical == b.canonical && a.isPatronymic == b.isPatronymic { return 1 }
        if a.isInitial || b.isInitial {
            return a.canonical.first == b.canonical.first || a.skeleton.first == b.skeleton.first ? 0.9 : 0
        }
        let compareStems = (a.impliedSex != nil || a.isPatronymic) && (b.impliedSex != nil || b.isPatronymic)
        if compareStems && a.stem == b.stem { return 1 }
        var s = SpellingDistance.similarity(compareStems ? a.stem : a.canonical, compareStems ? b.stem : b.canonical)
        if s < 0.92, a.root != nil || b.root != nil {
            s = max(s, 0.92 * SpellingDistance.similarity(a.root ?? a.stem, b.root ?? b.stem))
        }
        if s < 0.85, Self.isTruncation(a.canonical, of: b.canonical) || Self.isTruncation(b.canonical, of: a.canonical) {
            s = 0.85
        }
        if s < 0.8, a.skeleton.count >= 4, a.skeleton == b.skeleton {
            s = 0.8
        }
        return s
    }

    /// Whether `short` is the start of `long`, at least four letters and
    /// three fifths of it: a cell cut short (Gulno for Gulnora) or a dropped
    /// -bek (Nodir, Nodirbek).
    static func isTruncation(_ short: [UInt8], of long: [UInt8]) -> Bool {
        short.count >= 4 && short.count < long.count && short.count * 5 >= long.count * 3 && long.starts(with: short)
    }

    /// Whether one word is the feminine form of the other made by adding
    /// `-a` (Nodir / Nodira, Aleksandr / Aleksandra, Yevgeniy / Yevgeniya).
    static func areMaleAndFemaleForms(_ a: NameToken, _ b: NameToken) -> Bool {
        guard a.impliedSex == nil, b.impliedSex == nil, !a.isInitial, !b.isInitial else { return false }
        let (short, long) = a.canonical.count < b.canonical.count ? (a.canonical, b.canonical) : (b.canonical, a.canonical)
        guard short.count >= 3, long.count == short.count + 1, long.last == ascii("a") else { return false }
        let base = long.dropLast()
        if base.elementsEqual(short) { return true }
        // evgeni / evgenya
        return base.last == ascii("y") && short.last == ascii("i") && base.dropLast().elementsEqual(short.dropLast())
    }
}
