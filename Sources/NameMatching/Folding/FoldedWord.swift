/// One word of a name as typed and as lowercase ASCII Latin.
///
/// For example, `ScriptFolding.words("Ўринбоев")` gives
/// `FoldedWord(original: "Ўринбоев", latin: "orinboyev", isCyrillic: true)`.
struct FoldedWord: Sendable, Hashable {
    /// The word as typed, without surrounding punctuation.
    var original: String
    /// The word folded to lowercase ASCII Latin, apostrophes removed.
    var latin: String
    /// Whether any letter of the word was Cyrillic.
    var isCyrillic: Bool
}
