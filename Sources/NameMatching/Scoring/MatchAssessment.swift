/// How likely two records are to describe one person, and why.
///
/// `score` is a probability-like number in 0…1 obtained by adding the
/// evidence weights of every fact the two records share (see
/// ``compare(_:_:)``); `verdict` cuts it at ``samePersonThreshold`` and
/// ``possibleThreshold``; `reasons` lists the facts in order of weight.
///
/// For example:
/// ```swift
/// let m = compare(PersonFacts(name: "Гулнора Каримова", birthYear: 1987),
///                 PersonFacts(name: "Karimova Gulnora", birthYear: 1987))
/// m.verdict  // .samePerson
/// m.reasons  // ["same name across scripts (Гулнора Каримова = Karimova Gulnora)",
///            //  "same birth year 1987", "word order differs"]
/// ```
public struct MatchAssessment: Sendable, Hashable {
    public let score: Double
    public let verdict: Verdict
    public let reasons: [String]

    /// The score from which two records are taken to be one person.
    public static let samePersonThreshold = 0.9
    /// The score from which a pair is worth showing to a person to decide.
    public static let possibleThreshold = 0.4

    public init(score: Double, reasons: [String]) {
        self.score = score
        self.verdict = score >= Self.samePersonThreshold ? .samePerson
            : score >= Self.possibleThreshold ? .possible : .different
        self.reasons = reasons
    }
}
