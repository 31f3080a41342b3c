/// One line of a text layout: a range of a shaped paragraph's units and its width.
struct LaidOutLine {
    let paragraph: ShapedParagraph
    /// A range of `paragraph.units`, without the spaces the line broke at.
    let units: Range<Int>
    /// Width in points.
    let width: Double

    var text: String { paragraph.text(of: units) }
}
