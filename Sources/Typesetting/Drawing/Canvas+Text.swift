internal import CCairo

extension Canvas {
    /// Lays out `text` in `rect` with `style` and draws it; returns the layout, whose size was used.
    ///
    /// The text wraps, shrinks and aligns as the style says; see ``FontLibrary/layout(_:style:in:)``.
    /// `rect` may be infinitely tall when only its width matters.
    ///
    /// - Throws: ``TypesettingError/missingGlyphs(characters:text:)`` when no installed font has some
    ///   character, and ``TypesettingError/textDoesNotFit(text:size:width:height:maximumLines:)`` when
    ///   the text does not fit `rect` even at the style's smallest size. Nothing is drawn then.
    @discardableResult
    public func drawText(_ text: String, style: TextStyle, in rect: Rect) throws -> TextLayout {
        let layout = try fonts.layout(text, style: style, in: rect.size)
        try draw(layout, in: rect)
        return layout
    }

    /// The width in points of `text` set on one line at `size`.
    public func measure(_ text: String, font: FontDescriptor, size: Double) throws -> Double {
        try fonts.measure(text, font: font, size: size)
    }

    /// Draws text laid out beforehand by ``FontLibrary/layout(_:style:in:)``, aligned in `rect`.
    ///
    /// Glyphs are drawn with the text they came from, so the PDF's text can be searched and copied
    /// exactly as written, ligatures included.
    ///
    /// - Throws: ``TypesettingError/textDoesNotFit(text:size:width:height:maximumLines:)`` for a layout that does not fit.
    public func draw(_ layout: TextLayout, in rect: Rect) throws {
        let style = layout.style
        guard layout.fits else {
            throw TypesettingError.textDoesNotFit(
                text: layout.text, size: style.size, width: layout.box.width, height: layout.box.height,
                maximumLines: style.maximumLines
            )
        }
        let context = context
        let cairo = context.pointer
        context.setColor(style.color)
        cairo_set_font_size(cairo, style.size)

        var top = rect.y
        if rect.height.isFinite {
            switch style.verticalAlignment {
            case .top: break
            case .middle: top += (rect.height - layout.size.height) / 2
            case .bottom: top += rect.height - layout.size.height
            }
        }
        var face: OpaquePointer?
        var glyphs: [cairo_glyph_t] = []
        var clusters: [cairo_text_cluster_t] = []
        for (index, line) in layout.laidOutLines.enumerated() {
            let baseline = top + layout.ascender + Double(index) * layout.lineAdvance
            var x = rect.x
            if rect.width.isFinite {
                switch style.alignment {
                case .left: break
                case .center: x += (rect.width - line.width) / 2
                case .right: x += rect.width - line.width
                }
            }
            let paragraph = line.paragraph
            let lineBytes = paragraph.bytes(of: line.units)
            for run in paragraph.runs where run.bytes.overlaps(lineBytes) {
                let bytes = max(run.bytes.lowerBound, lineBytes.lowerBound)..<min(run.bytes.upperBound, lineBytes.upperBound)
                Self.glyphs(of: run, in: bytes, size: style.size, x: &x, baseline: baseline, into: &glyphs, clusters: &clusters)
                guard !glyphs.isEmpty else { continue }
                if face != run.font.drawing.pointer {
                    face = run.font.drawing.pointer
                    cairo_set_font_face(cairo, face)
                }
                paragraph.utf8.withUnsafeBufferPointer { utf8 in
                    utf8.withMemoryRebound(to: CChar.self) { text in
                        cairo_show_text_glyphs(
                            cairo, text.baseAddress! + bytes.lowerBound, Int32(bytes.count),
                            glyphs, Int32(glyphs.count), clusters, Int32(clusters.count),
                            run.isBackward ? CAIRO_TEXT_CLUSTER_FLAG_BACKWARD : cairo_text_cluster_flags_t(0)
                        )
                    }
                }
            }
        }
        try context.check("draw the text “\(layout.text)”")
    }

    /// The glyphs of `run` that draw `bytes`, placed from `x` along `baseline`, with the cluster map
    /// that ties each group of glyphs to the bytes of text it draws; advances `x`.
    ///
    /// `bytes` starts and ends between clusters, as lines do, so each cluster's byte count holds.
    private static func glyphs(
        of run: ShapedRun,
        in bytes: Range<Int>,
        size: Double,
        x: inout Double,
        baseline: Double,
        into glyphs: inout [cairo_glyph_t],
        clusters: inout [cairo_text_cluster_t]
    ) {
        glyphs.removeAll(keepingCapacity: true)
        clusters.removeAll(keepingCapacity: true)
        var lastCluster = -1
        for glyph in run.glyphs where bytes.contains(glyph.cluster) {
            glyphs.append(cairo_glyph_t(index: UInt(glyph.id), x: x + glyph.xOffset * size, y: baseline - glyph.yOffset * size))
            x += glyph.advance * size
            if glyph.cluster == lastCluster {
                clusters[clusters.count - 1].num_glyphs += 1
            } else {
                clusters.append(cairo_text_cluster_t(num_bytes: Int32(run.clusters[glyph.clusterIndex].count), num_glyphs: 1))
                lastCluster = glyph.cluster
            }
        }
    }
}
