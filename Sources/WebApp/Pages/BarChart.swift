/// A horizontal bar chart as inline SVG markup: one labelled bar per place, no script, no library.
///
/// Every label is escaped here, since the markup reaches the page unescaped.
struct BarChart {
    var bars: [(label: String, value: Int)]
    var words: Words

    var svg: String {
        let rowHeight = 26
        let labelWidth = 190
        let barWidth = 300
        let height = max(1, bars.count) * rowHeight + 10
        let largest = max(1, bars.map(\.value).max() ?? 1)
        var parts = ["<svg class=\"chart\" role=\"img\" aria-label=\"\(Self.escape(words[.chartTitle]))\" viewBox=\"0 0 \(labelWidth + barWidth + 70) \(height)\" width=\"\(labelWidth + barWidth + 70)\" height=\"\(height)\" xmlns=\"http://www.w3.org/2000/svg\">"]
        parts.append("<title>\(Self.escape(words[.chartTitle]))</title>")
        for (index, bar) in bars.enumerated() {
            let y = 5 + index * rowHeight
            let width = bar.value == 0 ? 0 : max(2, bar.value * barWidth / largest)
            parts.append("<text x=\"\(labelWidth - 6)\" y=\"\(y + 17)\" text-anchor=\"end\">\(Self.escape(bar.label))</text>")
            parts.append("<rect class=\"bar\" x=\"\(labelWidth)\" y=\"\(y + 4)\" width=\"\(width)\" height=\"\(rowHeight - 8)\"></rect>")
            parts.append("<text x=\"\(labelWidth + width + 6)\" y=\"\(y + 17)\">\(Self.escape(words.number(bar.value)))</text>")
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }
}
