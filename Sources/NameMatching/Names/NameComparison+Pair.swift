extension NameComparison {
    /// One pair of corresponding words: indices into each name's `items`
    /// (the words, then the patronymic), and how alike the words are.
    ///
    /// For example, "Gulnora Karimova" against "Karimova Gulnora" pairs
    /// `Pair(a: 0, b: 1, similarity: 1)` and `Pair(a: 1, b: 0, similarity: 1)`.
    struct Pair: Sendable, Hashable {
        var a: Int
        var b: Int
        var similarity: Double
    }
}
