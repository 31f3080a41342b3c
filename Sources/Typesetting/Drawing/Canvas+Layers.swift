internal import CCairo

extension Canvas {
    /// Paints `layer` where it was recorded: the page refers to the layer's drawing, which the PDF holds once.
    public func draw(_ layer: PageLayer) throws {
        let context = context
        let cairo = context.pointer
        cairo_save(cairo)
        defer { cairo_restore(cairo) }
        cairo_set_source_surface(cairo, layer.surface.pointer, 0, 0)
        cairo_paint(cairo)
        try context.check("draw a shared layer")
    }
}
