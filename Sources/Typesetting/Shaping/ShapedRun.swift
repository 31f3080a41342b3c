/// A stretch of a paragraph drawn with one font, shaped into glyphs.
struct ShapedRun {
    let font: LoadedFont
    /// UTF-8 offsets within the paragraph.
    let bytes: Range<Int>
    /// In the order they are drawn, left to right.
    let glyphs: [ShapedGlyph]
    /// Right-to-left text: glyphs run from the last character to the first.
    let isBackward: Bool
}
