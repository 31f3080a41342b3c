internal import CCairo

extension Canvas {
    /// Draws `text` as a square QR code, as large as fits in `rect` and centred.
    ///
    /// The code is drawn as one 1-bit image with a pixel per module, scaled without blurring, which keeps
    /// PDFs small and fast. `quietZone` modules of blank margin are kept inside `rect` on every side,
    /// as scanners need; the margin is not painted.
    ///
    /// - Throws: ``TypesettingError/qrCodeNotEncodable(text:errorCorrection:)`` for empty or too long text.
    public func drawQRCode(
        _ text: String,
        in rect: Rect,
        errorCorrection: QRErrorCorrection = .medium,
        color: Color = .black,
        quietZone: Int = 4
    ) throws {
        try drawQRCode(QRCode(text, errorCorrection: errorCorrection), in: rect, color: color, quietZone: quietZone)
    }

    /// Draws a QR code encoded beforehand, as large as fits in `rect` and centred; see ``drawQRCode(_:in:errorCorrection:color:quietZone:)``.
    public func drawQRCode(_ code: QRCode, in rect: Rect, color: Color = .black, quietZone: Int = 4) throws {
        let context = context
        let cairo = context.pointer
        let modules = code.width
        // One bit a module: cairo writes a 1-bit image mask either way, but from an 8-bit image it must first
        // find that every pixel is fully opaque or clear and convert it.
        let image = try code.modules.withUnsafeBufferPointer { modulesByRow in
            try CairoImageSurface(bitWidth: modules, height: modules, opaqueWhereNonzero: modulesByRow)
        }
        let mask = CairoPattern(sharpPixelsOf: image)
        let side = min(rect.width, rect.height)
        let module = side / Double(modules + 2 * max(0, quietZone))
        cairo_save(cairo)
        defer { cairo_restore(cairo) }
        cairo_translate(cairo, rect.midX - module * Double(modules) / 2, rect.midY - module * Double(modules) / 2)
        cairo_scale(cairo, module, module)
        context.setColor(color)
        cairo_mask(cairo, mask.pointer)
        try context.check("draw a QR code")
    }
}
