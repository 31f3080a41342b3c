extension DuplicateFinder {
    /// Two indexed records that may be one person.
    ///
    /// For example `Candidate(idA: 1, idB: 2, assessment: …)` where
    /// `assessment.reasons.first` is "same name across scripts (Gulnora Karimova = Каримова Гулнора)".
    public struct Candidate: Sendable, Hashable {
        public let idA: Int64
        public let idB: Int64
        public let assessment: MatchAssessment

        public init(idA: Int64, idB: Int64, assessment: MatchAssessment) {
            self.idA = idA
            self.idB = idB
            self.assessment = assessment
        }
    }
}
