/// Rewrites one folded Latin word so that the usual romanisations of the same
/// Cyrillic letters are spelt alike.
///
/// The canonical form is a byte string over `a`–`z` plus two placeholders:
/// `S` for sh/shch/ş and `C` for ch/ç. It unifies kh/x → `x`, zh/dzh/dj/j →
/// `j`, ts/ц → `c`, gh → `g`, ks → `x`, ph → `f`, w → `v`; drops the `y` of
/// `ye` after a vowel or at the start of a word (Oʻrinboyev, Urinboev → orinboev);
/// writes the `i` of ia/iu/io/ie after a consonant as `y` (Natalia, Natalya →
/// natalya); and collapses doubled letters (Muhammad → muhamad).
///
/// For example:
/// ```swift
/// CanonicalSpelling.render(CanonicalSpelling.canonical("mukhammad")) // "muxamad"
/// CanonicalSpelling.render(CanonicalSpelling.canonical("yevgeniy"))  // "evgeni"
/// ```
enum CanonicalSpelling {
    static let sh = UInt8(ascii: "S")
    static let ch = UInt8(ascii: "C")

    /// The canonical bytes of a folded Latin word (see ``ScriptFolding``).
    static func canonical(_ latin: String) -> [UInt8] {
        let input = Array(latin.utf8)
        var digraphs: [UInt8] = []
        digraphs.reserveCapacity(input.count)
        var i = 0
        func at(_ k: Int) -> UInt8 { k < input.count ? input[k] : 0 }
        while i < input.count {
            let c = input[i], n = at(i + 1)
            switch (c, n) {
            case (ascii("s"), ascii("h")):
                digraphs.append(sh)
                i += (at(i + 2) == ascii("c") && at(i + 3) == ascii("h")) ? 4 : 2
            case (ascii("s"), ascii("c")) where at(i + 2) == ascii("h"):
                digraphs.append(sh); i += 3
            case (ascii("c"), ascii("h")):
                digraphs.append(ch); i += 2
            case (ascii("t"), ascii("c")) where at(i + 2) == ascii("h"):
                digraphs.append(ch); i += 3
            case (ascii("k"), ascii("h")):
                digraphs.append(ascii("x")); i += 2
            case (ascii("z"), ascii("h")):
                digraphs.append(ascii("j")); i += 2
            case (ascii("d"), ascii("z")) where at(i + 2) == ascii("h"):
                digraphs.append(ascii("j")); i += 3
            case (ascii("d"), ascii("j")):
                digraphs.append(ascii("j")); i += 2
            case (ascii("t"), ascii("s")) where at(i + 2) != ascii("h"):
                digraphs.append(ascii("c")); i += 2
            case (ascii("g"), ascii("h")):
                digraphs.append(ascii("g")); i += 2
            case (ascii("k"), ascii("s")):
                digraphs.append(ascii("x")); i += 2
            case (ascii("p"), ascii("h")):
                digraphs.append(ascii("f")); i += 2
            case (ascii("c"), ascii("k")):
                digraphs.append(ascii("k")); i += 2
            case (ascii("w"), _):
                digraphs.append(ascii("v")); i += 1
            default:
                if c != digraphs.last { digraphs.append(c) }
                i += 1
            }
        }

        // Glides: ye/e, ia/ya, ai/ay.
        var glided: [UInt8] = []
        glided.reserveCapacity(digraphs.count)
        for k in digraphs.indices {
            let c = digraphs[k]
            let previous = glided.last
            let next: UInt8 = k + 1 < digraphs.count ? digraphs[k + 1] : 0
            let afterVowel = previous.map(isVowel) ?? false
            let afterConsonantOrStart = !afterVowel
            if c == ascii("y"), next == ascii("e"), afterVowel || previous == nil {
                continue
            }
            if c == ascii("i") {
                // Mariya, Maria → marya; Aliyev, Aliev → alyev.
                if previous != nil, next == ascii("y"), k + 2 < digraphs.count, isVowel(digraphs[k + 2]) {
                    continue
                }
                // Iuliia, Yuliya → yulya; Natalia → natalya.
                if afterConsonantOrStart, isVowel(next), next != ascii("i") {
                    glided.append(ascii("y")); continue
                }
                // Aibek → aybek; Aleksei → alexey.
                if let previous, previous != ascii("i"), isVowel(previous), next == 0 || !isVowel(next) {
                    glided.append(ascii("y")); continue
                }
            }
            glided.append(c)
        }
        // Word-final -iy, -y after a consonant: Dmitriy, Dmitry, Dmitrii → dmitri.
        if glided.count > 2, glided.last == ascii("y") {
            let before = glided[glided.count - 2]
            if before == ascii("i") {
                glided.removeLast()
            } else if !isVowel(before) {
                glided[glided.count - 1] = ascii("i")
            }
        }

        var collapsed: [UInt8] = []
        collapsed.reserveCapacity(glided.count)
        for c in glided where c != collapsed.last {
            collapsed.append(c)
        }
        return arabicDinFormant(collapsed)
    }

