extension DuplicateFinder {
    /// An indexed record that may be the person looked for.
    ///
    /// For example, `finder.matches(for: PersonFacts(name: "Гулнора Каримова")).first`
    /// might be `Match(id: 1, assessment: …)` with verdict `.samePerson`.
    public struct Match: Sendable, Hashable {
        public let id: Int64
        public let assessment: MatchAssessment

        public init(id: Int64, assessment: MatchAssessment) {
            self.id = id
            self.assessment = assessment
        }
    }
}
