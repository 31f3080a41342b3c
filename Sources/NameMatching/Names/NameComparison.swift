/// How two names relate: which words correspond, which disagree, whether the
/// word order or the patronymic differs, and the evidence weight of it all.
///
/// Words are paired by the best assignment regardless of position, so
/// "Karimova Gulnora Rustamovna" and "Gulnora Karimova" pair Karimova with
/// Karimova and Gulnora with Gulnora, note the changed order and the
/// patronymic present in only one, and weigh as a full agreement.
///
/// For example:
/// ```swift
/// let c = NameComparison(PreparedName("Гулнора Каримова"), PreparedName("Karimova Gulnora"))
/// c.isFullAgreement   // true
/// c.wordOrderDiffers  // true
/// ```
struct NameComparison: Sendable {
    /// One pair of corresponding words: indices into `tokens`, where the
    /// index `tokens.count` stands for the patronymic.
    struct Pair: Sendable, Hashable {
        var a: Int
        var b: Int
        var similarity: Double
    }

    /// What the patronymics say.
    enum Patronymics: Sendable, Hashable {
        case neither, onlyOne, same, different, inconclusive
    }

    var pairs: [Pair] = []
    /// A pair of non-corresponding words, one from each name, if any.
    var firstDisagreement: (a: Int, b: Int)? = nil
    var disagreements = 0
    var extraWords = 0
    var wordOrderDiffers = false
    var patronymics = Patronymics.neither
    /// Corresponding given names in male and female form (Nodir / Nodira).
    var maleAndFemaleForms: Pair? = nil
    /// The evidence weight of the names (natural-log likelihood ratio).
    var weight: Double = 0

    /// Whether every word found its counterpart at ``sameWordSimilarity`` or
    /// better, with nothing left over.
    var isFullAgreement: Bool {
        disagreements == 0 && extraWords == 0 && !pairs.isEmpty && pairs.allSatisfy { $0.similarity >= Self.sameWordSimilarity }
    }

    /// Whether no word disagrees and at least one corresponds.
    var isAgreement: Bool { disagreements == 0 && !pairs.isEmpty }

    static let sameWordSimilarity = 0.95
    /// Below this, two words are not paired at all.
    static let pairingSimilarity = 0.7

    init(_ a: PreparedName, _ b: PreparedName) {
        guard !a.isEmpty, !b.isEmpty else { return }
        let itemsA = a.tokens + (a.patronymic.map { [$0] } ?? [])
        let itemsB = b.tokens + (b.patronymic.map { [$0] } ?? [])
        let nA = itemsA.count, nB = itemsB.count
        let patA = a.patronymic == nil ? -1 : a.tokens.count
        let patB = b.patronymic == nil ? -1 : b.tokens.count

        var sim = [Double](repeating: 0, count: nA * nB)
        for i in 0..<nA {
            for j in 0..<nB {
                // A patronymic never stands for a given name; it may stand
                // for the surname (Nurlan uulu Bakyt / Bakyt Nurlanov).
                sim[i * nB + j] = NameToken.similarity(itemsA[i], itemsB[j])
            }
        }

        let assignment = Self.bestAssignment(nA: nA, nB: nB, sim: sim)
        var matchedA = [Bool](repeating: false, count: nA)
        var matchedB = [Bool](repeating: false, count: nB)
        for (i, j) in assignment.enumerated() where j >= 0 {
            pairs.append(Pair(a: i, b: j, similarity: sim[i * nB + j]))
            matchedA[i] = true
            matchedB[j] = true
        }

        let bothFull = a.tokens.count >= 2 && b.tokens.count >= 2
        for pair in pairs {
            let isPatA = pair.a == patA, isPatB = pair.b == patB
            let tokenA = itemsA[pair.a], tokenB = itemsB[pair.b]
            if tokenA.isInitial || tokenB.isInitial {
                weight += 1
            } else if isPatA && isPatB {
                weight += Self.wordWeight(pair.similarity) * (bothFull ? 0.4 : 1)
            } else if isPatA || isPatB {
                weight += Self.wordWeight(pair.similarity) * 0.8
            } else {
                weight += Self.wordWeight(pair.similarity)
                if maleAndFemaleForms == nil, NameToken.areMaleAndFemaleForms(tokenA, tokenB) {
                    maleAndFemaleForms = pair
                }
            }
        }

        let unmatchedA = (0..<a.tokens.count).filter { !matchedA[$0] && !itemsA[$0].isInitial }
        let unmatchedB = (0..<b.tokens.count).filter { !matchedB[$0] && !itemsB[$0].isInitial }
        disagreements = min(unmatchedA.count, unmatchedB.count)
        extraWords = max(unmatchedA.count, unmatchedB.count) - disagreements
        if let i = unmatchedA.first, let j = unmatchedB.first { firstDisagreement = (i, j) }
        weight -= 10 * Double(disagreements) + 1.5 * Double(extraWords)

        switch (patA >= 0, patB >= 0) {
        case (false, false):
            patronymics = .neither
        case (true, true):
            if matchedA[patA] && matchedB[patB] && assignment[patA] == patB {
                patronymics = pairs.first { $0.a == patA }!.similarity >= 0.88 ? .same : .inconclusive
            } else if !matchedA[patA] && !matchedB[patB] {
                patronymics = .different
                weight -= 7
            } else {
                patronymics = .inconclusive
            }
        default:
            patronymics = .onlyOne
        }

        let corePairs = pairs.filter { $0.a < a.tokens.count && $0.b < b.tokens.count }.sorted { $0.a < $1.a }
        wordOrderDiffers = zip(corePairs, corePairs.dropFirst()).contains { $0.b > $1.b }
    }

