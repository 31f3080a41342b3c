import Foundation
import Yams
import MalakaSupport

/// A node of a YAML document with the path that leads to it, so that every complaint names the file, line and field:
/// the one typed access to YAML for course files, certificate templates and anything else read from YAML.
///
/// Paths read like `blocks[3].box` or `fonts.display.family`. Each reader says which error its complaints
/// are (a course file's are ``MalakaError``s, a template's the template loader's own).
///
/// For example:
/// ```swift
/// let root = try YAMLNode(text: yaml, file: "certificate-templates/participation.yaml", fields: "page:, fonts:, blocks:…",
///                         error: TemplateError.init)
/// let size = try root.required("page").required("size").word(["A4", "Letter"])
/// // certificate-templates/participation.yaml, line 4, column 9, field page.size: “A5” is not one of A4, Letter.
/// ```
public struct YAMLNode {
    let node: Node
    public let path: String
    public let file: String
    /// Makes the error a complaint is thrown as, from its whole sentence.
    private let makeError: @Sendable (String) -> any Error

    /// Parses `text`, which must hold a mapping; `fields` names a few of the fields it should have, for the message.
    public init(text: String, file: String, fields: String, error: @escaping @Sendable (String) -> any Error) throws {
        let parsed: Node?
        do {
            parsed = try Yams.compose(yaml: text)
        } catch let yamlError as YamlError {
            throw error("\(file), \(yamlError.locatedDescription). Fix the YAML syntax there.")
        } catch let other {
            throw error("\(file): the YAML could not be read (\(other)).")
        }
        guard let parsed, parsed.mapping != nil else {
            throw error("\(file): the file must hold a mapping of fields (\(fields)), not \(parsed == nil ? "nothing" : "a list or a single value").")
        }
        self.init(node: parsed, path: "", file: file, makeError: error)
    }

    private init(node: Node, path: String, file: String, makeError: @escaping @Sendable (String) -> any Error) {
        self.node = node
        self.path = path
        self.file = file
        self.makeError = makeError
    }

    private func child(_ node: Node, _ path: String) -> YAMLNode {
        YAMLNode(node: node, path: path, file: file, makeError: makeError)
    }

    /// `line 4, column 9`: where this node starts.
    public var place: String {
        node.mark.map { "line \($0.line), column \($0.column)" } ?? "the top"
    }

    /// `line 4, column 3`: where the key `name` of this mapping is written; this node's place if it has no such key.
    public func place(ofKey name: String) -> String {
        node.mapping?.first { $0.key.scalar?.string == name }?.key.mark.map { "line \($0.line), column \($0.column)" } ?? place
    }

    /// An error naming the file, the line and column, and the field: this node's, unless `field` and `place`
    /// name another (a missing field, or a key rather than its value).
    public func problem(_ message: String, field: String? = nil, place: String? = nil) -> any Error {
        let field = field ?? path
        let place = place ?? self.place
        return makeError(field.isEmpty ? "\(file), \(place): \(message)." : "\(file), \(place), field \(field): \(message).")
    }

    /// The node at a dotted path of mappings below this one, such as `completion.minimum-share`; nil where any part is missing.
    public func descendant(_ dottedPath: String) -> YAMLNode? {
        var current = self
        for part in dottedPath.split(separator: ".") {
            guard let next = current.node.mapping?[String(part)] else { return nil }
            current = child(next, current.childPath(String(part)))
        }
        return current
    }

    // MARK: Mappings

    /// The field `key` of this mapping, if present.
    public func optional(_ key: String) throws -> YAMLNode? {
        guard let mapping = node.mapping else { throw problem("expected a mapping of fields, found \(kind)") }
        return mapping[key].map { child($0, childPath(key)) }
    }

    /// The field `key` of this mapping; missing is an error.
    public func required(_ key: String) throws -> YAMLNode {
        guard let child = try optional(key) else {
            throw problem("the field \(key) is missing; add it")
        }
        return child
    }

    /// The fields of this mapping in order, with their names.
    public func entries() throws -> [(key: String, value: YAMLNode)] {
        guard let mapping = node.mapping else { throw problem("expected a mapping, found \(kind)") }
        return try mapping.map { key, value in
            guard let name = key.scalar?.string else {
                throw child(key, path).problem("every key must be a plain word")
            }
            return (name, child(value, childPath(name)))
        }
    }

