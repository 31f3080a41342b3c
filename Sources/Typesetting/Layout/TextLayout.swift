/// Text broken into lines at a chosen size, ready to measure or to draw with ``Canvas/draw(_:in:)``.
///
/// Made by ``FontLibrary/layout(_:style:in:)``; it is only valid with that library.
public struct TextLayout {
    /// The text as given, newlines and all.
    let text: String
    /// The style the text was laid out with, its ``TextStyle/size`` the size finally used.
    public let style: TextStyle
    /// The box the text was laid out for.
    public let box: Size
    /// Whether the text fits ``box`` within the style's limits; ``Canvas`` refuses to draw it otherwise.
    public let fits: Bool
    /// The size the text is set in, in points; smaller than asked when it shrank to fit.
    public var fontSize: Double { style.size }
    /// The number of lines.
    public var lineCount: Int { laidOutLines.count }
    /// The text of each line, without the spaces it broke at.
    public var lines: [String] { laidOutLines.map(\.text) }
    /// The width of the widest line and the height from the top of the first line to the bottom of the last.
    public var size: Size {
        Size(
            width: laidOutLines.map(\.width).max() ?? 0,
            height: Self.height(lineCount: laidOutLines.count, ascender: ascender, descender: descender, lineAdvance: lineAdvance)
        )
    }

    let laidOutLines: [LaidOutLine]
    /// Distances in points, from the primary font's metrics at ``fontSize``.
    let ascender: Double
    let descender: Double
    /// Distance from one baseline to the next.
    let lineAdvance: Double
}

extension TextLayout {
    /// The height of `lineCount` lines: from the top of the first to the bottom of the last.
    static func height(lineCount: Int, ascender: Double, descender: Double, lineAdvance: Double) -> Double {
        lineCount == 0 ? 0 : Double(lineCount - 1) * lineAdvance + ascender + descender
    }
}
