internal import CCairo

/// Owns the cairo drawing context of one PDF or recording surface; cairo's status becomes ``TypesettingError``.
final class CairoContext {
    let pointer: OpaquePointer

    /// A context drawing on the cairo surface `surface`; `what` names the surface in errors, such as “the PDF”.
    init(surface: OpaquePointer, what: String) throws {
        let context = cairo_create(surface)!
        let status = cairo_status(context)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_destroy(context)
            throw TypesettingError.cairo(operation: "start drawing on \(what)", message: String(cString: cairo_status_to_string(status)))
        }
        pointer = context
    }

    deinit {
        cairo_destroy(pointer)
    }

    /// Throws cairo's error, if drawing so far has failed; cairo stops drawing after its first error.
    func check(_ operation: @autoclosure () -> String) throws {
        let status = cairo_status(pointer)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw TypesettingError.cairo(operation: operation(), message: String(cString: cairo_status_to_string(status)))
        }
    }

    func setColor(_ color: Color) {
        cairo_set_source_rgba(pointer, color.red, color.green, color.blue, color.alpha)
    }
}
