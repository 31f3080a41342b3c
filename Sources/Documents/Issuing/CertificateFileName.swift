/// File names for certificates that are safe on every system and say whose certificate it is.
///
/// The name is the serial and the holder's name in plain Latin letters, such as
/// `UZ-2019-000001_Gulomjon_Orinboyev.pdf` for Gʻulomjon Oʻrinboyev or
/// `UZ-2019-000003_Shohida_Hamroeva.pdf` for Шоҳида Ҳамроева. Only ASCII letters, digits,
/// `-`, `_` and `.` remain: no `/`, no `..`, no control characters, no spaces, at most
/// 120 bytes. Serials are unique, so the names are too.
public enum CertificateFileName {
    /// The longest transliterated name kept, in characters.
    static let nameLimit = 80

    public static func make(serial: String, name: String) -> String {
        let safeSerial = sanitised(serial, limit: 35)
        let safeName = sanitised(transliterated(name), limit: nameLimit)
        let stem = [safeSerial.isEmpty ? "certificate" : safeSerial, safeName].filter { !$0.isEmpty }.joined(separator: "_")
        return stem + ".pdf"
    }

    /// Letters of Uzbek, Kyrgyz and Russian Cyrillic in Latin, and Latin letters that have no accent
    /// to drop (Turkish and Karakalpak ı, Azerbaijani ə) in plain ASCII.
    static func transliterated(_ text: String) -> String {
        var result = ""
        var previous: Character = " "
        for character in text.precomposedStringWithCanonicalMapping {
            let lower = Character(character.lowercased())
            let isUpper = character != lower
            guard let latin = cyrillic[lower] ?? latin[lower] else {
                result.append(character)
                previous = character
                continue
            }
            // Е is “ye” at the start of a word, as in Yelena; elsewhere “e”.
            var spelled = lower == "е" && !previous.isLetter ? "ye" : latin
            if isUpper, let first = spelled.first { spelled = first.uppercased() + spelled.dropFirst() }
            result += spelled
            previous = character
        }
        return result
    }

    /// Keeps ASCII letters and digits, turns every run of anything else into one `_`, and trims.
    static func sanitised(_ text: String, limit: Int) -> String {
        var result = ""
        var pendingSeparator = false
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            // Combining accents and the Uzbek apostrophes (ʻ ʼ ' ‘ ’ `) vanish inside a word.
            if scalar.properties.generalCategory == .nonspacingMark || "ʻʼ'‘’`".unicodeScalars.contains(scalar) { continue }
            let keep = scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-")
            if keep {
                if pendingSeparator && !result.isEmpty { result += "_" }
                pendingSeparator = false
                guard result.count < limit else { break }
                result.unicodeScalars.append(scalar)
            } else {
                pendingSeparator = true
            }
        }
        while result.hasSuffix("_") || result.hasSuffix("-") { result.removeLast() }
        while result.hasPrefix("-") { result.removeFirst() }
        return result
    }

    private static let cyrillic: [Character: String] = [
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "j", "з": "z", "и": "i",
        "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
        "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
        "э": "e", "ю": "yu", "я": "ya",
        // Uzbek, Kyrgyz, Kazakh and Karakalpak letters.
        "ў": "o", "қ": "q", "ғ": "g", "ҳ": "h", "ү": "u", "ө": "o", "ң": "ng", "ә": "a", "і": "i", "ұ": "u",
        "һ": "h", "ҷ": "j",
    ]

    /// Latin letters that are not an ASCII letter with accents, so that dropping accents leaves nothing.
    private static let latin: [Character: String] = [
        "ı": "i", "ə": "a", "ł": "l", "ø": "o", "ß": "ss", "đ": "d", "æ": "ae", "œ": "oe", "ŋ": "ng", "ħ": "h", "þ": "th",
    ]
}
