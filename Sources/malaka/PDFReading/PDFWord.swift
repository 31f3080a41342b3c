import Foundation

/// A word of a PDF page as poppler's `pdftotext -bbox-layout` places it, in points from the top left.
struct PDFWord: Equatable {
    var text: String
    var xMin: Double
    var yMin: Double
    var xMax: Double
    var yMax: Double
    /// The `<line>` element the word belongs to, counted from 0 across the page.
    var line: Int

    var area: Double { max(0, xMax - xMin) * max(0, yMax - yMin) }

    /// The area two words share.
    func overlap(with other: PDFWord) -> Double {
        let width = min(xMax, other.xMax) - max(xMin, other.xMin)
        let height = min(yMax, other.yMax) - max(yMin, other.yMin)
        return width > 0 && height > 0 ? width * height : 0
    }

    /// The words of the first page of `pdftotext -bbox-layout` output.
    static func parse(bboxLayout xhtml: String) -> [PDFWord] {
        let firstPage = xhtml.components(separatedBy: "</page>").first ?? ""
        var words: [PDFWord] = []
        for (index, line) in firstPage.components(separatedBy: "<line ").dropFirst().enumerated() {
            for match in line.matches(of: wordPattern) {
                let (_, xMin, yMin, xMax, yMax, text) = match.output
                guard let x0 = Double(xMin), let y0 = Double(yMin), let x1 = Double(xMax), let y1 = Double(yMax) else { continue }
                words.append(PDFWord(text: unescaped(String(text)), xMin: x0, yMin: y0, xMax: x1, yMax: y1, line: index))
            }
        }
        return words
    }

    private static var wordPattern: Regex<(Substring, Substring, Substring, Substring, Substring, Substring)> { /<word xMin="([-0-9.]+)" yMin="([-0-9.]+)" xMax="([-0-9.]+)" yMax="([-0-9.]+)">([^<]*)<\/word>/ }

    private static func unescaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }
}
