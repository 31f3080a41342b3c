/// A normalised lowercase Latin form of a name (or any text) for substring
/// search: a query in either script, with any apostrophe, finds the person.
///
/// Script, case and apostrophes are folded (see ``ScriptFolding``) and the
/// usual alternative romanisations are spelt one way: kh → x, zh/dzh/dj → j,
/// ye after a vowel → e, ia/iu after a consonant → ya/yu, doubled
/// letters once. Store the key of each participant's name and look for the
/// key of the query inside it. Vowels stay as written, so the Russian
/// spelling of an Uzbek name (Уринбаев for Ўринбоев) is a different key:
/// ``DuplicateFinder/matches(for:minimumScore:)`` finds those.
///
/// For example:
/// ```swift
/// searchKey("Gʻulomjon Oʻrinboyev")                         // "gulomjon orinboev"
/// searchKey("Gulnora Karimova").contains(searchKey("гулнора")) // true
/// searchKey("ўринбоев") == searchKey("o'rinboyev")            // true
/// ```
public func searchKey(_ name: String) -> String {
    ScriptFolding.words(name)
        .map { CanonicalSpelling.render(CanonicalSpelling.canonical($0.latin)) }
        .joined(separator: " ")
}
