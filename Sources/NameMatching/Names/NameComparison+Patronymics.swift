extension NameComparison {
    /// What the patronymics of two names say.
    ///
    /// For example, Rustamovna against Rustam qizi is `.same`, Alisherovich
    /// against Rustamovich is `.different`, and a patronymic in one name only
    /// is `.onlyOne`.
    enum Patronymics: Sendable, Hashable {
        /// Neither name has one.
        case neither
        /// One name has one; it does not count against the match.
        case onlyOne
        /// Both name the same father.
        case same
        /// Both have one and they do not correspond: different fathers.
        case different
        /// They correspond only weakly, or one stands for the other's surname.
        case inconclusive
    }
}
