internal import CCairo

/// Owns a cairo image surface in memory: a decoded PNG, or the modules of a QR code.
final class CairoImageSurface {
    let pointer: OpaquePointer

    /// Decodes the PNG file at `path`.
    init(pngAt path: String) throws {
        let surface = cairo_image_surface_create_from_png(path)!
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(surface)
            throw TypesettingError.imageUnreadable(path: path, reason: String(cString: cairo_status_to_string(status)))
        }
        pointer = surface
    }

    /// A transparent 8-bit alpha surface of `width` × `height` pixels, filled by `body` with one byte per pixel.
    init(alphaWidth width: Int, height: Int, fill body: (_ pixels: UnsafeMutablePointer<UInt8>, _ stride: Int) -> Void) throws {
        let surface = cairo_image_surface_create(CAIRO_FORMAT_A8, Int32(width), Int32(height))!
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS, let pixels = cairo_image_surface_get_data(surface) else {
            cairo_surface_destroy(surface)
            throw TypesettingError.cairo(operation: "make a \(width)×\(height) image", message: String(cString: cairo_status_to_string(status)))
        }
        cairo_surface_flush(surface)
        body(pixels, Int(cairo_image_surface_get_stride(surface)))
        cairo_surface_mark_dirty(surface)
        pointer = surface
    }

    deinit {
        cairo_surface_destroy(pointer)
    }

    var width: Int { Int(cairo_image_surface_get_width(pointer)) }
    var height: Int { Int(cairo_image_surface_get_height(pointer)) }
}
