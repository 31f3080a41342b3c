/// One line of a text layout: a range of a shaped paragraph's units and its width.
struct LaidOutLine {
    let paragraph: ShapedParagraph
    /// A range of `paragraph.units`, without the spaces the line broke at.
    let units: Range<Int>
    /// Width in points.
    let width: Double

    var text: String { paragraph.text(of: units) }

    /// How far the line's ink reaches above and below the baseline, in ems.
    var ink: (top: Double, bottom: Double) {
        paragraph.units[units].reduce((0, 0)) { (max($0.0, $1.inkTop), max($0.1, $1.inkBottom)) }
    }
}
