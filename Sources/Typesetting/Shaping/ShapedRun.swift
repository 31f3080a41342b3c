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
        let starts = Self.clusterStarts(of: glyphs)
        clusters = starts.isEmpty ? [bytes] : starts.indices.map { index in
            (index == 0 ? bytes.lowerBound : starts[index])..<(index + 1 < starts.count ? starts[index + 1] : bytes.upperBound)
        }
        self.glyphs = glyphs.map { glyph in
            var glyph = glyph
            glyph.clusterIndex = Self.position(of: glyph.cluster, in: starts)
            return glyph
        }
    }

    private init(font: LoadedFont, bytes: Range<Int>, glyphs: [ShapedGlyph], clusters: [Range<Int>], isBackward: Bool) {
        self.font = font
        self.bytes = bytes
        self.glyphs = glyphs
        self.clusters = clusters
        self.isBackward = isBackward
    }

    /// The same run drawn with `font`, which must be the same font file.
    func withFont(_ font: LoadedFont) -> ShapedRun {
        precondition(font.file == self.font.file, "A shaped run can only change to the same font file.")
        return ShapedRun(font: font, bytes: bytes, glyphs: glyphs, clusters: clusters, isBackward: isBackward)
    }

    /// Each glyph's cluster once, in text order. HarfBuzz gives them in order, or in reverse for right-to-left
    /// text, so sorting them costs a pass; a set and a dictionary cost more than the rest of laying out a name.
    private static func clusterStarts(of glyphs: [ShapedGlyph]) -> [Int] {
        var clusters = glyphs.map(\.cluster)
        if clusters.first ?? 0 > clusters.last ?? 0 { clusters.reverse() }
        clusters.sort()
        var starts: [Int] = []
        starts.reserveCapacity(clusters.count)
        for cluster in clusters where cluster != starts.last { starts.append(cluster) }
        return starts
    }

    /// Where `cluster` is in `starts`, which holds it.
    private static func position(of cluster: Int, in starts: [Int]) -> Int {
        var low = 0, high = starts.count - 1
        while low < high {
            let middle = (low + high) / 2
            if starts[middle] < cluster { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
