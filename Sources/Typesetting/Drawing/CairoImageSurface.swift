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
                // A word of 32 pixels at a time, each bit set without a branch: a QR code's modules are as good as
                // random, and a branch on each mispredicted half the time.
                var start = 0
                while start < width {
                    let end = min(width, start + 32)
                    var bits: UInt32 = 0
                    for x in start..<end {
                        bits |= Self.bit(x & 31, set: row[x] != 0)
                    }
                    out.storeBytes(of: bits, toByteOffset: (start >> 5) * 4, as: UInt32.self)
                    start = end
                }
            }
        }
        cairo_surface_mark_dirty(surface)
        pointer = surface
    }

    /// Pixel `index` of a 32-bit word of a 1-bit surface when `set`, else no bit.
    private static func bit(_ index: Int, set: Bool) -> UInt32 {
        let bit = UInt32(set ? 1 : 0)
        #if _endian(little)
        return bit &<< UInt32(index)
        #else
        return (bit &<< 31) &>> UInt32(index)
        #endif
    }

    deinit {
        cairo_surface_destroy(pointer)
    }

    var width: Int { Int(cairo_image_surface_get_width(pointer)) }
    var height: Int { Int(cairo_image_surface_get_height(pointer)) }
}
