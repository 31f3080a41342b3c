/// A weighted Damerau–Levenshtein distance between canonical words in which
/// the substitutions that transliteration produces are cheap.
///
/// Substituting letters that stand for the same sound in another spelling
/// tradition costs little (o ↔ a 0.2 for Uzbek o / Russian а, o ↔ u 0.25 for
/// oʻ / у, o ↔ e 0.5 for Kyrgyz ө, a ↔ e 0.5 for Ahmad / Ахмед, x ↔ h 0.2, q ↔ k 0.1, y ↔ i 0.1, ts ↔ s
/// 0.3, Russian yo ↔ e 0.3 for ё / е); other substitutions cost 0.8
/// (vowels) or 1. Inserting or deleting a vowel costs 0.6, `y` 0.3, `h` 0.4;
/// swapping two neighbours costs 0.7.
///
/// For example:
/// ```swift
/// SpellingDistance.similarity(Array("rahmonov".utf8), Array("raxmanov".utf8)) // 0.95
/// SpellingDistance.similarity(Array("dilnoza".utf8), Array("nilufar".utf8))   // < 0.5
/// ```
enum SpellingDistance {
    /// `1 − distance / longer length`, clamped to 0…1.
    static func similarity(_ a: [UInt8], _ b: [UInt8]) -> Double {
        if a == b { return 1 }
        let longer = max(a.count, b.count)
        guard longer > 0 else { return 1 }
        return max(0, 1 - distance(a, b) / Double(longer))
    }

    /// The weighted optimal-string-alignment distance between `a` and `b`.
    static func distance(_ a: [UInt8], _ b: [UInt8]) -> Double {
        let n = a.count, m = b.count
        if n == 0 { return b.reduce(0) { $0 + Double(indel[Int($1 & 0x7F)]) } }
        if m == 0 { return a.reduce(0) { $0 + Double(indel[Int($1 & 0x7F)]) } }
        let width = m + 1
        let e = Int(ascii("e")), o = Int(ascii("o")), y = ascii("y")
        return withUnsafeTemporaryAllocation(of: Float.self, capacity: (n + 1) * width) { d in
            substitution.withUnsafeBufferPointer { sub in
                indel.withUnsafeBufferPointer { ins in
                    d[0] = 0
                    for j in 1...m { d[j] = d[j - 1] + ins[Int(b[j - 1] & 0x7F)] }
                    for i in 1...n {
                        let ai = Int(a[i - 1] & 0x7F)
                        let row = i * width, up = row - width
                        d[row] = d[up] + ins[ai]
                        for j in 1...m {
                            let bj = Int(b[j - 1] & 0x7F)
                            var best = d[up + j - 1] + (ai == bj ? 0 : sub[ai << 7 | bj])
                            best = min(best, d[up + j] + ins[ai])
                            best = min(best, d[row + j - 1] + ins[bj])
                            if i > 1, j > 1, ai == Int(b[j - 2] & 0x7F), Int(a[i - 2] & 0x7F) == bj, ai != bj {
                                best = min(best, d[up - width + j - 2] + 0.7)
                            }
                            // Russian ё written е: Fyodorova / Fedorova, Semyon / Semen.
                            if bj == e, i > 1, ai == o, a[i - 2] == y {
                                best = min(best, d[up - width + j - 1] + 0.3)
                            }
                            if ai == e, j > 1, bj == o, b[j - 2] == y {
                                best = min(best, d[up + j - 2] + 0.3)
                            }
                            d[row + j] = best
                        }
                    }
                    return Double(d[n * width + m])
                }
            }
        }
    }

    /// Cost of inserting or deleting each ASCII byte.
    private static let indel: [Float] = {
        var table = [Float](repeating: 1, count: 128)
        for v in "aeiou".utf8 { table[Int(v)] = 0.6 }
        table[Int(ascii("y"))] = 0.3
        table[Int(ascii("h"))] = 0.4
        return table
    }()

    /// Cost of substituting one ASCII byte for another, indexed `a << 7 | b`.
    private static let substitution: [Float] = {
        var table = [Float](repeating: 1, count: 128 * 128)
        func set(_ pairs: String, _ cost: Float) {
            let letters = Array(pairs.utf8)
            for x in letters {
                for y in letters where x != y {
                    table[Int(x) << 7 | Int(y)] = cost
                }
            }
        }
        set("aeiouy", 0.8)
        set("ao", 0.2); set("ou", 0.25); set("ei", 0.4); set("iy", 0.1)
        set("ey", 0.4); set("ae", 0.5); set("uy", 0.6); set("oe", 0.5)
        set("xh", 0.2); set("kq", 0.1); set("xq", 0.5); set("xk", 0.5)
        set("gh", 0.5); set("gq", 0.6); set("gk", 0.6); set("hk", 0.7)
        set("sc", 0.3); set("sz", 0.5); set("sS", 0.6); set("SC", 0.6)
        set("cC", 0.5); set("jC", 0.7); set("jz", 0.7); set("jy", 0.5)
        set("bp", 0.5); set("dt", 0.5); set("vf", 0.6); set("vb", 0.7)
        set("nm", 0.8); set("lr", 0.8)
        return table
    }()
}
