import Foundation

/// Finds, loads and caches fonts, and shapes and lays out text with them; long-lived and reused.
///
/// Create one library and draw every page and every document with it: fonts are looked up through
/// fontconfig and loaded once, and shaped paragraphs are cached, so that PDFs embed each font
/// once and stay small.
///
/// For example:
/// ```swift
/// let fonts = FontLibrary()
/// let name = FontDescriptor(family: "Noto Serif", weight: .bold)
/// try fonts.checkCoverage(of: "Gʻulomjon Oʻrinboyev", font: name)
/// let width = try fonts.measure("Gʻulomjon Oʻrinboyev", font: name, size: 24)
/// ```
///
/// - Important: A library is not thread-safe, and is not `Sendable`: use it from one thread at a
///   time. To render on several threads, give each thread a library of its own; creating one is
///   cheap (it loads fonts only when first asked), and libraries on different threads share nothing
///   but fontconfig, which this module calls under a process-wide lock.
///
/// ## Topics
/// - ``fontFile(for:)``
/// - ``missingCharacters(in:font:)``
/// - ``checkCoverage(of:font:)``
/// - ``measure(_:font:size:)``
/// - ``layout(_:style:in:)``
public final class FontLibrary {
    private var loaded: [FontFile: LoadedFont] = [:]
    private var primaries: [FontDescriptor: LoadedFont] = [:]
    private var fallbackLists: [FontDescriptor: FontconfigFontSet?] = [:]
    private var fallbacks: [FallbackKey: LoadedFont?] = [:]
    private var shaped: [ShapingKey: ShapedParagraph] = [:]
    /// Paragraphs of text laid out with `remember: false`, kept a little while: a certificate's own texts
    /// put a name, set once, beside lines that every certificate repeats (“Issued on 9 March 2024”,
    /// “Check code:”), which are then shaped once per few dozen certificates rather than for each.
    private var recentlyShaped: [ShapingKey: ShapedParagraph] = [:]
    private static let recentLimit = 64
    private var layouts: [LayoutKey: TextLayout] = [:]
    private let buffer = HarfBuzzBuffer()

    /// Shaped paragraphs and layouts kept before each cache starts again; repeated titles and paragraphs stay cheap.
    private let cacheLimit: Int

    private struct FallbackKey: Hashable {
        let font: FontDescriptor
        let character: Character
    }

    /// Text in the caches' keys is hashed and compared by its UTF-8 bytes: String's own hashing brings
    /// non-ASCII text (every Cyrillic name) to NFC first, at every lookup.
    private struct ShapingKey: Hashable {
        let font: FontDescriptor
        let paragraph: Substring

        static func == (left: Self, right: Self) -> Bool {
            FontLibrary.sameBytes(left.paragraph.utf8, right.paragraph.utf8) && left.font == right.font
        }

        func hash(into hasher: inout Hasher) {
            // Not the family: String's hashing brings it to NFC first, at every lookup, and a library holds few families.
            hasher.combine(font.weight)
            hasher.combine(font.italic)
            FontLibrary.hashBytes(of: paragraph.utf8, into: &hasher)
        }
    }

    private struct LayoutKey: Hashable {
        let text: String
        let style: TextStyle
        let box: Size

        static func == (left: Self, right: Self) -> Bool {
            left.box == right.box && FontLibrary.sameBytes(left.text.utf8[...], right.text.utf8[...]) && left.style == right.style
        }

        func hash(into hasher: inout Hasher) {
            // The style's sizes rather than all of it: its font family is a String, hashed through NFC at every lookup.
            // Equal keys still hash alike, since == compares the whole style.
            hasher.combine(style.size)
            hasher.combine(style.minimumSize)
            hasher.combine(box)
            FontLibrary.hashBytes(of: text.utf8[...], into: &hasher)
        }
    }

    fileprivate static func hashBytes(of utf8: Substring.UTF8View, into hasher: inout Hasher) {
        hasher.combine(utf8.count)
        let hashed: Void? = utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        if hashed == nil {
            for byte in utf8 { hasher.combine(byte) }
        }
    }

    /// Whether two texts have the same UTF-8 bytes, compared at once where they are stored contiguously: comparing
    /// them a byte at a time through the collection cost more than hashing them.
    fileprivate static func sameBytes(_ left: Substring.UTF8View, _ right: Substring.UTF8View) -> Bool {
        guard left.count == right.count else { return false }
        let compared: Bool?? = left.withContiguousStorageIfAvailable { leftBytes in
            right.withContiguousStorageIfAvailable { rightBytes in
                leftBytes.count == 0 || memcmp(leftBytes.baseAddress!, rightBytes.baseAddress!, leftBytes.count) == 0
            }
        }
        if let compared = compared ?? nil { return compared }
        return left.elementsEqual(right)
    }

