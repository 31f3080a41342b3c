import Foundation
internal import CFontconfig

/// The process's fontconfig configuration, asked one caller at a time.
///
/// Every fontconfig call in this module goes through ``locked(_:)``: fontconfig's own thread
/// safety has varied between versions, and ``FontLibrary`` caches the answers, so the lock costs little.
enum Fontconfig {
    private static let lock = NSLock()
    private static let initialized: Bool = FcInit() != 0

    /// Families that name a kind of font rather than a font, so that any installed match will do.
    private static let genericFamilies: Set<String> = [
        "sans-serif", "sans", "serif", "monospace", "mono", "system-ui", "cursive", "fantasy", "math",
    ]

    static func locked<Result>(_ body: () throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        _ = initialized
        return try body()
    }

    /// The installed font that best matches `descriptor`, which must be of the family asked for.
    static func match(_ descriptor: FontDescriptor) throws -> FontFile {
        try locked {
            let query = FontconfigPattern.query(for: descriptor)
            var result = FcResultNoMatch
            guard let matched = FcFontMatch(nil, query.pointer, &result) else {
                throw TypesettingError.fontNotFound(family: descriptor.family)
            }
            let pattern = FontconfigPattern(owning: matched)
            let requested = descriptor.family.lowercased()
            guard let file = pattern.fontFile,
                  genericFamilies.contains(requested) || pattern.families.contains(where: { $0.lowercased() == requested })
            else {
                throw TypesettingError.fontNotFound(family: descriptor.family)
            }
            return file
        }
    }

    /// All installed fonts, nearest to `descriptor` first (same family, then style), for fallback.
    static func sortedFonts(for descriptor: FontDescriptor) -> FontconfigFontSet? {
        locked {
            let query = FontconfigPattern.query(for: descriptor)
            var result = FcResultNoMatch
            return FcFontSort(nil, query.pointer, FcBool(FcTrue), nil, &result).map(FontconfigFontSet.init(owning:))
        }
    }
}
