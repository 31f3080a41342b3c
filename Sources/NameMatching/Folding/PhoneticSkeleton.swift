/// Reduces a canonical word to a coarse phonetic key used for blocking and
/// for recognising transcriptions that differ in several letters.
///
/// The key keeps the first letter (any initial vowel or `y` becomes `A`) and
/// the consonants after it, merged into classes: g/gʻ/h/x/kh → `h` (Magomed,
/// Muhammad, Mukhammad all give `mhmd`), k/q → `k`, s/ts → `s`, v/w → `v`,
/// a word-final `t` → `d` (Murat, Murod); `ng` → `n`; doubled consonants
/// collapse. Vowels after the first letter are dropped, which absorbs
/// Uzbek o ↔ Russian a (Rahmonov, Rakhmanov), oʻ ↔ u and e ↔ ye.
///
/// For example:
/// ```swift
/// PhoneticSkeleton.key(CanonicalSpelling.canonical("magomed"))  // "mhmd"
/// PhoneticSkeleton.key(CanonicalSpelling.canonical("muhammad")) // "mhmd"
/// ```
enum PhoneticSkeleton {
    static let initialVowel = UInt8(ascii: "A")

    /// The skeleton of a canonical word; empty for an empty word.
    static func key(_ canonical: [UInt8]) -> [UInt8] {
        guard let first = canonical.first else { return [] }
        var key: [UInt8] = []
        key.reserveCapacity(canonical.count)
        key.append(isVowelLike(first) ? initialVowel : consonantClass(first))
        var previousLetter = first
        for k in canonical.indices.dropFirst() {
            let c = canonical[k]
            defer { previousLetter = c }
            if isVowelLike(c) { continue }
            if c == ascii("g"), previousLetter == ascii("n") { continue }
            var cls = consonantClass(c)
            if k == canonical.count - 1, cls == ascii("t") { cls = ascii("d") }
            if cls != key.last { key.append(cls) }
        }
        return key
    }

    private static func isVowelLike(_ c: UInt8) -> Bool {
        CanonicalSpelling.isVowel(c) || c == ascii("y")
    }

    private static func consonantClass(_ c: UInt8) -> UInt8 {
        switch c {
        case ascii("g"), ascii("h"), ascii("x"): return ascii("h")
        case ascii("q"), ascii("k"): return ascii("k")
        case ascii("c"), ascii("s"): return ascii("s")
        case ascii("w"), ascii("v"): return ascii("v")
        default: return c
        }
    }
}
