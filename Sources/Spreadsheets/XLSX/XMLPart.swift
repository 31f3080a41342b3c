import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads one part of an XLSX package from the events of Foundation's `XMLParser`.
///
/// Names arrive without their namespace prefix (`x:row` → `row`).
protocol XMLPartHandler: AnyObject {
    /// The first failure found in the content; parsing stops once it is set.
    var failure: SpreadsheetError? { get }
    func didStartElement(_ name: Substring, attributes: [String: String])
    func didEndElement(_ name: Substring)
    func foundCharacters(_ string: String)
}

extension XMLPartHandler {
    func didEndElement(_ name: Substring) {}
    func foundCharacters(_ string: String) {}
}

/// Runs Foundation's `XMLParser` over XLSX parts, with errors that name the part.
enum XMLPart {
    /// Cell text with Excel's `_xHHHH_` escapes replaced by the characters they stand for.
    ///
    /// XML cannot hold most control characters, so Excel writes a carriage return
    /// as `_x000D_` and an escape as `_x001B_` (and a literal `_x` as `_x005F_x`).
    /// Leaving them escaped stored “Nur_x000D_ MFY” and hid control characters
    /// from the checks that refuse them; decoded, they are seen for what they are.
    static func unescapingCharacters(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        var units: [UInt16] = []
        let source = Array(text.utf16)
        var index = 0
        func hexValue(_ unit: UInt16) -> UInt16? {
            switch unit {
            case 0x30...0x39: unit - 0x30
            case 0x41...0x46: unit - 0x41 + 10
            case 0x61...0x66: unit - 0x61 + 10
            default: nil
            }
        }
        while index < source.count {
            if index + 6 < source.count, source[index] == 0x5F, source[index + 1] == 0x78, source[index + 6] == 0x5F,
               let a = hexValue(source[index + 2]), let b = hexValue(source[index + 3]),
               let c = hexValue(source[index + 4]), let d = hexValue(source[index + 5]) {
                units.append(a << 12 | b << 8 | c << 4 | d)
                index += 7
            } else {
                units.append(source[index])
                index += 1
            }
        }
        // A lone surrogate written as _xD800_ becomes U+FFFD rather than invalid text.
        return String(decoding: units, as: UTF16.self)
    }

    /// Parses `data`, the part at `part`, with `handler`.
    ///
    /// A part with a document type declaration is refused before parsing: no
    /// spreadsheet part has one, and entity tricks need one.
    static func parse(_ data: Data, part: String, with handler: some XMLPartHandler) throws(SpreadsheetError) {
        if data.range(of: Data("<!DOCTYPE".utf8)) != nil || data.range(of: Data("<!ENTITY".utf8)) != nil {
            throw malformed(part, detail: "it declares a document type, which spreadsheet parts never do")
        }
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        let watcher = XMLWellFormednessWatcher(forwardingTo: handler)
        parser.delegate = watcher
        _ = parser.parse()   // its result is unreliable on Linux; the watcher decides
        if let failure = handler.failure { throw failure }
        // Foundation on Linux can return true after an error, or for a document cut short.
        if let problem = watcher.problem {
            throw malformed(part, detail: "its XML is broken at line \(problem.line), character \(problem.column) (\(problem.reason))")
        }
        guard watcher.isComplete else {
            throw malformed(part, detail: "its XML ends before its last element is closed")
        }
    }

    /// The error for a part whose content makes no sense.
    static func malformed(_ part: String, detail: String) -> SpreadsheetError {
        SpreadsheetError(
            code: .malformedPart,
            message: "The workbook's part \(part) can't be read: \(detail).",
            remedy: "Open the file in Excel or LibreOffice and save it again as .xlsx.",
            part: part)
    }

    /// An element or attribute name without its namespace prefix: `x:row` → `row`.
    static func localName(_ name: String) -> Substring {
        guard let colon = name.lastIndex(of: ":") else { return Substring(name) }
        return name[name.index(after: colon)...]
    }

    /// The attribute called `name`, with or without a namespace prefix.
    static func attribute(_ name: String, in attributes: [String: String]) -> String? {
        if let value = attributes[name] { return value }
        return attributes.first { localName($0.key) == name }?.value
    }

    /// Whether an attribute value such as `1`, `true` or `on` is true.
    static func isTrue(_ value: String?) -> Bool {
        switch value?.lowercased() {
        case "1", "true", "on": true
        default: false
        }
    }
}
