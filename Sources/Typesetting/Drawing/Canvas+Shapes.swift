internal import CCairo

extension Canvas {
    /// Draws a straight line; `dash` alternates drawn and skipped lengths, empty for a solid line.
    public func drawLine(from start: Point, to end: Point, color: Color = .black, width: Double = 1, dash: [Double] = []) throws {
        let context = context
        let cairo = context.pointer
        cairo_save(cairo)
        defer { cairo_restore(cairo) }
        cairo_new_path(cairo)
        cairo_move_to(cairo, start.x, start.y)
        cairo_line_to(cairo, end.x, end.y)
        context.setColor(color)
        cairo_set_line_width(cairo, width)
        if !dash.isEmpty { cairo_set_dash(cairo, dash, Int32(dash.count), 0) }
        cairo_stroke(cairo)
        try context.check("draw a line")
    }

    /// Fills and/or strokes a rectangle, with rounded corners when `cornerRadius` is above 0.
    public func drawRectangle(_ rect: Rect, fill: Color? = nil, stroke: Color? = nil, lineWidth: Double = 1, cornerRadius: Double = 0) throws {
        let context = context
        let cairo = context.pointer
        cairo_save(cairo)
        defer { cairo_restore(cairo) }
        cairo_new_path(cairo)
        let radius = min(cornerRadius, rect.width / 2, rect.height / 2)
        if radius > 0 {
            cairo_new_sub_path(cairo)
            cairo_arc(cairo, rect.maxX - radius, rect.y + radius, radius, -.pi / 2, 0)
            cairo_arc(cairo, rect.maxX - radius, rect.maxY - radius, radius, 0, .pi / 2)
            cairo_arc(cairo, rect.x + radius, rect.maxY - radius, radius, .pi / 2, .pi)
            cairo_arc(cairo, rect.x + radius, rect.y + radius, radius, .pi, 3 * .pi / 2)
            cairo_close_path(cairo)
        } else {
            cairo_rectangle(cairo, rect.x, rect.y, rect.width, rect.height)
        }
        if let fill {
            context.setColor(fill)
            cairo_fill_preserve(cairo)
        }
        if let stroke {
            context.setColor(stroke)
            cairo_set_line_width(cairo, lineWidth)
            cairo_stroke_preserve(cairo)
        }
        cairo_new_path(cairo)
        try context.check("draw a rectangle")
    }
}
