extension MatchAssessment {
    /// The decision a score leads to.
    ///
    /// For example, a coordinator's screen lists `.possible` pairs for a
    /// person to confirm and merges `.samePerson` pairs after a glance.
    public enum Verdict: String, Sendable, Hashable, Codable {
        /// Almost certainly one person.
        case samePerson
        /// Worth a person's look.
        case possible
        /// Two people.
        case different
    }
}
