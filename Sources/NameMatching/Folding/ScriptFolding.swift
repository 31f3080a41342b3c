import Foundation

/// Folds text written in Uzbek, Kyrgyz, Karakalpak or Russian, in Cyrillic or
/// Latin, into lowercase ASCII Latin words.
///
/// Cyrillic follows the official Uzbek correspondence (ў → o, ғ → g, қ → q,
/// ҳ → h, ш → sh, ч → ch, ж → j, х → x, ц → ts, ё/ю/я → yo/yu/ya, е → ye at
/// the start of a word and after a vowel or sign, e elsewhere) extended with
/// the Kyrgyz and Kazakh letters (ү → u, ө → o, ң → ng, ы → y, ұ → u, ә → a).
/// Latin loses its diacritics (ü → u, ş → sh, ñ → ng, ı → y) and every
/// apostrophe variant (' ‘ ’ ` ʻ ʼ ´), so `oʻ` and `o'` both become `o`.
///
/// For example:
/// ```swift
/// ScriptFolding.words("Ғуломжон Ўринбоев").map(\.latin)   // ["gulomjon", "orinboyev"]
/// ScriptFolding.words("Gʻulomjon O'rinboyev").map(\.latin) // ["gulomjon", "orinboyev"]
/// ```
enum ScriptFolding {
    /// Splits `text` into words and folds each one; hyphens, dots, commas
    /// and digits separate words, apostrophes do not.
    static func words(_ text: String) -> [FoldedWord] {
        // Compose only text that has combining marks (и + ̆ → й); most has none.
        let needsComposing = text.unicodeScalars.contains { (0x0300...0x036F).contains($0.value) }
        let scalars = needsComposing ? text.precomposedStringWithCanonicalMapping.unicodeScalars : text.unicodeScalars
        var result: [FoldedWord] = []
        var latin: [UInt8] = []
        latin.reserveCapacity(24)
        var hasCyrillic = false
        var previous: Unicode.Scalar? = nil
        var wordStart = scalars.startIndex, wordEnd = scalars.startIndex

        func finishWord() {
            if !latin.isEmpty {
                result.append(FoldedWord(
                    original: String(scalars[wordStart..<wordEnd]),
                    latin: String(decoding: latin, as: UTF8.self),
                    isCyrillic: hasCyrillic
                ))
            }
            latin.removeAll(keepingCapacity: true)
            hasCyrillic = false
            previous = nil
        }

        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let next = scalars.index(after: index)
            defer { index = next }
            let v = scalar.value
            if v < 0x80 {
                // ASCII: letters, apostrophes, separators.
                if (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) {
                    if latin.isEmpty { wordStart = index }
                    latin.append(UInt8(v | 0x20))
                    previous = Unicode.Scalar(UInt8(v | 0x20))
                    wordEnd = next
                } else if v == 0x27 || v == 0x60 {
                    if !latin.isEmpty { wordEnd = next }
                } else {
                    finishWord()
                }
                continue
            }
            if isApostrophe(scalar) || scalar.properties.generalCategory == .nonspacingMark {
                if !latin.isEmpty { wordEnd = next }
                continue
            }
            let isCyrillicLetter = (0x0400...0x052F).contains(v)
            guard isCyrillicLetter || scalar.properties.isAlphabetic else {
                finishWord()
                continue
            }
            if latin.isEmpty { wordStart = index }
            wordEnd = next
            let lower = lowercase(scalar)
            if isCyrillicLetter {
                latin.append(contentsOf: cyrillicLatin(lower, atWordStart: previous == nil, previous: previous).utf8)
                hasCyrillic = true
            } else {
                latin.append(contentsOf: foldLatin(lower).utf8)
            }
            previous = lower
        }
        finishWord()
        return result
    }

    /// Whether `scalar` is one of the marks people type for the Uzbek
    /// `ʻ` (U+02BB) and `ʼ` (U+02BC).
    static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x27, 0x60, 0xB4, 0x2018, 0x2019, 0x201B, 0x2032, 0x02B9, 0x02BB, 0x02BC, 0x02BD, 0x02C8, 0xFF07:
            return true
        default:
            return false
        }
    }

    private static func lowercase(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let v = scalar.value
        if v >= 0x41 && v <= 0x5A { return Unicode.Scalar(v + 0x20)! }
        if v < 0x80 { return scalar }
        // Cyrillic capitals, without a table lookup.
        switch v {
        case 0x0410...0x042F: return Unicode.Scalar(v + 0x20)!
        case 0x0400...0x040F: return Unicode.Scalar(v + 0x50)!
        case 0x0460...0x0481, 0x048A...0x04BF, 0x04D0...0x052F: return Unicode.Scalar(v | 1)!
        case 0x04C1...0x04CE: return v & 1 == 1 ? Unicode.Scalar(v + 1)! : scalar
        default: break
        }
        let mapped = scalar.properties.lowercaseMapping.unicodeScalars
        return mapped.count == 1 ? mapped.first! : scalar
    }

    /// Letters after which Cyrillic `е` is written `ye` in Uzbek Latin.
    private static func isVowelOrSign(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "а", "е", "ё", "и", "о", "у", "ы", "э", "ю", "я", "ў", "ү", "ө", "ә", "і", "ұ", "ӣ", "ӯ", "ъ", "ь",
             "a", "e", "i", "o", "u", "y":
            return true
        default:
            return false
        }
    }

    private static func cyrillicLatin(_ s: Unicode.Scalar, atWordStart: Bool, previous: Unicode.Scalar?) -> String {
        switch s {
        case "а": return "a"
        case "б": return "b"
        case "в": return "v"
        case "г": return "g"
        case "д": return "d"
        case "е", "є":
            if atWordStart { return "ye" }
            if let previous, isVowelOrSign(previous) { return "ye" }
            return "e"
        case "ё": return "yo"
        case "ж": return "j"
        case "з": return "z"
        case "и", "і", "ӣ", "ї": return "i"
        case "й": return "y"
        case "к": return "k"
        case "л": return "l"
        case "м": return "m"
        case "н": return "n"
        case "о": return "o"
        case "п": return "p"
        case "р": return "r"
        case "с": return "s"
        case "т": return "t"
        case "у", "ұ", "ү", "ӯ": return "u"
        case "ф": return "f"
        case "х": return "x"
        case "ц": return "ts"
        case "ч": return "ch"
        case "ш": return "sh"
        case "щ": return "shch"
        case "ъ", "ь": return ""
        case "ы": return "y"
        case "э": return "e"
        case "ю": return "yu"
        case "я": return "ya"
        case "ў", "ө": return "o"
        case "қ": return "q"
        case "ғ": return "g"
        case "ҳ", "һ": return "h"
        case "ң": return "ng"
        case "ә": return "a"
        case "ҷ": return "j"
        default: return ""
        }
    }

    private static func foldLatin(_ s: Unicode.Scalar) -> String {
        if s.isASCII { return String(Character(s)) }
        switch s {
        case "ş", "š", "ș": return "sh"
        case "ç", "č": return "ch"
        case "ž": return "zh"
        case "ñ", "ŋ": return "ng"
        case "ı": return "y"
        case "ə", "ä", "æ": return "a"
        case "ø", "œ": return "o"
        case "ß": return "ss"
        case "ð": return "d"
        case "þ": return "th"
        default:
            let base = String(Character(s)).decomposedStringWithCanonicalMapping.unicodeScalars.first!
            if base.isASCII, base.properties.isAlphabetic { return String(Character(lowercase(base))) }
            return ""
        }
    }
}
