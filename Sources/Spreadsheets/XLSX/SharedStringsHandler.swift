import Foundation

/// Reads `xl/sharedStrings.xml`: the text of each `<si>`, joining rich-text runs and skipping phonetic hints.
final class SharedStringsHandler: XMLPartHandler {
    private(set) var strings: [String] = []
    private(set) var failure: SpreadsheetError?
    private var current = ""
    private var inItem = false
    private var inText = false
    private var phoneticDepth = 0

    func didStartElement(_ name: Substring, attributes attributeDict: [String: String]) {
        switch name {
        case "si":
            inItem = true
            current = ""
        case "t":
            inText = inItem && phoneticDepth == 0
        case "rPh":
            phoneticDepth += 1
        default:
            break
        }
    }

    func didEndElement(_ name: Substring) {
        switch name {
        case "si":
            strings.append(XMLPart.unescapingCharacters(current))
            inItem = false
        case "t":
            inText = false
        case "rPh":
            phoneticDepth -= 1
        default:
            break
        }
    }

    func foundCharacters(_ string: String) {
        if inText { current += string }
    }
}
