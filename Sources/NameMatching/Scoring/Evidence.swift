import Foundation

/// Weighs everything two prepared people have in common or in conflict.
///
/// Each shared fact adds its natural-log likelihood ratio, in the manner of
/// Fellegi and Sunter's record linkage: how much likelier the observation is
/// for two records of one person than for two records of different people.
/// The sum, starting from a prior of −6, goes through the logistic function
/// to give the score. Weights in use:
///
/// | fact | agrees | conflicts |
/// | --- | --- | --- |
/// | each name word | +5 (same; less for common words, see ``WordFrequencies``), +3 (variant), 0 (typo?) | −10 (different word) |
/// | patronymic | +2 | −7 |
/// | birth year | +3.5 (±1: +0.5) | ±2: −1.5, 3–5: −5, more: −8 |
/// | sex | +0.5 | −8 (male/female given-name forms: −6) |
/// | phone | +2.5 (families share phones) | −3 |
/// | region | +0.5 | −2 |
/// | locality | +1 | −0.5 |
///
/// For example `Evidence(a, b, explain: true).reasons` might be
/// `["same name across scripts (Гулнора Каримова = Gulnora Karimova)", "same birth year 1987"]`.
struct Evidence: Sendable {
    static let prior = -6.0

    /// The summed weight, prior included.
    private(set) var total = Evidence.prior
    /// Reasons with their weights, when explaining.
    private var explained: [Reason]? = nil

    /// The score: the logistic function of ``total``.
    var score: Double { 1 / (1 + exp(-total)) }

    /// The reasons, strongest first (only when built with `explain: true`).
    var reasons: [String] {
        (explained ?? []).enumerated()
            .sorted { abs($0.element.weight) != abs($1.element.weight) ? abs($0.element.weight) > abs($1.element.weight) : $0.offset < $1.offset }
            .map(\.element.text)
    }

    /// Weighs two people; `frequencies`, when given, lowers the weight of
    /// agreeing on common name words (see ``WordFrequencies``).
    init(_ a: PreparedPerson, _ b: PreparedPerson, explain: Bool, frequencies: WordFrequencies? = nil) {
        if explain { explained = [] }
        // Names: the best of the name and the alternate name on each side.
        var best: (comparison: NameComparison, i: Int, j: Int)? = nil
        for i in a.names.indices {
            for j in b.names.indices {
                let c = NameComparison(a.names[i], b.names[j], frequencies: frequencies)
                if best == nil || c.weight > best!.comparison.weight { best = (c, i, j) }
            }
        }
        let nameA = a.names[best?.i ?? 0], nameB = b.names[best?.j ?? 0]
        if let best, !nameA.isEmpty, !nameB.isEmpty {
            weighNames(best.comparison, nameA, nameB, usedAlternate: best.i > 0 || best.j > 0, explain: explain)
        }
        if a.nameNumbers != b.nameNumbers {
            let numbers = [a.nameNumbers, b.nameNumbers].map { $0.isEmpty ? "none" : $0.joined(separator: " ") }
            add(-12, explain, "different numbers in the names (\(numbers[0]), \(numbers[1]))")
        }
        weighSex(a, b, nameA, nameB, names: best?.comparison, explain: explain)
        weighFacts(a, b, explain: explain)
    }

    private init() {}

    /// Birth year, phone, region and locality.
    private mutating func weighFacts(_ a: PreparedPerson, _ b: PreparedPerson, explain: Bool) {
        weighBirthYears(a.birthYear, b.birthYear, explain: explain)
        if let p = a.phone, let q = b.phone {
            if p.isSameLine(as: q) {
                add(2.5, explain, "same phone \(p.countryCode != nil ? p : q)")
            } else {
                add(-3, explain, "different phones (\(p), \(q))")
            }
        }
        if let r = a.regionCode, let s = b.regionCode {
            if r == s { add(0.5, explain, "same region \(r)") } else { add(-2, explain, "different regions (\(r), \(s))") }
        }
        if !a.localityWords.isEmpty, !b.localityWords.isEmpty, let la = a.locality, let lb = b.locality {
            if !a.localityWords.isDisjoint(with: b.localityWords) {
                add(1, explain, la == lb ? "same locality (\(la))" : "same locality (\(la) = \(lb))")
            } else {
                add(-0.5, explain, "different localities (\(la), \(lb))")
            }
        }
    }

    private mutating func add(_ weight: Double, _ explain: Bool, _ text: @autoclosure () -> String) {
        total += weight
        if explain { explained?.append(Reason(weight: weight, text: text())) }
    }

