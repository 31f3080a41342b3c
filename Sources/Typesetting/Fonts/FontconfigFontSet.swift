internal import CFontconfig

/// Owns a list of fonts that fontconfig sorted by closeness to a query; used to find fallback fonts.
final class FontconfigFontSet {
    private let pointer: UnsafeMutablePointer<FcFontSet>

    init(owning pointer: UnsafeMutablePointer<FcFontSet>) {
        self.pointer = pointer
    }

    deinit {
        FcFontSetDestroy(pointer)
    }

    /// The nearest font that has all of `scalars`, or nil if no installed font has them.
    func firstFont(covering scalars: [Unicode.Scalar]) -> FontFile? {
        Fontconfig.locked {
            let set = pointer.pointee
            for index in 0..<Int(set.nfont) {
                guard let pattern = set.fonts[index], FontconfigPattern.covers(scalars, pattern: pattern) else { continue }
                if let file = FontconfigPattern.fontFile(of: pattern) { return file }
            }
            return nil
        }
    }
}
