extension FontLibrary {
    /// `layout`, made by another library, as this library would have made it: the same lines and glyphs, drawn
    /// with this library's fonts, so that a document drawn with this library still embeds each font once.
    ///
    /// Laying out the same text, style and box here gives the same layout (both find the same font files); taking
    /// one made elsewhere, such as by a check of the text on another thread, saves shaping it again.
    ///
    /// - Throws: ``TypesettingError/fontUnreadable(path:reason:)`` when this library cannot load one of its fonts.
    public func adopting(_ layout: TextLayout) throws -> TextLayout {
        var adopted: [ObjectIdentifier: ShapedParagraph] = [:]
        let lines = try layout.laidOutLines.map { line in
            let id = ObjectIdentifier(line.paragraph)
            let paragraph = try adopted[id] ?? line.paragraph.withFonts { try load($0.file) }
            adopted[id] = paragraph
            return LaidOutLine(paragraph: paragraph, units: line.units, width: line.width)
        }
        return TextLayout(
            text: layout.text, style: layout.style, box: layout.box, fits: layout.fits, laidOutLines: lines,
            ascender: layout.ascender, descender: layout.descender, lineAdvance: layout.lineAdvance
        )
    }
}
