/// How a piece of text is set: font, size, colour, alignment, wrapping and shrink-to-fit.
///
/// For example, a participant's name that shrinks to stay on one line:
/// ```swift
/// TextStyle(font: FontDescriptor(family: "Noto Serif", weight: .bold), size: 32,
///           alignment: .center, maximumLines: 1, minimumSize: 16)
/// ```
public struct TextStyle: Hashable, Sendable {
    public var font: FontDescriptor
    /// The size in points; the largest size tried when ``minimumSize`` is set.
    public var size: Double
    public var color: Color
    public var alignment: TextAlignment
    public var verticalAlignment: VerticalAlignment
    /// The distance between baselines as a multiple of the font's own line height.
    public var lineSpacing: Double
    /// Whether lines wrap at word boundaries to the box's width; otherwise only newlines break lines.
    ///
    /// A word wider than the box is split between letters (see ``minimumSize``).
    public var wraps: Bool
    /// At most this many lines, or no limit.
    public var maximumLines: Int?
    /// When set, the size shrinks from ``size`` down to this until the text fits its box.
    ///
    /// Words are split across lines only at this smallest size, and only when one word alone is wider than the box.
    public var minimumSize: Double?

    public init(
        font: FontDescriptor,
        size: Double,
        color: Color = .black,
        alignment: TextAlignment = .left,
        verticalAlignment: VerticalAlignment = .top,
        lineSpacing: Double = 1,
        wraps: Bool = true,
        maximumLines: Int? = nil,
        minimumSize: Double? = nil
    ) {
        self.font = font
        self.size = size
        self.color = color
        self.alignment = alignment
        self.verticalAlignment = verticalAlignment
        self.lineSpacing = lineSpacing
        self.wraps = wraps
        self.maximumLines = maximumLines
        self.minimumSize = minimumSize
    }
}
