/// The apostrophes of Uzbek Latin: oʻ and gʻ are written with U+02BB (ʻ), the
/// tutuq belgisi (the glottal stop of maʼno, sanʼat) with U+02BC (ʼ), but people
/// type ' ` ‘ ’ ´ instead.
///
/// ``standard(_:)`` is the one normalisation applied wherever a name comes in;
/// ``spellings(of:)`` gives every way a name may have been stored before it was.
///
/// For example:
/// ```swift
/// UzbekApostrophes.standard("G`aniyeva Ma'rifat")  // "Gʻaniyeva Maʼrifat"
/// UzbekApostrophes.standard("O’rinboyev")          // "Oʻrinboyev"
/// ```
public enum UzbekApostrophes {
    /// U+02BB, the letter that makes oʻ and gʻ.
    public static let turnedComma: Unicode.Scalar = "\u{02BB}"
    /// U+02BC, the tutuq belgisi.
    public static let apostropheLetter: Unicode.Scalar = "\u{02BC}"
    /// Everything typed for either: ' ` ´ ‘ ’ ′ and the two standard letters.
    public static let variants: [Unicode.Scalar] = ["\u{02BB}", "\u{02BC}", "'", "`", "\u{2018}", "\u{2019}", "\u{00B4}", "\u{2032}"]

    /// Whether a scalar is one of the ``variants``.
    public static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
        variants.contains(scalar)
    }

    /// The text with each apostrophe inside a Latin word written as the standard letter: U+02BB after o or g
    /// (oʻ, gʻ, also at the end of a word: togʻ), U+02BC between other letters. Other apostrophes, such as
    /// quotation marks around a word, are left as they are.
    public static func standard(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        guard scalars.contains(where: isApostrophe) else { return text }
        var result = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            guard isApostrophe(scalar), index > 0, isLatinLetter(scalars[index - 1]) else {
                result.append(scalar)
                continue
            }
            let previous = scalars[index - 1]
            let next = index + 1 < scalars.count ? scalars[index + 1] : nil
            let nextIsLetter = next.map { $0.properties.isAlphabetic } ?? false
            if "oOgG".unicodeScalars.contains(previous) && (nextIsLetter || next == nil || next == " " || next == "-") {
                result.append(turnedComma)
            } else if nextIsLetter {
                result.append(apostropheLetter)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Every spelling of `text` with its apostrophes written as any of the ``variants``, the text itself first:
    /// a name signed as typed (“G`aniyeva”) is found from any way a checker types it.
    ///
    /// With more than `limit` apostrophes the spellings would be too many; then each variant is used
    /// throughout, and the ``standard(_:)`` spelling is added.
    public static func spellings(of text: String, limit: Int = 4) -> [String] {
        let scalars = Array(text.unicodeScalars)
        let positions = scalars.indices.filter { isApostrophe(scalars[$0]) }
        guard !positions.isEmpty else { return [text] }
        var results: [String] = [text]
        func add(_ choice: [Unicode.Scalar]) {
            var copy = scalars
            for (position, scalar) in zip(positions, choice) { copy[position] = scalar }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: copy)
            let spelling = String(view)
            if !results.contains(spelling) { results.append(spelling) }
        }
        if positions.count <= limit {
            var choice = [Unicode.Scalar](repeating: variants[0], count: positions.count)
            func fill(_ slot: Int) {
                if slot == positions.count { return add(choice) }
                for variant in variants {
                    choice[slot] = variant
                    fill(slot + 1)
                }
            }
            fill(0)
        } else {
            for variant in variants { add([Unicode.Scalar](repeating: variant, count: positions.count)) }
        }
        let standard = standard(text)
        if !results.contains(standard) { results.append(standard) }
        return results
    }

    private static func isLatinLetter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic && (scalar.value < 0x0250 || (0x1E00...0x1EFF).contains(scalar.value))
    }
}
