internal import CHarfBuzz

/// Owns one HarfBuzz buffer, reused for every run a ``FontLibrary`` shapes.
final class HarfBuzzBuffer {
    private let pointer: OpaquePointer

    init() {
        pointer = hb_buffer_create()
    }

    deinit {
        hb_buffer_destroy(pointer)
    }

    /// Shapes bytes `range` of the paragraph `utf8` with `font`; the rest of the paragraph is context.
    ///
    /// Kerning and standard ligatures are on, as HarfBuzz does by default. Cluster values are UTF-8
    /// offsets within `utf8`.
    func shape(_ utf8: [UInt8], range: Range<Int>, font: HarfBuzzFont) -> (glyphs: [ShapedGlyph], isBackward: Bool) {
        hb_buffer_reset(pointer)
        utf8.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { text in
                hb_buffer_add_utf8(pointer, text.baseAddress, Int32(text.count), UInt32(range.lowerBound), Int32(range.count))
            }
        }
        hb_buffer_guess_segment_properties(pointer)
        hb_shape(font.font, pointer, nil, 0)

        var count: UInt32 = 0
        guard let infos = hb_buffer_get_glyph_infos(pointer, &count),
              let positions = hb_buffer_get_glyph_positions(pointer, &count)
        else { return ([], false) }
        let scale = 1 / font.unitsPerEm
        var glyphs: [ShapedGlyph] = []
        glyphs.reserveCapacity(Int(count))
        for index in 0..<Int(count) {
            let info = infos[index]
            let position = positions[index]
            glyphs.append(ShapedGlyph(
                id: info.codepoint,
                cluster: Int(info.cluster),
                advance: Double(position.x_advance) * scale,
                xOffset: Double(position.x_offset) * scale,
                yOffset: Double(position.y_offset) * scale
            ))
        }
        return (glyphs, hb_buffer_get_direction(pointer) == HB_DIRECTION_RTL)
    }
}
