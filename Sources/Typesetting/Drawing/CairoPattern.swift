internal import CCairo

/// Owns a cairo pattern that paints an image surface with square, unblurred pixels.
final class CairoPattern {
    let pointer: OpaquePointer
    private let surface: CairoImageSurface

    init(sharpPixelsOf surface: CairoImageSurface) {
        self.surface = surface
        pointer = cairo_pattern_create_for_surface(surface.pointer)!
        cairo_pattern_set_filter(pointer, CAIRO_FILTER_NEAREST)
    }

    deinit {
        cairo_pattern_destroy(pointer)
    }
}