    /// - Parameter cacheLimit: how many shaped paragraphs, and how many layouts, to keep before each
    ///   cache starts again. The default suits documents that repeat their text; text set only once,
    ///   such as thousands of different names, is best laid out with `remember: false`.
    public init(cacheLimit: Int = 4096) {
        self.cacheLimit = max(1, cacheLimit)
    }

    /// The installed font file that `font` resolves to: that family, in its nearest installed style.
    ///
    /// - Throws: ``TypesettingError/fontNotFound(family:)`` when no installed font has the family.
    public func fontFile(for font: FontDescriptor) throws -> FontFile {
        try primary(for: font).file
    }

    /// The characters of `text` that neither `font` nor any installed fallback font has, in order of appearance.
    ///
    /// Newlines, tabs and other control characters are left to layout and never reported.
    public func missingCharacters(in text: String, font: FontDescriptor) throws -> [Unicode.Scalar] {
        Self.unique(try Self.paragraphs(of: text).flatMap { try itemize($0, font: font).missing })
    }

    /// Checks that every character of `text` can be drawn with `font` or an installed fallback.
    ///
    /// - Throws: ``TypesettingError/missingGlyphs(characters:text:)`` naming each missing character.
    public func checkCoverage(of text: String, font: FontDescriptor) throws {
        let missing = try missingCharacters(in: text, font: font)
        if !missing.isEmpty { throw TypesettingError.missingGlyphs(characters: missing, text: text) }
    }

    /// The width in points of `text` set on one line (its widest line, if it has newlines).
    public func measure(_ text: String, font: FontDescriptor, size: Double) throws -> Double {
        let style = TextStyle(font: font, size: size, wraps: false)
        return try layout(text, style: style, in: Size(width: .infinity, height: .infinity)).size.width
    }

    /// Breaks `text` into lines for a box, shrinking it when the style allows, without drawing anything.
    ///
    /// Newlines start new paragraphs. When the style has a ``TextStyle/minimumSize``, the largest
    /// size (to 0.1 pt) at which the text fits is used. Check ``TextLayout/fits`` before relying on it.
    ///
    /// - Parameter remember: false for text set once, such as a person's name on a certificate, so that
    ///   it does not push out of the caches the repeated text they keep cheap.
    /// - Throws: ``TypesettingError/missingGlyphs(characters:text:)`` or ``TypesettingError/fontNotFound(family:)``.
    public func layout(_ text: String, style: TextStyle, in box: Size, remember: Bool = true) throws -> TextLayout {
        let key = LayoutKey(text: text, style: style, box: box)
        if let cached = layouts[key] { return cached }
        let layout = try freshLayout(text, style: style, in: box, remember: remember)
        guard remember else { return layout }
        if layouts.count >= cacheLimit { layouts.removeAll(keepingCapacity: true) }
        layouts[key] = layout
        return layout
    }

    private func freshLayout(_ text: String, style: TextStyle, in box: Size, remember: Bool) throws -> TextLayout {
        precondition(style.size > 0 && (style.minimumSize ?? 1) > 0, "Text sizes must be above 0 pt, not \(style.size) and \(style.minimumSize ?? 1).")
        let paragraphs = try Self.paragraphs(of: text).map { try shapedParagraph($0, font: style.font, text: text, remember: remember) }
        let metrics = try primary(for: style.font).shaping

        func attempt(_ size: Double, breaksWords: Bool) -> TextLayout {
            let breaker = LineBreaker(size: size, width: box.width, wraps: style.wraps, breaksWords: breaksWords)
            let result = breaker.lines(of: paragraphs)
            var sized = style
            sized.size = size
            // The font's ascender and descender, unless the ink of the first line reaches higher or the
            // last line's lower, as a name stacked with combining marks does: it must stay in its box.
            let ascender = max(metrics.ascender, result.lines.first.map { $0.ink.top } ?? 0) * size
            let descender = max(metrics.descender, result.lines.last.map { $0.ink.bottom } ?? 0) * size
            let lineAdvance = (metrics.ascender + metrics.descender + metrics.lineGap) * size * style.lineSpacing
            let height = TextLayout.height(lineCount: result.lines.count, ascender: ascender, descender: descender, lineAdvance: lineAdvance)
            let fits = !result.overflows
                && (breaksWords || !result.splitWord)
                && result.lines.count <= (style.maximumLines ?? .max)
                && height <= box.height + 1e-6
            return TextLayout(
                text: text, style: sized, box: box, fits: fits, laidOutLines: result.lines,
                ascender: ascender, descender: descender, lineAdvance: lineAdvance
            )
        }

        guard let minimum = style.minimumSize, minimum < style.size else {
            return attempt(style.size, breaksWords: true)
        }
        let largest = attempt(style.size, breaksWords: false)
        if largest.fits { return largest }
        guard attempt(minimum, breaksWords: false).fits else {
            return attempt(minimum, breaksWords: true)
        }
        var fitting = minimum
        var tooLarge = style.size
        while tooLarge - fitting > 0.1 {
            let middle = (fitting + tooLarge) / 2
            if attempt(middle, breaksWords: false).fits { fitting = middle } else { tooLarge = middle }
        }
        return attempt(fitting, breaksWords: false)
    }

