import Foundation

/// One installed font, loaded once and reused: HarfBuzz for shaping and coverage, cairo for drawing.
final class LoadedFont {
    let file: FontFile
    let shaping: HarfBuzzFont
    let drawing: CairoFontFace

    init(file: FontFile) throws {
        self.file = file
        shaping = try HarfBuzzFont(file: file)
        drawing = try CairoFontFace(file: file)
    }

    /// Whether the font can draw `character`, a grapheme cluster.
    ///
    /// Invisible format characters (ZWJ, variation selectors) need no glyph. A cluster also counts
    /// as covered when its composed or decomposed form is, since HarfBuzz picks whichever the font has.
    func covers(_ character: Character) -> Bool {
        if covers(scalarsOf: character.unicodeScalars) { return true }
        let text = String(character)
        return covers(scalarsOf: text.precomposedStringWithCanonicalMapping.unicodeScalars)
            || covers(scalarsOf: text.decomposedStringWithCanonicalMapping.unicodeScalars)
    }

    private func covers(scalarsOf scalars: String.UnicodeScalarView) -> Bool {
        scalars.allSatisfy { $0.properties.isDefaultIgnorableCodePoint || shaping.has($0) }
    }
}
