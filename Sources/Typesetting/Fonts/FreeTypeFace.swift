internal import CFreeType

/// Owns one FreeType face for cairo to draw with, and a FreeType library used by that face alone.
///
/// A library of its own lets cairo release the face on whatever thread drops the last reference,
/// without touching a library another thread is using.
final class FreeTypeFace {
    let face: FT_Face
    private let library: FT_Library

    init(file: FontFile) throws {
        var library: FT_Library?
        guard FT_Init_FreeType(&library) == 0, let library else {
            throw TypesettingError.fontUnreadable(path: file.path, reason: "FreeType could not start")
        }
        var face: FT_Face?
        let error = FT_New_Face(library, file.path, FT_Long(file.index), &face)
        guard error == 0, let face else {
            FT_Done_FreeType(library)
            throw TypesettingError.fontUnreadable(path: file.path, reason: "FreeType error \(error)")
        }
        self.library = library
        self.face = face
    }

    deinit {
        FT_Done_Face(face)
        FT_Done_FreeType(library)
    }
}