    // MARK: - Fonts

    func primary(for font: FontDescriptor) throws -> LoadedFont {
        if let cached = primaries[font] { return cached }
        let loadedFont = try load(Fontconfig.match(font))
        primaries[font] = loadedFont
        return loadedFont
    }

    /// The font in `file`, loaded by this library once.
    func load(_ file: FontFile) throws -> LoadedFont {
        if let cached = loaded[file] { return cached }
        let font = try LoadedFont(file: file)
        loaded[file] = font
        return font
    }

    /// The font that draws `character` for text set in `primary`: the primary font itself, else the
    /// nearest installed font that has it; nil when there is none.
    private func font(for character: Character, primary descriptor: FontDescriptor) throws -> LoadedFont? {
        try font(for: character, primary: descriptor, primaryFont: primary(for: descriptor))
    }

    /// The same, with the primary font looked up already: a paragraph asks for every character.
    private func font(for character: Character, primary descriptor: FontDescriptor, primaryFont: LoadedFont) throws -> LoadedFont? {
        if primaryFont.covers(character) { return primaryFont }
        let key = FallbackKey(font: descriptor, character: character)
        if let cached = fallbacks[key] { return cached }
        let fallback = try fallbackFile(covering: Self.neededScalars(of: character), for: descriptor)
            .map(load)
            .flatMap { $0.covers(character) ? $0 : nil }
        fallbacks[key] = fallback
        return fallback
    }

    private func fallbackFile(covering scalars: [Unicode.Scalar], for descriptor: FontDescriptor) -> FontFile? {
        if fallbackLists[descriptor] == nil {
            fallbackLists[descriptor] = .some(Fontconfig.sortedFonts(for: descriptor))
        }
        return fallbackLists[descriptor]??.firstFont(covering: scalars)
    }

    /// The scalars of a cluster that no installed font has; all of them if each exists but no font has them together.
    private func uncoveredScalars(of character: Character, primary descriptor: FontDescriptor) throws -> [Unicode.Scalar] {
        let primaryFont = try primary(for: descriptor)
        let needed = Self.neededScalars(of: character)
        let absent = needed.filter { !primaryFont.shaping.has($0) && fallbackFile(covering: [$0], for: descriptor) == nil }
        return absent.isEmpty ? needed : absent
    }

    // MARK: - Shaping

    /// `paragraph` split into runs of one font each, and the characters that no font has.
    private func itemize(_ paragraph: Substring, font descriptor: FontDescriptor) throws
        -> (runs: [(font: LoadedFont, bytes: Range<Int>)], missing: [Unicode.Scalar]) {
        var runs: [(font: LoadedFont, bytes: Range<Int>)] = []
        var missing: [Unicode.Scalar] = []
        var offset = 0
        let primaryFont = try primary(for: descriptor)
        // Most paragraphs are drawn wholly in their own font: one run, found a scalar at a time rather than a
        // character at a time, which costs most of the rest of shaping a name.
        if !paragraph.isEmpty,
           paragraph.unicodeScalars.allSatisfy({ primaryFont.shaping.has($0) || $0.properties.isDefaultIgnorableCodePoint }) {
            return ([(primaryFont, 0..<paragraph.utf8.count)], [])
        }
        for character in paragraph {
            let length = character.utf8.count
            defer { offset += length }
            guard let font = try font(for: character, primary: descriptor, primaryFont: primaryFont) else {
                missing.append(contentsOf: try uncoveredScalars(of: character, primary: descriptor))
                continue
            }
            if let last = runs.last, last.font === font, last.bytes.upperBound == offset {
                runs[runs.count - 1].bytes = last.bytes.lowerBound..<offset + length
            } else {
                runs.append((font, offset..<offset + length))
            }
        }
        return (runs, missing)
    }

