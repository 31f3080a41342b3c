/// One paragraph split into font runs and shaped once, in ems, ready to be broken into lines at any size.
final class ShapedParagraph {
    let utf8: [UInt8]
    let runs: [ShapedRun]
    /// Every cluster of every run, in text order.
    let units: [ClusterUnit]
    let words: [Word]

    init(utf8: [UInt8], runs: [ShapedRun]) {
        self.utf8 = utf8
        self.runs = runs
        units = runs.flatMap { Self.units(of: $0, in: utf8) }
        words = Self.words(of: units)
    }

    private init(utf8: [UInt8], runs: [ShapedRun], units: [ClusterUnit], words: [Word]) {
        self.utf8 = utf8
        self.runs = runs
        self.units = units
        self.words = words
    }

    /// The same paragraph with each run's font replaced by `font(run.font)`: the same file, loaded by another library.
    func withFonts(_ font: (LoadedFont) throws -> LoadedFont) rethrows -> ShapedParagraph {
        ShapedParagraph(utf8: utf8, runs: try runs.map { try $0.withFont(font($0.font)) }, units: units, words: words)
    }

    /// The text of `units`, a range of ``units``.
    func text(of units: Range<Int>) -> String {
        String(decoding: utf8[bytes(of: units)], as: UTF8.self)
    }

    /// The UTF-8 offsets that `units` cover.
    func bytes(of units: Range<Int>) -> Range<Int> {
        guard !units.isEmpty else {
            let offset = units.lowerBound < self.units.count ? self.units[units.lowerBound].bytes.lowerBound : utf8.count
            return offset..<offset
        }
        return self.units[units.lowerBound].bytes.lowerBound..<self.units[units.upperBound - 1].bytes.upperBound
    }

    private static func units(of run: ShapedRun, in utf8: [UInt8]) -> [ClusterUnit] {
        var advances = [Double](repeating: 0, count: run.clusters.count)
        var tops = [Double](repeating: 0, count: run.clusters.count)
        var bottoms = [Double](repeating: 0, count: run.clusters.count)
        for glyph in run.glyphs {
            advances[glyph.clusterIndex] += glyph.advance
            let ink = run.font.shaping.ink(of: glyph.id)
            tops[glyph.clusterIndex] = max(tops[glyph.clusterIndex], ink.top + glyph.yOffset)
            bottoms[glyph.clusterIndex] = max(bottoms[glyph.clusterIndex], ink.bottom - glyph.yOffset)
        }
        return run.clusters.indices.map { index in
            let bytes = run.clusters[index]
            let (isSpace, isHyphen) = kind(of: utf8[bytes])
            return ClusterUnit(
                bytes: bytes,
                advance: advances[index],
                isSpace: isSpace,
                isHyphen: isHyphen,
                inkTop: tops[index],
                inkBottom: bottoms[index]
            )
        }
    }

    /// Whether a cluster's text is all breaking spaces, and whether it ends with a hyphen or dash.
    private static func kind(of bytes: ArraySlice<UInt8>) -> (isSpace: Bool, isHyphen: Bool) {
        // ASCII, as most clusters are, without making a string: its one breaking space is U+0020, its hyphen U+002D.
        if bytes.allSatisfy({ $0 < 0x80 }) {
            return (bytes.allSatisfy { $0 == 0x20 }, bytes.last == 0x2D)
        }
        let scalars = String(decoding: bytes, as: UTF8.self).unicodeScalars
        return (scalars.allSatisfy(isBreakingSpace), scalars.last.map(isHyphen) ?? false)
    }

    private static func words(of units: [ClusterUnit]) -> [Word] {
        var words: [Word] = []
        var index = 0
        while index < units.count {
            let start = index
            var width = 0.0
            while index < units.count, !units[index].isSpace {
                width += units[index].advance
                index += 1
                if units[index - 1].isHyphen, index - 1 > start { break }
            }
            let contentEnd = index
            var spaceWidth = 0.0
            while index < units.count, units[index].isSpace {
                spaceWidth += units[index].advance
                index += 1
            }
            words.append(Word(content: start..<contentEnd, width: width, spaceWidth: spaceWidth))
        }
        return words
    }

    private static func isBreakingSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00A0, 0x2007, 0x202F: false // no-break spaces
        default: scalar.properties.generalCategory == .spaceSeparator
        }
    }

    private static func isHyphen(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x002D, 0x2010, 0x2013, 0x2014: true
        default: false
        }
    }
}
