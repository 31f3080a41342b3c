import Foundation
import TrainingCore
import Yams
import MalakaSupport

/// A node of a YAML document with the path that leads to it, so that every complaint names the file, line and field.
///
/// Paths read like `blocks[3].box` or `fonts.display.family`.
///
/// For example:
/// ```swift
/// let root = try YAMLNode(text: yaml, file: "certificate-templates/participation.yaml")
/// let size = try root.required("page").required("size").word(["A4", "Letter"])
/// // certificate-templates/participation.yaml, line 4, column 9, field page.size: “A5” is not one of A4, Letter.
/// ```
struct YAMLNode {
    let node: Node
    let path: String
    let file: String

    /// Parses `text`, which must hold a mapping.
    init(text: String, file: String) throws {
        let parsed: Node?
        do {
            parsed = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw TemplateError("\(file), \(error.locatedDescription). Fix the YAML syntax there.")
        } catch {
            throw TemplateError("\(file): the YAML could not be read (\(error)).")
        }
        guard let parsed, parsed.mapping != nil else {
            throw TemplateError("\(file): the file must hold a mapping of fields (page:, fonts:, blocks:…), not \(parsed == nil ? "nothing" : "a list or a single value").")
        }
        self.init(node: parsed, path: "", file: file)
    }

    private init(node: Node, path: String, file: String) {
        self.node = node
        self.path = path
        self.file = file
    }

    /// `line 4, column 9`: where this node starts.
    var place: String {
        node.mark.map { "line \($0.line), column \($0.column)" } ?? "the top"
    }

    /// An error naming the file, the line and column, and the field.
    func problem(_ message: String) -> TemplateError {
        TemplateError(path.isEmpty ? "\(file), \(place): \(message)." : "\(file), \(place), field \(path): \(message).")
    }

    // MARK: Mappings

    /// The field `key` of this mapping, if present.
    func optional(_ key: String) throws -> YAMLNode? {
        guard let mapping = node.mapping else { throw problem("expected a mapping of fields, found \(kind)") }
        return mapping[key].map { YAMLNode(node: $0, path: childPath(key), file: file) }
    }

    /// The field `key` of this mapping; missing is an error.
    func required(_ key: String) throws -> YAMLNode {
        guard let child = try optional(key) else {
            throw problem("the field \(key) is missing; add it")
        }
        return child
    }

    /// The fields of this mapping in order, with their names.
    func entries() throws -> [(key: String, value: YAMLNode)] {
        guard let mapping = node.mapping else { throw problem("expected a mapping, found \(kind)") }
        return try mapping.map { key, value in
            guard let name = key.scalar?.string else {
                throw YAMLNode(node: key, path: path, file: file).problem("every key must be a plain word")
            }
            return (name, YAMLNode(node: value, path: childPath(name), file: file))
        }
    }

    /// Refuses fields this mapping may not have, which are usually typos.
    func refuseUnknownFields(_ allowed: [String]) throws {
        guard let mapping = node.mapping else { throw problem("expected a mapping of fields, found \(kind)") }
        for (key, _) in mapping {
            guard let name = key.scalar?.string, allowed.contains(name) else {
                let shown = key.scalar?.string ?? "?"
                let keyPlace = key.mark.map { "line \($0.line), column \($0.column)" } ?? place
                throw TemplateError("\(file), \(keyPlace): “\(childPath(shown))” is not a field here. Check its spelling; the fields are \(allowed.joined(separator: ", ")).")
            }
        }
    }

    private func childPath(_ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }

    // MARK: Lists

    /// The items of this list; a missing list is given as nil by ``optional(_:)``.
    func items() throws -> [YAMLNode] {
        guard let sequence = node.sequence else { throw problem("expected a list, found \(kind)") }
        return sequence.enumerated().map { index, item in YAMLNode(node: item, path: "\(path)[\(index + 1)]", file: file) }
    }

    // MARK: Scalars

    var isScalar: Bool { node.scalar != nil }
    var isMapping: Bool { node.mapping != nil }

    /// The text of this scalar.
    func string() throws -> String {
        guard let scalar = node.scalar else { throw problem("expected text, found \(kind)") }
        // Printed on certificates and in messages: no escape sequences, bells or direction overrides.
        if let character = ForbiddenCharacter.first(in: scalar.string, allowingLineBreaks: true) {
            throw problem("the text contains the invisible character \(CharacterLabel.code(of: character)); retype it")
        }
        return scalar.string
    }

    func number() throws -> Double {
        let text = try string().trimmingCharacters(in: .whitespaces)
        guard let value = Double(text), value.isFinite else { throw problem("“\(text)” is not a number") }
        return value
    }

    /// A number in an inclusive range.
    func number(in range: ClosedRange<Double>, unit: String) throws -> Double {
        let value = try number()
        guard range.contains(value) else {
            throw problem("\(Self.format(value)) is out of range: give \(Self.format(range.lowerBound))–\(Self.format(range.upperBound)) \(unit)")
        }
        return value
    }

    func integer(in range: ClosedRange<Int>) throws -> Int {
        let text = try string().trimmingCharacters(in: .whitespaces)
        guard let value = Int(text), range.contains(value) else {
            throw problem("“\(text)” is not a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    func bool() throws -> Bool {
        switch try string().lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        case let other: throw problem("“\(other)” is not true or false")
        }
    }

    /// One of a few words, in any case; returns the word as listed.
    func word(_ choices: [String]) throws -> String {
        let text = try string().trimmingCharacters(in: .whitespaces)
        guard let match = choices.first(where: { $0.caseInsensitiveCompare(text) == .orderedSame }) else {
            throw problem("“\(text)” is not one of \(choices.joined(separator: ", "))")
        }
        return match
    }

    /// A list of exactly `count` numbers, such as `[20, 30, 257, 18]`.
    func numbers(count: Int, meaning: String) throws -> [Double] {
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

    static func format(_ value: Double) -> String {
        // Whole numbers print without “.0”, but only when they fit an Int: `Int(1e308)` stops the program.
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(format: "%g", value)
    }
}

/// One problem with a template, already worded with its file, line and field.
struct TemplateError: Error {
    let message: String

    init(_ message: String) {
        self.message = message
    }
}
