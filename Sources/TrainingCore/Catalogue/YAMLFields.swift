import Foundation
import Yams
import MalakaSupport

/// Typed access to the fields of a YAML mapping that names the file, line and field in every complaint.
struct YAMLFields {
    let file: String
    private let root: Node.Mapping
    private let rootMark: Mark?

    init(text: String, file: String) throws {
        self.file = file
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw MalakaError.data("\(file): \(error.locatedDescription). Fix the YAML syntax there.")
        }
        guard let node, let mapping = node.mapping else {
            throw MalakaError.data("\(file): the file must hold a mapping of fields (code:, kind:, titles:…), not \(node == nil ? "nothing" : "a list or a single value").")
        }
        root = mapping
        rootMark = node.mark
    }

    /// The node at a dotted path such as `completion.minimum-share`.
    func node(_ path: String) -> Node? {
        var current: Node.Mapping? = root
        var found: Node?
        for part in path.split(separator: ".") {
            guard let mapping = current, let next = mapping[String(part)] else { return nil }
            found = next
            current = next.mapping
        }
        return found
    }

    func problem(at path: String, _ message: String) -> MalakaError {
        let mark = node(path)?.mark ?? rootMark
        let place = mark.map { "line \($0.line), column \($0.column)" } ?? "the top"
        return MalakaError.data("\(file), \(place), field \(path): \(message).")
    }

    func string(_ path: String) throws -> String {
        guard let value = try optionalString(path) else {
            throw problem(at: path, "the field is missing; add it")
        }
        return value
    }

    func optionalString(_ path: String) throws -> String? {
        guard let node = node(path) else { return nil }
        guard let scalar = node.scalar else { throw problem(at: path, "expected text, found a list or a mapping") }
        return try checked(scalar.string, at: path)
    }

    /// The longest text a field may hold: a description is a paragraph, not a book.
    static let maximumTextLength = 10_000

    /// `text`, unless it is longer than any field needs or holds a character that must not be stored.
    func checked(_ text: String, at path: String) throws -> String {
        guard text.utf8.count <= Self.maximumTextLength else {
            throw problem(at: path, "the text is \(text.utf8.count) bytes long, more than the \(Self.maximumTextLength) any field may hold; shorten it")
        }
        if let scalar = ForbiddenCharacter.first(in: text, allowingLineBreaks: true) {
            throw problem(at: path, "the text contains the invisible character \(CharacterLabel.code(of: scalar)); retype it")
        }
        return text
    }

    func integer(_ path: String) throws -> Int {
        let text = try string(path)
        guard let value = Int(text) else { throw problem(at: path, "“\(text)” is not a whole number") }
        return value
    }

    func number(_ path: String) throws -> Double {
        let text = try string(path)
        guard let value = Double(text), value.isFinite else { throw problem(at: path, "“\(text)” is not a number") }
        return value
    }

    /// A share written `80%` or `0.8`.
    func share(_ path: String) throws -> Double {
        let text = try string(path).trimmingSpaces()
        let value: Double?
        if text.hasSuffix("%") {
            value = Double(String(text.dropLast()).trimmingSpaces()).map { $0 / 100 }
        } else {
            value = Double(text)
        }
        guard let value, (0...1).contains(value) else {
            throw problem(at: path, "“\(text)” is not a share: write 80% or 0.8")
        }
        return value
    }

    func bool(_ path: String, default defaultValue: Bool) throws -> Bool {
        guard let text = try optionalString(path) else { return defaultValue }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw problem(at: path, "“\(text)” is not true or false")
        }
    }

    func stringList(_ path: String) throws -> [String] {
        guard let node = node(path) else { return [] }
        if let scalar = node.scalar { return [scalar.string] }
        guard let sequence = node.sequence else { throw problem(at: path, "expected a list such as [parent, teacher]") }
        return try sequence.map { item in
            guard let scalar = item.scalar else { throw problem(at: path, "every item must be a single word") }
            return scalar.string
        }
    }

    func stringMap(_ path: String) throws -> [(String, String)] {
        guard let node = node(path) else { return [] }
        guard let mapping = node.mapping else { throw problem(at: path, "expected a mapping such as `en: Title`") }
        return try mapping.map { key, value in
            guard let tag = key.scalar?.string, let text = value.scalar?.string else {
                throw problem(at: path, "every entry must be `language: text`")
            }
            return (tag, try checked(text, at: "\(path).\(tag)"))
        }
    }

    /// Parses a value with a parser that throws ``MalakaError``, adding the file and line to its message.
    func parsed<T>(_ path: String, _ value: String? = nil, _ parse: (String) throws -> T) throws -> T {
        let text = try value ?? string(path)
        do {
            return try parse(text)
        } catch let error as MalakaError {
            throw problem(at: path, String(error.message.dropLast(error.message.hasSuffix(".") ? 1 : 0)))
        }
    }

    /// Refuses fields the format does not have, which are usually typos.
    func refuseUnknownFields(allowed: Set<String>) throws {
        func check(_ mapping: Node.Mapping, prefix: String) throws {
            for (key, value) in mapping {
                guard let name = key.scalar?.string else { continue }
                let path = prefix.isEmpty ? name : "\(prefix).\(name)"
                if path.hasPrefix("titles.") { continue }
                guard allowed.contains(path) else {
                    let mark = key.mark.map { "line \($0.line), column \($0.column)" } ?? "the top"
                    throw MalakaError.data("\(file), \(mark): “\(path)” is not a field of a course file. Check its spelling; the fields are \(allowed.filter { !$0.contains(".") }.sorted().joined(separator: ", ")).")
                }
                if let nested = value.mapping, path != "titles" {
                    try check(nested, prefix: path)
                }
            }
        }
        try check(root, prefix: "")
    }
}
