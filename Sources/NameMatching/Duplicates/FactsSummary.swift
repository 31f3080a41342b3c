/// The facts of one person packed into a few machine words, so that
/// ``DuplicateFinder`` can rule out most pairs in a block without reading
/// names.
///
/// ``upperBound(_:_:)`` is the highest evidence total two people could
/// reach if every name word agreed: namesakes born twenty years apart, of
/// another sex or with other phones in other regions fall below the score
/// asked for and are never compared in full.
///
/// For example, for Gulnora Karimova born 1987 and Gulnora Karimova born
/// 1967 the bound is −6 + 10 − 8 = −4, below the possible threshold.
struct FactsSummary: Sendable {
    /// The birth year, 0 when not stated.
    var birthYear: Int32
    /// 0 not stated, 1 female, 2 male.
    var sex: UInt8
    /// The most words a name of this person has.
    var nameWords: UInt8
    var hasLocality: Bool
    /// A hash of the national phone number, 0 when none.
    var phone: UInt64
    /// A hash of the region code, 0 when none.
    var region: UInt64

    init(_ person: PreparedPerson) {
        birthYear = Int32(clamping: person.birthYear ?? 0)
        sex = person.sex == .female ? 1 : person.sex == .male ? 2 : 0
        nameWords = UInt8(clamping: person.names.filter { !$0.isEmpty }.map(\.items.count).max() ?? 0)
        hasLocality = !person.localityWords.isEmpty && person.locality != nil
        phone = person.phone.map { BlockingKeys.hash(kind: 4, Array($0.nationalNumber.utf8)) | 1 } ?? 0
        region = person.regionCode.map { BlockingKeys.hash(kind: 5, Array($0.utf8)) | 1 } ?? 0
    }

    /// A total that ``Evidence`` cannot exceed for these two people: the
    /// stated facts weighed as ``Evidence`` weighs them, locality counted as
    /// agreeing, and every name word as the same.
    static func upperBound(_ a: FactsSummary, _ b: FactsSummary) -> Double {
        var total = Evidence.prior + 5 * Double(min(a.nameWords, b.nameWords))
        if a.birthYear != 0 && b.birthYear != 0 { total += Evidence.birthYearWeight(Int(a.birthYear), Int(b.birthYear)) }
        if a.sex != 0 && b.sex != 0 { total += a.sex == b.sex ? 0.5 : -8 }
        if a.phone != 0 && b.phone != 0 { total += a.phone == b.phone ? 2.5 : -3 }
        if a.region != 0 && b.region != 0 { total += a.region == b.region ? 0.5 : -2 }
        if a.hasLocality && b.hasLocality { total += 1 }
        return total
    }
}
