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
/// | each name word | +5 (same), +3.5 (variant), 0 (typo?) | −10 (different word) |
/// | patronymic | +2 | −7 |
/// | birth year | +3.5 (±1: +0.5) | ±2: −1.5, 3–5: −5, more: −8 |
/// | sex | +0.5 | −8 (male/female given-name forms: −6) |
/// | phone | +2.5 (families share phones) | −2.5 |
/// | region | +0.5 | −2 |
/// | locality | +1 | −0.5 |
///
/// For example `Evidence(a, b, explain: true).reasons` might be
/// `["same name across scripts (Гулнора Каримова = Gulnora Karimova)", "same birth year 1987"]`.
struct Evidence: Sendable {
    static let prior = -6.0

    /// The summed weight, prior included.
    private(set) var total = Evidence.prior
    private var explained: [(weight: Double, text: String)] = []

    /// The score: the logistic function of ``total``.
    var score: Double { 1 / (1 + exp(-total)) }

    /// The reasons, strongest first (only when built with `explain: true`).
    var reasons: [String] {
        explained.enumerated()
            .sorted { abs($0.element.weight) != abs($1.element.weight) ? abs($0.element.weight) > abs($1.element.weight) : $0.offset < $1.offset }
            .map(\.element.text)
    }

    init(_ a: PreparedPerson, _ b: PreparedPerson, explain: Bool) {
        // Names: the best of the name and the alternate name on each side.
        var best: (comparison: NameComparison, i: Int, j: Int)? = nil
        for i in a.names.indices {
            for j in b.names.indices {
                let c = NameComparison(a.names[i], b.names[j])
                if best == nil || c.weight > best!.comparison.weight { best = (c, i, j) }
            }
        }
        let nameA = a.names[best?.i ?? 0], nameB = b.names[best?.j ?? 0]
        if let best, !nameA.isEmpty, !nameB.isEmpty {
            weighNames(best.comparison, nameA, nameB, usedAlternate: best.i > 0 || best.j > 0, explain: explain)
        }
        weighSex(a, b, nameA, nameB, names: best?.comparison, explain: explain)
        weighBirthYears(a.birthYear, b.birthYear, explain: explain)
        if let p = a.phone, let q = b.phone {
            if p.isSameLine(as: q) {
                add(2.5, explain, "same phone \(p.countryCode != nil ? p : q)")
            } else {
                add(-2.5, explain, "different phones (\(p), \(q))")
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
        if explain { explained.append((weight, text())) }
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
            explained.append((c.weight, "same name\(acrossScripts) (\(both))"))
        } else if c.isAgreement {
            explained.append((c.weight, "similar names\(acrossScripts) (\(a.text) ≈ \(b.text))"))
        } else if c.pairs.isEmpty {
            explained.append((c.weight, "different names (\(a.text) ≠ \(b.text))"))
        } else {
            let shared = c.pairs.map { "\(item(a, $0.a).display) = \(item(b, $0.b).display)" }.joined(separator: ", ")
            explained.append((5, "shared name word (\(shared))"))
            if let (i, j) = c.firstDisagreement {
                explained.append((c.weight - 5, "different name words (\(a.tokens[i].display) ≠ \(b.tokens[j].display))"))
            }
        }
        if usedAlternate { explained.append((0.1, "matched on an alternate name")) }
        if c.extraWords > 0 && c.disagreements == 0 { explained.append((-1.5, "a name word appears in one record only")) }
        if c.wordOrderDiffers { explained.append((0, "word order differs")) }
        switch c.patronymics {
        case .same: explained.append((2, "same patronymic (\(a.patronymic!.display) = \(b.patronymic!.display))"))
        case .different: explained.append((-7, "different patronymics (\(a.patronymic!.display) ≠ \(b.patronymic!.display))"))
        case .onlyOne: explained.append((0, "patronymic in one record only (\((a.patronymic ?? b.patronymic)!.display))"))
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
        let gap = abs(ya - yb)
        switch gap {
        case 0: add(3.5, explain, "same birth year \(ya)")
        case 1: add(0.5, explain, "birth years differ by 1 (\(ya), \(yb))")
        case 2: add(-1.5, explain, "birth years differ by 2 (\(ya), \(yb))")
        default:
            if String(ya).sorted() == String(yb).sorted() {
                add(-2.5, explain, "birth years \(ya) and \(yb) may be transposed digits")
            } else {
                add(gap <= 5 ? -5 : -8, explain, "birth years differ by \(gap)")
            }
        }
    }
}