    private mutating func weighNames(_ c: NameComparison, _ a: PreparedName, _ b: PreparedName, usedAlternate: Bool, explain: Bool) {
        total += c.weight
        guard explain else { return }
        func item(_ name: PreparedName, _ index: Int) -> NameToken {
            index < name.tokens.count ? name.tokens[index] : name.patronymic!
        }
        let acrossScripts = a.isCyrillic != b.isCyrillic ? " across scripts" : ""
        let both = a.text == b.text ? a.text : "\(a.text) = \(b.text)"
        if c.isFullAgreement {
            explained?.append(Reason(weight: c.weight, text: "same name\(acrossScripts) (\(both))"))
        } else if c.isAgreement {
            explained?.append(Reason(weight: c.weight, text: "similar names\(acrossScripts) (\(a.text) ≈ \(b.text))"))
        } else if c.pairs.isEmpty {
            explained?.append(Reason(weight: c.weight, text: "different names (\(a.text) ≠ \(b.text))"))
        } else {
            let shared = c.pairs.map { "\(item(a, $0.a).display) = \(item(b, $0.b).display)" }.joined(separator: ", ")
            explained?.append(Reason(weight: 5, text: "shared name word (\(shared))"))
            if let (i, j) = c.firstDisagreement {
                explained?.append(Reason(weight: c.weight - 5, text: "different name words (\(item(a, i).display) ≠ \(item(b, j).display))"))
            }
        }
        if !c.commonWords.isEmpty {
            let words = c.commonWords.map { item(a, $0.a).display }.joined(separator: ", ")
            explained?.append(Reason(weight: 0, text: "common name words weigh less (\(words))"))
        }
        if usedAlternate { explained?.append(Reason(weight: 0.1, text: "matched on an alternate name")) }
        if c.extraWords > 0 && c.disagreements == 0 { explained?.append(Reason(weight: -1.5, text: "a name word appears in one record only")) }
        if c.wordOrderDiffers { explained?.append(Reason(weight: 0, text: "word order differs")) }
        switch c.patronymics {
        case .same: explained?.append(Reason(weight: 2, text: "same patronymic (\(a.patronymic!.display) = \(b.patronymic!.display))"))
        case .different: explained?.append(Reason(weight: -7, text: "different patronymics (\(a.patronymic!.display) ≠ \(b.patronymic!.display))"))
        case .onlyOne: explained?.append(Reason(weight: 0, text: "patronymic in one record only (\((a.patronymic ?? b.patronymic)!.display))"))
        case .neither, .inconclusive: break
        }
    }

    private mutating func weighSex(_ a: PreparedPerson, _ b: PreparedPerson, _ nameA: PreparedName, _ nameB: PreparedName,
                                   names: NameComparison?, explain: Bool) {
        let stated = a.sex != nil && b.sex != nil
        let sexA = a.sex ?? nameA.impliedSex, sexB = b.sex ?? nameB.impliedSex
        if let sa = sexA, let sb = sexB, sa != sb {
            if stated {
                add(-8, explain, "different sex (\(sa.rawValue), \(sb.rawValue))")
            } else {
                add(-8, explain, "different sex (\(sa.rawValue) by “\(a.sex == nil ? nameA.text : sa.rawValue)”, \(sb.rawValue) by “\(b.sex == nil ? nameB.text : sb.rawValue)”)")
            }
            return
        }
        if stated, let ia = nameA.impliedSex, let ib = nameB.impliedSex, ia != ib {
            add(-1.5, explain, "name endings disagree on sex (\(nameA.text), \(nameB.text))")
        }
        // Nodir / Nodira, unless the records agree on the sex (Dilnoz / Dilnoza Karimova).
        if let pair = names?.maleAndFemaleForms, sexA == nil || sexA != sexB {
            let ta = nameA.tokens[pair.a].display, tb = nameB.tokens[pair.b].display
            add(-6, explain, "male and female forms of a name (\(ta), \(tb))")
            return
        }
        if stated, a.sex == b.sex {
            add(0.5, explain, "same sex (\(a.sex!.rawValue))")
        }
    }

    private mutating func weighBirthYears(_ ya: Int?, _ yb: Int?, explain: Bool) {
        guard let ya, let yb else { return }
        let weight = Self.birthYearWeight(ya, yb)
        let gap = abs(ya - yb)
        switch gap {
        case 0: add(weight, explain, "same birth year \(ya)")
        case 1, 2: add(weight, explain, "birth years differ by \(gap) (\(ya), \(yb))")
        default:
            if Self.sameDigits(ya, yb) {
                add(weight, explain, "birth years \(ya) and \(yb) may be transposed digits")
            } else {
                add(weight, explain, "birth years differ by \(gap)")
            }
        }
    }

    /// The weight of two stated birth years.
    static func birthYearWeight(_ ya: Int, _ yb: Int) -> Double {
        switch abs(ya - yb) {
        case 0: 3.5
        case 1: 0.5
        case 2: -1.5
        case let gap: sameDigits(ya, yb) ? -2.5 : gap <= 5 ? -5 : -8
        }
    }

    /// Whether two years are written with the same digits (1987, 1978).
    private static func sameDigits(_ x: Int, _ y: Int) -> Bool {
        guard x > 0, y > 0 else { return false }
        // Digit counts as 6-bit fields of one integer.
        func counts(_ n: Int) -> UInt64 {
            var n = n, c: UInt64 = 0
            while n > 0 { c &+= 1 << (6 * UInt64(n % 10)); n /= 10 }
            return c
        }
        return counts(x) == counts(y)
    }
}
