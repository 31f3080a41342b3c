import Foundation

/// Reads `xl/workbook.xml`: the sheets in tab order and the date system.
final class WorkbookHandler: XMLPartHandler {
    /// One `<sheet>`: its name, relationship id and visibility.
    struct SheetEntry {
        var name: String
        var relationshipID: String
        var isHidden: Bool
    }

    private(set) var sheets: [SheetEntry] = []
    /// Whether dates count from 1904-01-01 (old Mac Excel) rather than 1900.
    private(set) var usesDate1904 = false
    private(set) var failure: SpreadsheetError?

    func didStartElement(_ name: Substring, attributes attributeDict: [String: String]) {
        switch name {
        case "workbookPr":
            usesDate1904 = XMLPart.isTrue(XMLPart.attribute("date1904", in: attributeDict))
        case "sheet":
            guard let name = XMLPart.attribute("name", in: attributeDict),
                  let id = XMLPart.attribute("id", in: attributeDict)
            else { return }
            let state = XMLPart.attribute("state", in: attributeDict) ?? "visible"
            sheets.append(SheetEntry(name: name, relationshipID: id, isHidden: state != "visible"))
        default:
            break
        }
    }
}
