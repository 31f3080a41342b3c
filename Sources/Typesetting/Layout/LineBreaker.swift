/// Breaks shaped paragraphs into lines at one font size: greedily, at spaces and after hyphens.
struct LineBreaker {
    /// Font size in points.
    let size: Double
    /// The widest a line may be, in points.
    let width: Double
    /// Whether lines wrap to ``width``; otherwise each paragraph is one line.
    let wraps: Bool
    /// Whether a word wider than ``width`` is split between clusters; otherwise it sticks out.
    let breaksWords: Bool

    /// Lines that came out, whether a word was split, and whether some line is wider than ``width``.
    struct Result {
        var lines: [LaidOutLine] = []
        var splitWord = false
        var overflows = false
    }

    private static let tolerance = 1e-6

    func lines(of paragraphs: [ShapedParagraph]) -> Result {
        var result = Result()
        for paragraph in paragraphs {
            if wraps {
                wrap(paragraph, into: &result)
            } else {
                let content = (paragraph.words.last?.content.upperBound).map { 0..<$0 } ?? 0..<0
                let widthInEms = paragraph.words.reduce(0) { $0 + $1.width + $1.spaceWidth } - (paragraph.words.last?.spaceWidth ?? 0)
                append(paragraph, content, widthInEms, to: &result)
            }
        }
        return result
    }

    private func wrap(_ paragraph: ShapedParagraph, into result: inout Result) {
        let limit = width / size + Self.tolerance
        var lineStart: Int?
        var lineEnd = 0
        var lineWidth = 0.0
        var pendingSpace = 0.0

        for word in paragraph.words {
            if let start = lineStart {
                if lineWidth + pendingSpace + word.width <= limit {
                    lineEnd = word.content.upperBound
                    lineWidth += pendingSpace + word.width
                    pendingSpace = word.spaceWidth
                    continue
                }
                append(paragraph, start..<lineEnd, lineWidth, to: &result)
            }
            // The word opens a line.
            if word.width > limit, breaksWords {
                result.splitWord = true
                var pieceStart = word.content.lowerBound
                var pieceWidth = 0.0
                for index in word.content {
                    let advance = paragraph.units[index].advance
                    if pieceWidth + advance > limit, index > pieceStart {
                        append(paragraph, pieceStart..<index, pieceWidth, to: &result)
                        pieceStart = index
                        pieceWidth = 0
                    }
                    pieceWidth += advance
                }
                lineStart = pieceStart
                lineWidth = pieceWidth
            } else {
                lineStart = word.content.lowerBound
                lineWidth = word.width
            }
            lineEnd = word.content.upperBound
            pendingSpace = word.spaceWidth
        }
        append(paragraph, (lineStart ?? 0)..<lineEnd, lineWidth, to: &result)
    }

    private func append(_ paragraph: ShapedParagraph, _ units: Range<Int>, _ widthInEms: Double, to result: inout Result) {
        let points = widthInEms * size
        if points > width + Self.tolerance * size { result.overflows = true }
        result.lines.append(LaidOutLine(paragraph: paragraph, units: units, width: points))
    }
}