    /// Evidence weight of one pair of corresponding words: +5 for the same
    /// word, +3 at similarity 0.9 (a variant or a typo in a long word), 0 at
    /// 0.85, −2 at 0.8 (one real letter apart in a short word: Munisa and
    /// Munira are usually two people), −6 at 0.7.
    static func wordWeight(_ s: Double) -> Double {
        let points: [(Double, Double)] = [(0.7, -6), (0.75, -3.5), (0.8, -2), (0.85, 0), (0.9, 3), (0.95, 4.5), (1, 5)]
        if s <= points[0].0 { return points[0].1 }
        for (p, q) in zip(points, points.dropFirst()) where s <= q.0 {
            return p.1 + (s - p.0) / (q.0 - p.0) * (q.1 - p.1)
        }
        return points.last!.1
    }

    /// The pairing of items (index in B for each item of A, or −1) that
    /// maximises the summed similarity over pairs at ``pairingSimilarity``
    /// or above; ties keep the typed order.
    private static func bestAssignment(nA: Int, nB: Int, sim: [Double]) -> [Int] {
        var best = [Int](repeating: -1, count: nA)
        var bestScore = -1.0
        var current = [Int](repeating: -1, count: nA)
        if nA > 6 || nB > 6 {
            // Long names are rare: pair greedily, best similarity first.
            var order: [(Int, Int, Double)] = []
            for i in 0..<nA { for j in 0..<nB where sim[i * nB + j] >= pairingSimilarity { order.append((i, j, sim[i * nB + j])) } }
            order.sort { $0.2 > $1.2 }
            var usedB = Set<Int>()
            for (i, j, _) in order where best[i] < 0 && !usedB.contains(j) {
                best[i] = j
                usedB.insert(j)
            }
            return best
        }
        func search(_ i: Int, _ used: UInt32, _ score: Double) {
            if i == nA {
                if score > bestScore + 1e-9 {
                    bestScore = score
                    best = current
                }
                return
            }
            for j in 0..<nB where used & (1 << j) == 0 {
                let s = sim[i * nB + j]
                guard s >= pairingSimilarity else { continue }
                current[i] = j
                search(i + 1, used | (1 << j), score + s)
            }
            current[i] = -1
            search(i + 1, used, score)
        }
        search(0, 0, 0)
        return best
    }
}
