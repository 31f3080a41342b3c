/// A stretch of a paragraph drawn with one font, shaped into glyphs.
struct ShapedRun {
    let font: LoadedFont
    /// UTF-8 offsets within the paragraph.
    let bytes: Range<Int>
    /// In the order they are drawn, left to right.
    let glyphs: [ShapedGlyph]
    /// The bytes each cluster draws, in text order: from its start to the next cluster's start.
    ///
    /// The first cluster also draws any bytes before it, such as invisible characters HarfBuzz removed.
    /// A cluster is the smallest piece of text a line may break around, and the unit of cairo's cluster map.
    let clusters: [Range<Int>]
    /// Right-to-left text: glyphs run from the last character to the first.
    let isBackward: Bool

    init(font: LoadedFont, bytes: Range<Int>, glyphs: [ShapedGlyph], isBackward: Bool) {
        self.font = font
        self.bytes = bytes
        self.isBackward = isBackward
        let starts = Set(glyphs.map(\.cluster)).sorted()
        clusters = starts.isEmpty ? [bytes] : starts.indices.map { index in
            (index == 0 ? bytes.lowerBound : starts[index])..<(index + 1 < starts.count ? starts[index + 1] : bytes.upperBound)
        }
        let indices = Dictionary(uniqueKeysWithValues: starts.enumerated().map { ($1, $0) })
        self.glyphs = glyphs.map { glyph in
            var glyph = glyph
            glyph.clusterIndex = indices[glyph.cluster]!
            return glyph
        }
    }
}
