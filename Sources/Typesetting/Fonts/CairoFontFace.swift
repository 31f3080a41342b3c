internal import CCairo
internal import CFreeType

/// Owns cairo's font face for one font file, drawn from a FreeType face that is not shared with HarfBuzz.
///
/// cairo may keep the face in its caches after this object goes; the FreeType face is tied to
/// cairo's face with user data, so it lives exactly as long as cairo needs it.
final class CairoFontFace {
    let pointer: OpaquePointer

    /// The address cairo files the FreeType face under; only its identity matters.
    nonisolated(unsafe) private static let freeTypeKey = UnsafeMutablePointer<cairo_user_data_key_t>.allocate(capacity: 1)

    init(file: FontFile) throws {
        let freeType = try FreeTypeFace(file: file)
        // No hinting: PDF glyphs are outlines, and positions come from HarfBuzz.
        let loadFlags: Int32 = 1 << 1 // FT_LOAD_NO_HINTING
        guard let face = cairo_ft_font_face_create_for_ft_face(freeType.face, loadFlags) else {
            throw TypesettingError.fontUnreadable(path: file.path, reason: "cairo could not use it")
        }
        let retained = Unmanaged.passRetained(freeType).toOpaque()
        var status = cairo_font_face_status(face)
        if status == CAIRO_STATUS_SUCCESS {
            status = cairo_font_face_set_user_data(face, Self.freeTypeKey, retained) { owner in
                if let owner { Unmanaged<FreeTypeFace>.fromOpaque(owner).release() }
            }
        }
        guard status == CAIRO_STATUS_SUCCESS else {
            Unmanaged<FreeTypeFace>.fromOpaque(retained).release()
            cairo_font_face_destroy(face)
            throw TypesettingError.fontUnreadable(path: file.path, reason: String(cString: cairo_status_to_string(status)))
        }
        pointer = face
    }

    deinit {
        cairo_font_face_destroy(pointer)
    }
}
