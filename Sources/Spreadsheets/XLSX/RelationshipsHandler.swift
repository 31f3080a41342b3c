import Foundation

/// Reads a `.rels` part: which part a relationship id points to, and of what type.
final class RelationshipsHandler: XMLPartHandler {
    /// One `<Relationship>`.
    struct Relationship {
        var id: String
        /// The type URI, such as `…/relationships/worksheet`.
        var type: String
        /// The target part's path inside the package, resolved against the source part.
        var path: String
        var isExternal: Bool

        /// Whether the type ends with `/name`, whatever the namespace (transitional or strict).
        func hasType(_ name: String) -> Bool {
            type.hasSuffix("/" + name)
        }
    }

    private let sourcePart: String
    private(set) var relationships: [Relationship] = []
    private(set) var failure: SpreadsheetError?

    /// Creates a handler for the relationships of `sourcePart` (`""` for the package's own `_rels/.rels`).
    init(sourcePart: String) {
        self.sourcePart = sourcePart
    }

    func didStartElement(_ name: Substring, attributes attributeDict: [String: String]) {
        guard name == "Relationship",
              let id = XMLPart.attribute("Id", in: attributeDict),
              let target = XMLPart.attribute("Target", in: attributeDict)
        else { return }
        let isExternal = XMLPart.attribute("TargetMode", in: attributeDict) == "External"
        relationships.append(Relationship(
            id: id,
            type: XMLPart.attribute("Type", in: attributeDict) ?? "",
            path: isExternal ? target : Self.resolve(target, from: sourcePart),
            isExternal: isExternal))
    }

    /// The path of the `.rels` part that holds the relationships of `part`:
    /// `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`.
    static func relationshipsPath(of part: String) -> String {
        let (folder, name) = split(part)
        return folder + "_rels/" + name + ".rels"
    }

    /// The package path of `target`, relative to the folder of `sourcePart` unless it starts with `/`.
    static func resolve(_ target: String, from sourcePart: String) -> String {
        let decoded = target.removingPercentEncoding ?? target
        let joined = decoded.hasPrefix("/") ? decoded : split(sourcePart).folder + decoded
        var segments: [Substring] = []
        for segment in joined.split(separator: "/") {
            switch segment {
            case ".": continue
            case "..": _ = segments.popLast()
            default: segments.append(segment)
            }
        }
        return segments.joined(separator: "/")
    }

    private static func split(_ part: String) -> (folder: String, name: String) {
        guard let slash = part.lastIndex(of: "/") else { return ("", part) }
        return (String(part[...slash]), String(part[part.index(after: slash)...]))
    }
}
