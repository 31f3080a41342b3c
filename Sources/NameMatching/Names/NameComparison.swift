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
    var pairs: [Pair] = []
    /// A pair of non-corresponding words, one from each name, if any.
    var firstDisagreement: (a: Int, b: Int)? = nil
    var disagreements = 0
    var extraWords = 0
    var wordOrderDiffers = false
    var patronymics = Patronymics.neither
    /// Corresponding given names in male and female form (Nodir / Nodira).
    var maleAndFemaleForms: Pair? = nil
    /// Pairs whose agreement weighed less because the words are common.
    var commonWords: [Pair] = []
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

    /// Compares two names; `frequencies`, when given, lowers the weight of
    /// agreeing on common words.
    init(_ a: PreparedName, _ b: PreparedName, frequencies: WordFrequencies? = nil) {
        guard !a.isEmpty, !b.isEmpty else { return }
        // Words past the sixteenth are not paired (no real name has them).
        let itemsA = a.items, itemsB = b.items
        let nA = min(itemsA.count, Self.maximumWords), nB = min(itemsB.count, Self.maximumWords)
        let patA = a.patronymic == nil ? -1 : a.tokens.count
        let patB = b.patronymic == nil ? -1 : b.tokens.count
        var matchedA: UInt32 = 0, matchedB: UInt32 = 0
        pairs.reserveCapacity(min(nA, nB))

        withUnsafeTemporaryAllocation(of: Double.self, capacity: nA * nB) { sim in
            for i in 0..<nA {
                for j in 0..<nB {
                    // A patronymic may stand for the surname (Nurlan uulu
                    // Bakyt / Bakyt Nurlanov).
                    sim[i * nB + j] = NameToken.similarity(itemsA[i], itemsB[j])
                }
            }
            withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * nA) { buffer in
                let current = UnsafeMutableBufferPointer(rebasing: buffer[0..<nA])
                let best = UnsafeMutableBufferPointer(rebasing: buffer[nA..<(2 * nA)])
                current.initialize(repeating: -1)
                best.initialize(repeating: -1)
                var bestScore = -1.0
                Self.search(0, 0, 0, nA: nA, nB: nB, sim: UnsafeBufferPointer(sim), current: current, best: best, bestScore: &bestScore)
                for i in 0..<nA where best[i] >= 0 {
                    pairs.append(Pair(a: i, b: best[i], similarity: sim[i * nB + best[i]]))
                    matchedA |= 1 << i
                    matchedB |= 1 << best[i]
                }
            }
        }

        let bothFull = a.tokens.count >= 2 && b.tokens.count >= 2
        var patronymicPair: Pair? = nil
        for pair in pairs {
            let isPatA = pair.a == patA, isPatB = pair.b == patB
            let tokenA = itemsA[pair.a], tokenB = itemsB[pair.b]
            var word = Self.wordWeight(pair.similarity)
            if word > 0, let frequencies {
                let most = frequencies.agreementWeight(tokenA, tokenB)
                if most < 5 {
                    word *= most / 5
                    commonWords.append(pair)
                }
            }
            if tokenA.isInitial || tokenB.isInitial {
                weight += 1
            } else if isPatA && isPatB {
                weight += word * (bothFull ? 0.4 : 1)
                patronymicPair = pair
            } else if isPatA || isPatB {
                weight += word * 0.8
            } else {
                weight += word
                if maleAndFemaleForms == nil, NameToken.areMaleAndFemaleForms(tokenA, tokenB) {
                    maleAndFemaleForms = pair
                }
            }
        }

        var unmatchedA = 0, unmatchedB = 0, firstA = -1, firstB = -1
        for i in 0..<min(a.tokens.count, nA) where matchedA & (1 << i) == 0 && !itemsA[i].isInitial {
            unmatchedA += 1
            if firstA < 0 { firstA = i }
        }
        for j in 0..<min(b.tokens.count, nB) where matchedB & (1 << j) == 0 && !itemsB[j].isInitial {
            unmatchedB += 1
            if firstB < 0 { firstB = j }
        }
        // An initial left over may stand for a word the other name leaves out, but one facing a word the other
        // name has left over (an initial, a word or the patronymic) is a different word: Karimova A. Gulnora is not
        // Karimova B. Gulnora, nor Karimova Gulnora Rustamovna.
        var initialsA: [Int] = [], initialsB: [Int] = []
        for i in 0..<min(a.tokens.count, nA) where matchedA & (1 << i) == 0 && itemsA[i].isInitial { initialsA.append(i) }
        for j in 0..<min(b.tokens.count, nB) where matchedB & (1 << j) == 0 && itemsB[j].isInitial { initialsB.append(j) }
        var wordsA = unmatchedA, wordsB = unmatchedB
        var patronymicA = patA >= 0 && patA < nA && matchedA & (1 << patA) == 0 ? 1 : 0
        var patronymicB = patB >= 0 && patB < nB && matchedB & (1 << patB) == 0 ? 1 : 0
        let bothInitials = min(initialsA.count, initialsB.count)
        /// Takes up to `count` left-over words, then the patronymic, as faced by initials; returns how many it took.
        func face(_ count: Int, _ words: inout Int, _ patronymic: inout Int) -> Int {
            let fromWords = min(count, words)
            words -= fromWords
            let fromPatronymic = min(count - fromWords, patronymic)
            patronymic -= fromPatronymic
            return fromWords + fromPatronymic
        }
        let initialClashes = bothInitials + face(initialsA.count - bothInitials, &wordsB, &patronymicB)
            + face(initialsB.count - bothInitials, &wordsA, &patronymicA)
        disagreements = min(wordsA, wordsB) + initialClashes
        extraWords = max(wordsA, wordsB) - min(wordsA, wordsB)
        if firstA >= 0, firstB >= 0 {
            firstDisagreement = (firstA, firstB)
        } else if initialClashes > 0 {
            firstDisagreement = (initialsA.first ?? (firstA >= 0 ? firstA : patA), initialsB.first ?? (firstB >= 0 ? firstB : patB))
        }
        weight -= 10 * Double(disagreements) + 1.5 * Double(extraWords)

        switch (patA >= 0 && patA < nA, patB >= 0 && patB < nB) {
        case (false, false):
            patronymics = .neither
        case (true, true):
            if let patronymicPair {
                patronymics = patronymicPair.similarity >= 0.88 ? .same : .inconclusive
            } else if matchedA & (1 << patA) == 0 && matchedB & (1 << patB) == 0 {
                patronymics = .different
                weight -= 7
            } else {
                patronymics = .inconclusive
            }
        default:
            patronymics = .onlyOne
        }

        // `pairs` is in A's order; B's indices of the name words must rise.
        var lastB = -1
        for pair in pairs where pair.a != patA && pair.b != patB {
            if pair.b < lastB { wordOrderDiffers = true }
            lastB = pair.b
        }
    }

    /// The most words of one name that are paired.
    static let maximumWords = 16

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

    /// Finds the pairing of items (index in B for each item of A, or −1)
    /// that maximises the summed similarity over pairs at
    /// ``pairingSimilarity`` or above; ties keep the typed order. Long names
    /// are paired greedily, best similarity first.
    private static func search(
        _ i: Int, _ used: UInt32, _ score: Double, nA: Int, nB: Int, sim: UnsafeBufferPointer<Double>,
        current: UnsafeMutableBufferPointer<Int>, best: UnsafeMutableBufferPointer<Int>, bestScore: inout Double
    ) {
        if nA > 6 || nB > 6 {
            var taken: UInt32 = 0
            while true {
                var top = (i: -1, j: -1, s: pairingSimilarity)
                for x in 0..<nA where best[x] < 0 {
                    for y in 0..<nB where taken & (1 << y) == 0 && sim[x * nB + y] >= top.s && (top.i < 0 || sim[x * nB + y] > top.s) {
                        top = (x, y, sim[x * nB + y])
                    }
                }
                guard top.i >= 0 else { return }
                best[top.i] = top.j
                taken |= 1 << top.j
            }
        }
        if i == nA {
            if score > bestScore + 1e-9 {
                bestScore = score
                for k in 0..<nA { best[k] = current[k] }
            }
            return
        }
        for j in 0..<nB where used & (1 << j) == 0 {
            let s = sim[i * nB + j]
            guard s >= pairingSimilarity else { continue }
            current[i] = j
            search(i + 1, used | (1 << j), score + s, nA: nA, nB: nB, sim: sim, current: current, best: best, bestScore: &bestScore)
        }
        current[i] = -1
        search(i + 1, used, score, nA: nA, nB: nB, sim: sim, current: current, best: best, bestScore: &bestScore)
    }
}