    /// `paragraph` split into runs of one font each and shaped, from the cache when it was shaped before.
    ///
    /// - Parameter text: the whole text the paragraph came from, for the error message.
    private func shapedParagraph(_ paragraph: Substring, font descriptor: FontDescriptor, text: String,
                                 remember: Bool = true) throws -> ShapedParagraph {
        let key = ShapingKey(font: descriptor, paragraph: paragraph)
        if let cached = shaped[key] ?? recentlyShaped[key] { return cached }

        let (runs, missing) = try itemize(paragraph, font: descriptor)
        if !missing.isEmpty {
            throw TypesettingError.missingGlyphs(characters: Self.unique(missing), text: text)
        }

        let utf8 = Array(paragraph.utf8)
        let shapedRuns = runs.map { run in
            let (glyphs, isBackward) = buffer.shape(utf8, range: run.bytes, font: run.font.shaping)
            return ShapedRun(font: run.font, bytes: run.bytes, glyphs: glyphs, isBackward: isBackward)
        }
        // Glyph 0 is .notdef, the box: refuse rather than print it.
        let notdef = shapedRuns.flatMap { run in run.glyphs.filter { $0.id == 0 }.map(\.cluster) }
        if !notdef.isEmpty {
            let scalars = notdef.flatMap { cluster in
                String(decoding: utf8[cluster...], as: UTF8.self).unicodeScalars.prefix(1)
            }
            throw TypesettingError.missingGlyphs(characters: Self.unique(scalars), text: text)
        }

        let result = ShapedParagraph(utf8: utf8, runs: shapedRuns)
        guard remember else {
            if recentlyShaped.count >= Self.recentLimit { recentlyShaped.removeAll(keepingCapacity: true) }
            recentlyShaped[key] = result
            return result
        }
        if shaped.count >= cacheLimit { shaped.removeAll(keepingCapacity: true) }
        shaped[key] = result
        return result
    }

    // MARK: - Text

    /// The paragraphs of `text`, split at newlines; tabs become spaces and other control characters go.
    static func paragraphs(of text: String) -> [Substring] {
        // Most text has no control character or line separator at all, and most of the rest only line feeds. Read as
        // bytes: the C0 controls, DEL, the C1 controls (C2 80–C2 9F) and U+2028, U+2029 (E2 80 A8, E2 80 A9) are what
        // cleanedParagraphs(of:) looks for; a line feed alone splits the same there, a line feed being a character of its own.
        var lineFeeds = false
        let bytes = text.utf8
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let byte = bytes[index]
            bytes.formIndex(after: &index)
            if byte >= 0x20 && byte != 0x7F && byte != 0xC2 && byte != 0xE2 { continue }
            if byte == 0x0A {
                lineFeeds = true
                continue
            }
            guard byte == 0xC2 || byte == 0xE2 else { return cleanedParagraphs(of: text) }
            guard index != bytes.endIndex else { break }
            let second = bytes[index]
            if byte == 0xC2 {
                if (0x80...0x9F).contains(second) { return cleanedParagraphs(of: text) }
                continue
            }
            guard second == 0x80 else { continue }
            let next = bytes.index(after: index)
            if next != bytes.endIndex, bytes[next] == 0xA8 || bytes[next] == 0xA9 { return cleanedParagraphs(of: text) }
        }
        guard lineFeeds else { return [text[...]] }
        // A line feed is always a character of its own, so splitting the bytes splits the characters, without
        // finding every character's boundaries first.
        return text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { Substring($0) }
    }

    /// ``cleanedParagraphs(of:)``, which ``paragraphs(of:)`` skips where it gives the same, for a test to compare.
    static func cleanedParagraphsForTesting(of text: String) -> [Substring] {
        cleanedParagraphs(of: text)
    }

    /// The paragraphs of text that has tabs, control characters, carriage returns or other line separators.
    private static func cleanedParagraphs(of text: String) -> [Substring] {
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0.value == 0x2028 || $0.value == 0x2029 }) else {
            return [text[...]]
        }
        let cleaned = String(String.UnicodeScalarView(text.unicodeScalars.compactMap { scalar in
            if scalar == "\t" { return " " }
            return scalar.properties.generalCategory == .control && !isNewline(scalar) ? nil : scalar
        }))
        return cleaned.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    }

    private static func isNewline(_ scalar: Unicode.Scalar) -> Bool {
        Character(scalar).isNewline
    }

    private static func neededScalars(of character: Character) -> [Unicode.Scalar] {
        character.unicodeScalars.filter { !$0.properties.isDefaultIgnorableCodePoint }
    }

    private static func unique(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var seen = Set<Unicode.Scalar>()
        return scalars.filter { seen.insert($0).inserted }
    }
}
