import Foundation

/// Reads `xl/styles.xml` far enough to know which cell styles show dates or times.
final class StylesHandler: XMLPartHandler {
    private(set) var failure: SpreadsheetError?
    private var customFormats: [Int: String] = [:]
    private var formatOfStyle: [Int] = []
    private var inCellStyles = false

    /// The date or time kind of each cell style (`s` attribute), `nil` for numbers.
    var kindOfStyle: [NumberFormatKind?] {
        formatOfStyle.map { id in
            if let code = customFormats[id] { return NumberFormatKind(formatCode: code) }
            return NumberFormatKind(builtInID: id)
        }
    }

    func didStartElement(_ name: Substring, attributes attributeDict: [String: String]) {
        switch name {
        case "numFmt":
            if let id = XMLPart.attribute("numFmtId", in: attributeDict).flatMap({ Int($0) }),
               let code = XMLPart.attribute("formatCode", in: attributeDict) {
                customFormats[id] = code
            }
        case "cellXfs":
            inCellStyles = true
        case "xf" where inCellStyles:
            formatOfStyle.append(XMLPart.attribute("numFmtId", in: attributeDict).flatMap { Int($0) } ?? 0)
        default:
            break
        }
    }

    func didEndElement(_ name: Substring) {
        if name == "cellXfs" { inCellStyles = false }
    }
}
