import Foundation

/// A course file's fields by dotted path (`completion.minimum-share`), read through the one ``YAMLNode``: every
/// complaint names the file, line and field, and is a ``MalakaError``.
struct YAMLFields {
    let file: String
    private let root: YAMLNode

    init(text: String, file: String) throws {
        self.file = file
        root = try YAMLNode(text: text, file: file, fields: "code:, kind:, titles:…", error: { MalakaError.data($0) })
    }

    /// A complaint about the field at `path`, placed where it is, or at the top when it is missing.
    func problem(at path: String, _ message: String) -> any Error {
        (root.descendant(path) ?? root).problem(message, field: path)
    }

    func string(_ path: String) throws -> String {
        guard let value = try optionalString(path) else {
            throw problem(at: path, "the field is missing; add it")
        }
        return value
    }

    func optionalString(_ path: String) throws -> String? {
        try root.descendant(path)?.string()
    }

    func integer(_ path: String) throws -> Int {
        let text = try string(path)
        guard let value = Int(text) else { throw problem(at: path, "“\(text)” is not a whole number") }
        return value
    }

    func number(_ path: String) throws -> Double {
        _ = try string(path)
        return try root.descendant(path)!.number()
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
        try root.descendant(path)?.bool() ?? defaultValue
    }

    func stringList(_ path: String) throws -> [String] {
        guard let node = root.descendant(path) else { return [] }
        if node.isScalar { return [try node.string()] }
        guard let items = try? node.items() else { throw problem(at: path, "expected a list such as [parent, teacher]") }
        return try items.map { item in
            guard item.isScalar else { throw problem(at: path, "every item must be a single word") }
            return try item.string()
        }
    }

    func stringMap(_ path: String) throws -> [(String, String)] {
        guard let node = root.descendant(path) else { return [] }
        guard node.isMapping else { throw problem(at: path, "expected a mapping such as `en: Title`") }
        return try node.entries().map { tag, value in
            guard value.isScalar else { throw problem(at: path, "every entry must be `language: text`") }
            return (tag, try value.string())
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

    /// Refuses fields the format does not have, which are usually typos; titles may be in any language.
    func refuseUnknownFields(allowed: Set<String>) throws {
        func check(_ node: YAMLNode, prefix: String) throws {
            for (name, value) in try node.entries() {
                let path = prefix.isEmpty ? name : "\(prefix).\(name)"
                guard allowed.contains(path) else {
                    throw MalakaError.data("\(file), \(node.place(ofKey: name)): “\(path)” is not a field of a course file. Check its spelling; the fields are \(allowed.filter { !$0.contains(".") }.sorted().joined(separator: ", ")).")
                }
                if value.isMapping && path != "titles" {
                    try check(value, prefix: path)
                }
            }
        }
        try check(root, prefix: "")
    }
}