    /// Spells the Arabic formant *ad-Din* one way: Uzbek -iddin, Tatar and
    /// Russian -utdin / -uddin all become `idin` (Nasriddinov, Nasritdinov;
    /// Shamsiddinova, Шамсутдинова; Husniddin, Khusnutdin).
    private static func arabicDinFormant(_ word: [UInt8]) -> [UInt8] {
        guard word.count >= 6 else { return word }
        var out: [UInt8] = []
        out.reserveCapacity(word.count)
        var k = 0
        while k < word.count {
            // (i|u)(t)din, not at the start of the word.
            if k > 1, word[k] == ascii("i") || word[k] == ascii("u") {
                var m = k + 1
                if m < word.count, word[m] == ascii("t") { m += 1 }
                if m + 2 < word.count, word[m] == ascii("d"), word[m + 1] == ascii("i"), word[m + 2] == ascii("n") {
                    out.append(contentsOf: [ascii("i"), ascii("d"), ascii("i"), ascii("n")])
                    k = m + 3
                    continue
                }
            }
            out.append(word[k])
            k += 1
        }
        return out
    }

    /// Renders canonical bytes as lowercase Latin text, spelling the
    /// placeholders out again (`S` → sh, `C` → ch, `c` → ts).
    static func render(_ canonical: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(canonical.count + 4)
        for c in canonical {
            switch c {
            case sh: out.append(contentsOf: [ascii("s"), ascii("h")])
            case ch: out.append(contentsOf: [ascii("c"), ascii("h")])
            case ascii("c"): out.append(contentsOf: [ascii("t"), ascii("s")])
            default: out.append(c)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `c` is a vowel letter in the canonical alphabet (`y` is not).
    static func isVowel(_ c: UInt8) -> Bool {
        switch c {
        case ascii("a"), ascii("e"), ascii("i"), ascii("o"), ascii("u"): return true
        default: return false
        }
    }

    /// The ending that marks a Russian-style surname's sex, if any:
    /// -ova/-eva (female), -ov/-ev (male), -skaya, -skiy/-ski.
    ///
    /// Returns the stem without the ending and the sex it implies, e.g.
    /// `karimova` → (`karim`, .female). Stems shorter than three letters are
    /// left alone (Lev, Yakov keep their endings).
    static func surnameEnding(_ word: [UInt8]) -> (stem: [UInt8], sex: Sex)? {
        for (suffix, sex) in surnameEndings where word.count >= suffix.count + 3 && word.ends(with: suffix) {
            return (Array(word.dropLast(suffix.count)), sex)
        }
        return nil
    }

    /// The ending of a Russian-style patronymic (-ovich, -evich, -ovna,
    /// -evna, -ichna), with the father's name left over.
    ///
    /// For example `rustamovna` → (`rustam`, .female).
    static func patronymicEnding(_ word: [UInt8]) -> (stem: [UInt8], sex: Sex)? {
        for (suffix, sex) in patronymicEndings where word.count >= suffix.count + 2 && word.ends(with: suffix) {
            return (Array(word.dropLast(suffix.count)), sex)
        }
        return nil
    }

    /// An affectionate ending that people add to or drop from Uzbek given
    /// names: -jon, -xon (Gʻulomjon / Gʻulom, Gulnoraxon / Gulnora).
    static func endearment(_ word: [UInt8]) -> [UInt8]? {
        for suffix in endearments where word.count >= suffix.count + 3 && word.ends(with: suffix) {
            return Array(word.dropLast(suffix.count))
        }
        return nil
    }

    private static let surnameEndings: [([UInt8], Sex)] = [
        (Array("skaya".utf8), .female), (Array("ova".utf8), .female), (Array("eva".utf8), .female),
        (Array("ski".utf8), .male), (Array("ov".utf8), .male), (Array("ev".utf8), .male),
    ]

    private static let patronymicEndings: [([UInt8], Sex)] = [
        (Array("oviC".utf8), .male), (Array("eviC".utf8), .male),
        (Array("ovna".utf8), .female), (Array("evna".utf8), .female), (Array("iCna".utf8), .female),
    ]

    private static let endearments: [[UInt8]] = [Array("jon".utf8), Array("xon".utf8)]
}
