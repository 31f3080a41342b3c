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

    /// A transparent 1-bit alpha surface of `width` × `height` pixels, opaque where `pixels`, one byte each row by row, is not 0.
    init(bitWidth width: Int, height: Int, opaqueWhereNonzero pixels: UnsafeBufferPointer<UInt8>) throws {
        precondition(pixels.count == width * height)
        let surface = cairo_image_surface_create(CAIRO_FORMAT_A1, Int32(width), Int32(height))!
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS, let data = cairo_image_surface_get_data(surface) else {
            cairo_surface_destroy(surface)
            throw TypesettingError.cairo(operation: "make a \(width)×\(height) image", message: String(cString: cairo_status_to_string(status)))
        }
        cairo_surface_flush(surface)
        let stride = Int(cairo_image_surface_get_stride(surface))
        // Pixels go in 32-bit words in the machine's byte order; on a little-endian machine the first is the lowest bit.
        // Read through the base address: a QR code's 2,809 modules, bounds-checked one by one, cost 11 µs a code.
        if width > 0, let source = pixels.baseAddress {
            for y in 0..<height {
                let row = source + y * width
                let out = UnsafeMutableRawPointer(data + y * stride)
                var bits: UInt32 = 0
                var x = 0
                while x < width {
                    if row[x] != 0 { bits |= Self.bit(x & 31) }
                    x += 1
                    if x & 31 == 0 || x == width {
                        out.storeBytes(of: bits, toByteOffset: ((x - 1) >> 5) * 4, as: UInt32.self)
                        bits = 0
                    }
                }
            }
        }
        cairo_surface_mark_dirty(surface)
        pointer = surface
    }

    /// Pixel `index` of a 32-bit word of a 1-bit surface.
    private static func bit(_ index: Int) -> UInt32 {
        #if _endian(little)
        1 << index
        #else
        0x8000_0000 >> index
        #endif
    }

    deinit {
        cairo_surface_destroy(pointer)
    }

    var width: Int { Int(cairo_image_surface_get_width(pointer)) }
    var height: Int { Int(cairo_image_surface_get_height(pointer)) }
}
