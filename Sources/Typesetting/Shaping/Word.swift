/// Units between two places where a line may break: the word itself, then the spaces after it.
struct Word {
    /// Units of the word, not counting the spaces after it; may be empty for spaces that open a paragraph.
    let content: Range<Int>
    /// Width of the content, in ems.
    let width: Double
    /// Width of the spaces after the content, in ems.
    let spaceWidth: Double
}