    /// Refuses fields this mapping may not have, which are usually typos.
    public func refuseUnknownFields(_ allowed: [String]) throws {
        guard let mapping = node.mapping else { throw problem("expected a mapping of fields, found \(kind)") }
        for (key, _) in mapping {
            guard let name = key.scalar?.string, allowed.contains(name) else {
                let shown = key.scalar?.string ?? "?"
                let keyPlace = key.mark.map { "line \($0.line), column \($0.column)" } ?? place
                throw makeError("\(file), \(keyPlace): “\(childPath(shown))” is not a field here. Check its spelling; the fields are \(allowed.joined(separator: ", ")).")
            }
        }
    }

    private func childPath(_ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }

    // MARK: Lists

    /// The items of this list; a missing list is given as nil by ``optional(_:)``.
    public func items() throws -> [YAMLNode] {
        guard let sequence = node.sequence else { throw problem("expected a list, found \(kind)") }
        return sequence.enumerated().map { index, item in child(item, "\(path)[\(index + 1)]") }
    }

    // MARK: Scalars

    public var isScalar: Bool { node.scalar != nil }
    public var isMapping: Bool { node.mapping != nil }

    /// The longest text a field may hold: a description is a paragraph, not a book.
    public static let maximumTextLength = 10_000

    /// The text of this scalar.
    public func string() throws -> String {
        guard let scalar = node.scalar else { throw problem("expected text, found \(kind)") }
        guard scalar.string.utf8.count <= Self.maximumTextLength else {
            throw problem("the text is \(scalar.string.utf8.count) bytes long, more than the \(Self.maximumTextLength) any field may hold; shorten it")
        }
        // Printed on certificates and in messages: no escape sequences, bells or direction overrides.
        if let character = ForbiddenCharacter.first(in: scalar.string, allowingLineBreaks: true) {
            throw problem("the text contains the invisible character \(CharacterLabel.code(of: character)); retype it")
        }
        return scalar.string
    }

    public func number() throws -> Double {
        let text = try string().trimmingCharacters(in: .whitespaces)
        guard let value = Double(text), value.isFinite else { throw problem("“\(text)” is not a number") }
        return value
    }

    /// A number in an inclusive range.
    public func number(in range: ClosedRange<Double>, unit: String) throws -> Double {
        let value = try number()
        guard range.contains(value) else {
            throw problem("\(Self.format(value)) is out of range: give \(Self.format(range.lowerBound))–\(Self.format(range.upperBound)) \(unit)")
        }
        return value
    }

    public func integer(in range: ClosedRange<Int>) throws -> Int {
        let text = try string().trimmingCharacters(in: .whitespaces)
        guard let value = Int(text), range.contains(value) else {
            throw problem("“\(text)” is not a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    public func bool() throws -> Bool {
        switch try string().lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        case let other: throw problem("“\(other)” is not true or false")
        }
    }

    /// One of a few words, in any case; returns the word as listed.
    public func word(_ choices: [String]) throws -> String {
        let text = try string().trimmingCharacters(in: .whitespaces)
        guard let match = choices.first(where: { $0.caseInsensitiveCompare(text) == .orderedSame }) else {
            throw problem("“\(text)” is not one of \(choices.joined(separator: ", "))")
        }
        return match
    }

    /// A list of exactly `count` numbers, such as `[20, 30, 257, 18]`.
    public func numbers(count: Int, meaning: String) throws -> [Double] {
        guard let sequence = node.sequence, sequence.count == count else {
            throw problem("expected \(meaning), a list of \(count) numbers such as [\((1...count).map { String($0 * 10) }.joined(separator: ", "))]")
        }
        return try items().map { try $0.number() }
    }

    private var kind: String {
        switch node {
        case .scalar(let scalar): "“\(scalar.string)”"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    public static func format(_ value: Double) -> String {
        // Whole numbers print without “.0”, but only when they fit an Int: `Int(1e308)` stops the program.
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(format: "%g", value)
    }
}
