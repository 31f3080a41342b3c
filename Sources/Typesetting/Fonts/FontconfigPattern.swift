internal import CFontconfig

/// Owns one fontconfig pattern: a query, or a font that fontconfig matched.
final class FontconfigPattern {
    let pointer: OpaquePointer

    init(owning pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit {
        FcPatternDestroy(pointer)
    }

    /// A query for `descriptor`, with fontconfig's configured and default substitutions applied.
    static func query(for descriptor: FontDescriptor) -> FontconfigPattern {
        let pattern = FontconfigPattern(owning: FcPatternCreate())
        let family = Array(descriptor.family.utf8) + [0]
        family.withUnsafeBufferPointer { _ = FcPatternAddString(pattern.pointer, FC_FAMILY, $0.baseAddress) }
        let weight = descriptor.weight == .bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR
        FcPatternAddInteger(pattern.pointer, FC_WEIGHT, Int32(weight))
        FcPatternAddInteger(pattern.pointer, FC_SLANT, Int32(descriptor.italic ? FC_SLANT_ITALIC : FC_SLANT_ROMAN))
        FcPatternAddBool(pattern.pointer, FC_SCALABLE, FcBool(FcTrue))
        FcConfigSubstitute(nil, pattern.pointer, FcMatchPattern)
        FcDefaultSubstitute(pattern.pointer)
        return pattern
    }

    var fontFile: FontFile? { Self.fontFile(of: pointer) }
    var families: [String] { Self.strings(FC_FAMILY, of: pointer) }

    /// The file, face index and first family name of a font pattern that this class may not own.
    static func fontFile(of pattern: OpaquePointer) -> FontFile? {
        guard let path = strings(FC_FILE, of: pattern).first else { return nil }
        var index: Int32 = 0
        if FcPatternGetInteger(pattern, FC_INDEX, 0, &index) != FcResultMatch { index = 0 }
        return FontFile(path: path, index: Int(index), family: strings(FC_FAMILY, of: pattern).first ?? path)
    }

    /// Whether a font pattern's character set has every one of `scalars`.
    static func covers(_ scalars: [Unicode.Scalar], pattern: OpaquePointer) -> Bool {
        var charset: OpaquePointer?
        guard FcPatternGetCharSet(pattern, FC_CHARSET, 0, &charset) == FcResultMatch, let charset else { return false }
        return scalars.allSatisfy { FcCharSetHasChar(charset, $0.value) != 0 }
    }

    private static func strings(_ object: String, of pattern: OpaquePointer) -> [String] {
        var values: [String] = []
        var value: UnsafeMutablePointer<FcChar8>?
        while FcPatternGetString(pattern, object, Int32(values.count), &value) == FcResultMatch, let value {
            values.append(String(cString: value))
        }
        return values
    }
}
