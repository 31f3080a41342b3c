import Foundation
internal import CCairo

extension Canvas {
    /// Draws the PNG at `url` as large as fits in `rect`, centred, keeping its proportions.
    ///
    /// The image is decoded once per document or layer; a ``PNGImage`` reused across documents saves even that.
    public func drawImage(pngAt url: URL, in rect: Rect) throws {
        try drawImage(images.image(at: url), in: rect)
    }

    /// Draws `image` as large as fits in `rect`, centred, keeping its proportions.
    public func drawImage(_ image: PNGImage, in rect: Rect) throws {
        let context = context
        let cairo = context.pointer
        let pixels = image.pixelSize
        guard pixels.width > 0, pixels.height > 0 else { return }
        let scale = min(rect.width / pixels.width, rect.height / pixels.height)
        cairo_save(cairo)
        defer { cairo_restore(cairo) }
        cairo_translate(cairo, rect.midX - pixels.width * scale / 2, rect.midY - pixels.height * scale / 2)
        cairo_scale(cairo, scale, scale)
        cairo_set_source_surface(cairo, image.surface.pointer, 0, 0)
        cairo_paint(cairo)
        try context.check("draw the image \(image.url.path)")
    }
}
