internal import CCairo

/// Owns a cairo recording surface: drawing kept as cairo's own commands, to replay onto other surfaces.
final class CairoRecordingSurface {
    let pointer: OpaquePointer

    /// A surface recording colour and transparency within `size`, from the top-left corner.
    init(size: PageSize) throws {
        var extents = cairo_rectangle_t(x: 0, y: 0, width: size.width, height: size.height)
        let surface = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &extents)!
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(surface)
            throw TypesettingError.cairo(operation: "start recording a layer", message: String(cString: cairo_status_to_string(status)))
        }
        pointer = surface
    }

    deinit {
        cairo_surface_destroy(pointer)
    }
}
