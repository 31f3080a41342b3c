/// Uzbek Cyrillic ↔ Uzbek Latin by the official letter rules (1995 alphabet, ʻ U+02BB and ʼ U+02BC),
/// keeping capitals: a certificate in one script for a name registered in the other.
///
/// Rule-based, so it is right for the letters and may miss a custom spelling (a person who writes
/// their name “Yevgeniy” rather than “Yevgeniy”'s regular form); the person checks what it offers.
///
/// For example:
/// ```swift
/// UzbekTransliteration.latin("Ғуломжон Ўринбоев")      // "Gʻulomjon Oʻrinboyev"
/// UzbekTransliteration.cyrillic("Gʻulomjon Oʻrinboyev") // "Ғуломжон Ўринбоев"
/// ```
public enum UzbekTransliteration {
    private static let toLatin: [Character: String] = [
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ё": "yo", "ж": "j", "з": "z", "и": "i", "й": "y",
        "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
        "ф": "f", "х": "x", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "\u{02BC}", "ь": "", "ы": "i",
        "э": "e", "ю": "yu", "я": "ya", "ў": "o\u{02BB}", "қ": "q", "ғ": "g\u{02BB}", "ҳ": "h",
    ]

    /// Latin letters and digraphs, longest first.
    private static let toCyrillic: [(String, String)] = [
        ("o\u{02BB}", "ў"), ("g\u{02BB}", "ғ"), ("sh", "ш"), ("ch", "ч"), ("yo", "ё"), ("yu", "ю"), ("ya", "я"),
        ("ye", "е"), ("a", "а"), ("b", "б"), ("d", "д"), ("e", "е"), ("f", "ф"), ("g", "г"), ("h", "ҳ"), ("i", "и"),
        ("j", "ж"), ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"), ("p", "п"), ("q", "қ"), ("r", "р"),
        ("s", "с"), ("t", "т"), ("u", "у"), ("v", "в"), ("x", "х"), ("y", "й"), ("z", "з"), ("\u{02BC}", "ъ"),
    ]

    private static let cyrillicVowels: Set<Character> = ["а", "е", "ё", "и", "о", "у", "э", "ю", "я", "ў", "ы"]

    /// The text in Uzbek Latin; letters that are not Cyrillic stay as they are.
    public static func latin(_ text: String) -> String {
        let characters = Array(text)
        var result = ""
        for (index, character) in characters.enumerated() {
            let lower = Character(character.lowercased())
            let previous = index > 0 ? Character(characters[index - 1].lowercased()) : nil
            var latin: String
            if lower == "е" {
                // е is ye at the start of a word and after a vowel or ъ, e elsewhere.
                let startsWord = previous.map { !$0.isLetter } ?? true
                latin = startsWord || cyrillicVowels.contains(previous!) || previous == "ъ" ? "ye" : "e"
            } else if let mapped = toLatin[lower] {
                latin = mapped
            } else {
                result.append(character)
                continue
            }
            if character != lower, let first = latin.first {
                // Ш → Sh in a name, SH in a word written in capitals.
                let nextIsUpper = index + 1 < characters.count && characters[index + 1].isUppercase
                latin = nextIsUpper ? latin.uppercased() : first.uppercased() + latin.dropFirst()
            }
            result += latin
        }
        return UzbekApostrophes.standard(result)
    }

    /// The text in Uzbek Cyrillic; apostrophes are read as the standard letters first (o'g'il → ўғил).
    public static func cyrillic(_ text: String) -> String {
        let characters = Array(UzbekApostrophes.standard(text))
        var result = ""
        var index = 0
        while index < characters.count {
            let character = characters[index]
            var matched = false
            for (latin, cyrillic) in toCyrillic {
                let length = latin.count
                guard index + length <= characters.count else { continue }
                let piece = String(characters[index..<(index + length)])
                guard piece.lowercased() == latin else { continue }
                var letter = cyrillic
                // e at the start of a word is э.
                if latin == "e", index == 0 || !characters[index - 1].isLetter { letter = "э" }
                if character.isUppercase { letter = letter.uppercased() }
                result += letter
                index += length
                matched = true
                break
            }
            if !matched {
                result.append(character)
                index += 1
            }
        }
        return result
    }
}
