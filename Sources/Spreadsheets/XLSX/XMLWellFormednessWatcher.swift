import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The `XMLParser` delegate: passes events to a part's handler, noting parse errors and unclosed elements.
///
/// Foundation on Linux reports some errors only through `parseErrorOccurred`,
/// returns `true` from `parse()` for a document cut short, and `false` for a
/// complete document with a line over 10 MB, so this watcher keeps the first
/// error and the element depth itself.
final class XMLWellFormednessWatcher<Handler: XMLPartHandler>: NSObject, XMLParserDelegate {
    /// The first error `XMLParser` reported, and where.
    struct Problem {
        var line: Int
        var column: Int
        var reason: String
    }

    private let handler: Handler
    private var depth = 0
    private var sawRoot = false
    private(set) var problem: Problem?

    init(forwardingTo handler: Handler) {
        self.handler = handler
    }

    /// Whether a root element was opened and every element closed.
    var isComplete: Bool {
        sawRoot && depth == 0
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        depth += 1
        sawRoot = true
        handler.didStartElement(XMLPart.localName(elementName), attributes: attributeDict)
        stopIfFailed(parser)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?) {
        depth -= 1
        handler.didEndElement(XMLPart.localName(elementName))
        stopIfFailed(parser)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        handler.foundCharacters(string)
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        handler.foundCharacters(String(decoding: CDATABlock, as: UTF8.self))
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        // libxml2 reports “huge input lookup” at the end of a part whose one line is over
        // 10 MB (LibreOffice writes each sheet on one line); once the root element has
        // closed, every cell has been delivered, so such an error changes nothing.
        guard problem == nil, !isComplete else { return }
        problem = Problem(line: parser.lineNumber, column: parser.columnNumber,
                          reason: Self.reason((parseError as NSError).code))
    }

    private func stopIfFailed(_ parser: XMLParser) {
        if handler.failure != nil { parser.abortParsing() }
    }

    /// Words for the libxml2 error codes Foundation passes on.
    private static func reason(_ code: Int) -> String {
        switch code {
        case 1: "a line or text longer than the XML parser allows"
        case 4: "the document is empty"
        case 5: "the document ends too early"
        case 9: "a character that XML doesn't allow"
        case 26: "an undefined entity"
        case 38, 39, 41: "a malformed attribute"
        case 68, 73: "a malformed tag"
        case 76: "a closing tag that doesn't match the open element"
        default: "XML error \(code)"
        }
    }
}
