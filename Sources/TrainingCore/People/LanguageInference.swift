/// The document language of a person who gave none, from the letters of their name and the country of
/// their region: a certificate in the script the name is written in.
///
/// - Uzbek Cyrillic letters (ў қ ғ ҳ) → uz-Cyrl; Kyrgyz letters (ү ө ң) → ky; Russian letters (ь щ) → ru;
/// - ы, which Uzbek does not have: ky in Kyrgyzstan, ru elsewhere;
/// - other Cyrillic: ky in Kyrgyzstan, uz-Cyrl in Uzbekistan or when the region is not known;
/// - Latin: uz-Latn in Uzbekistan or when the region is not known; nothing in Kyrgyzstan, where documents
///   are Cyrillic and a Latin name says nothing of the language.
///
/// For example:
/// ```swift
/// LanguageInference.language(name: "Ғуломжон Ўринбоев", regionCode: nil)     // .uzbekCyrillic
/// LanguageInference.language(name: "Айгүл Өмүрбекова", regionCode: "KG-C")   // .kyrgyz
/// LanguageInference.language(name: "Наталья Петренко", regionCode: "UZ-TK")  // .russian
/// ```
public enum LanguageInference {
    private static let uzbekCyrillic: Set<Character> = ["ў", "қ", "ғ", "ҳ"]
    private static let kyrgyz: Set<Character> = ["ү", "ө", "ң"]
    private static let russian: Set<Character> = ["ь", "щ"]

    public static func language(name: String, regionCode: String?) -> DocumentLanguage? {
        let letters = Set(name.lowercased())
        let country = regionCode.map { String($0.prefix(2)) }
        if !letters.isDisjoint(with: uzbekCyrillic) { return .uzbekCyrillic }
        if !letters.isDisjoint(with: kyrgyz) { return .kyrgyz }
        if !letters.isDisjoint(with: russian) { return .russian }
        if letters.contains("ы") { return country == "KG" ? .kyrgyz : .russian }
        if name.isMostlyCyrillic { return country == "KG" ? .kyrgyz : .uzbekCyrillic }
        guard letters.contains(where: \.isLetter) else { return nil }
        return country == "KG" ? nil : .uzbekLatin
    }

    /// Whether text in this script can be printed on a certificate in `language` without a change of alphabet.
    public static func scriptFits(_ text: String, _ language: DocumentLanguage) -> Bool {
        let wantsCyrillic = [DocumentLanguage.uzbekCyrillic, .russian, .kyrgyz].contains(language)
        return text.isMostlyCyrillic == wantsCyrillic
    }
}
