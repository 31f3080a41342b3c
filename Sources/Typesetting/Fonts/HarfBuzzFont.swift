internal import CHarfBuzz

/// Owns HarfBuzz's font for one font file: it shapes text and knows which characters the font has.
///
/// HarfBuzz reads the file itself rather than sharing cairo's FreeType face, whose size cairo's
/// PDF backend changes. The scale is the font's units per em, so shaped positions do not depend on size.
final class HarfBuzzFont {
    let font: OpaquePointer
    /// Font units per em.
    let unitsPerEm: Double
    /// The distance from baseline to the top of the tallest letters, in ems.
    let ascender: Double
    /// The distance from baseline to the bottom of descenders, in ems, as a positive number.
    let descender: Double
    /// The extra gap the font asks for between lines, in ems.
    let lineGap: Double
    private let blob: OpaquePointer
    private let face: OpaquePointer
    private let characters: OpaquePointer
    /// The number of glyphs in the face.
    private let glyphCount: Int
    /// ``ink(of:)`` of each glyph asked for so far, by glyph id; NaN for one not asked for yet. Made on first use.
    private var inks: [(top: Double, bottom: Double)] = []

    init(file: FontFile) throws {
        guard let blob = hb_blob_create_from_file_or_fail(file.path) else {
            throw TypesettingError.fontUnreadable(path: file.path, reason: "HarfBuzz could not read the file")
        }
        let face = hb_face_create(blob, UInt32(file.index))!
        guard hb_face_get_glyph_count(face) > 0 else {
            hb_face_destroy(face)
            hb_blob_destroy(blob)
            throw TypesettingError.fontUnreadable(path: file.path, reason: "HarfBuzz found no glyphs in face \(file.index)")
        }
        glyphCount = Int(hb_face_get_glyph_count(face))
        let font = hb_font_create(face)!
        let characters = hb_set_create()!
        self.blob = blob
        self.face = face
        self.font = font
        self.characters = characters
        let upem = hb_face_get_upem(face)
        unitsPerEm = Double(upem)
        hb_font_set_scale(font, Int32(upem), Int32(upem))
        hb_font_make_immutable(font)
        hb_face_collect_unicodes(face, characters)

        var extents = hb_font_extents_t()
        if hb_font_get_h_extents(font, &extents) != 0, extents.ascender > extents.descender {
            ascender = Double(extents.ascender) / unitsPerEm
            descender = Double(-extents.descender) / unitsPerEm
            lineGap = Double(max(0, extents.line_gap)) / unitsPerEm
        } else {
            ascender = 0.8
            descender = 0.2
            lineGap = 0
        }
    }

    deinit {
        hb_set_destroy(characters)
        hb_font_destroy(font)
        hb_face_destroy(face)
        hb_blob_destroy(blob)
    }

    /// How far a glyph's ink reaches above and below the baseline, in ems, both positive outward:
    /// a stack of combining marks reaches well above the font's ascender.
    func ink(of glyph: UInt32) -> (top: Double, bottom: Double) {
        // Each glyph's extents are read from the font once: HarfBuzz decodes the glyph's outline to find them, which
        // cost more than the rest of breaking a name into clusters, and every name repeats the same few dozen letters.
        let index = Int(glyph)
        if index < inks.count, !inks[index].top.isNaN { return inks[index] }
        var extents = hb_glyph_extents_t()
        let ink: (top: Double, bottom: Double)
        if hb_font_get_glyph_extents(font, glyph, &extents) != 0 {
            // y_bearing is the top of the ink; height is negative, downwards from it.
            ink = (Double(extents.y_bearing) / unitsPerEm, -(Double(extents.y_bearing + extents.height) / unitsPerEm))
        } else {
            ink = (0, 0)
        }
        if index < glyphCount {
            if inks.isEmpty { inks = Array(repeating: (.nan, .nan), count: glyphCount) }
            inks[index] = ink
        }
        return ink
    }

    /// Whether the font maps `scalar` to a glyph.
    func has(_ scalar: Unicode.Scalar) -> Bool {
        hb_set_has(characters, scalar.value) != 0
    }
}
