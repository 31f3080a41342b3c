/// A stretch of a paragraph drawn with one font, shaped into glyphs.
struct ShapedRun {
    let font: LoadedFont
    /// UTF-8 offsets within the paragraph.
    let bytes: Range<Int>
    /// In the order they are drawn, left to right.
    let glyphs: [ShapedGlyph]
    /// Right-to-left text: glyphs run from the last character to the first.
    let isBackward: Bool

    init(font: LoadedFont, bytes: Range<Int>, glyphs: [ShapedGlyph], isBackward: Bool) {
        self.font = font
        self.bytes = bytes
        self.isBackward = isBackward
        // Each cluster draws the bytes from its start to the next cluster's start in text order; the
        // first also draws any bytes before it (such as invisible characters HarfBuzz removed).
        let starts = Set(glyphs.map(\.cluster)).sorted()
        var byteCounts: [Int: Int] = [:]
        for (index, start) in starts.enumerated() {
            let from = index == 0 ? bytes.lowerBound : start
            byteCounts[start] = (index + 1 < starts.count ? starts[index + 1] : bytes.upperBound) - from
        }
        self.glyphs = glyphs.map { glyph in
            var glyph = glyph
            glyph.clusterBytes = byteCounts[glyph.cluster] ?? 0
            return glyph
        }
    }
}
