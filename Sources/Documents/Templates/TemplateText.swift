import TrainingCore

/// Text in a template: the same in every language or given per language, with placeholders.
///
/// In YAML, either `text: "Certificate No. {serial}"` or
/// ```yaml
/// text:
///   uz-Latn: "Sertifikat raqami: {serial}"
///   en: "Certificate No. {serial}"
/// ```
struct TemplateText: Sendable, Hashable {
    enum Piece: Sendable, Hashable {
        case literal(String)
        case value(Placeholder)
    }

    /// The pieces per language; `shared` when the text is the same in all of them.
    private let perLanguage: [DocumentLanguage: [Piece]]
    private let shared: [Piece]?

    /// The template field it came from, such as `blocks[4].text`, for messages.
    let field: String

    /// Every placeholder the text uses, in any language.
    var placeholders: Set<Placeholder> {
        var found = Set<Placeholder>()
        for pieces in [shared ?? []] + Array(perLanguage.values) {
            for case let .value(placeholder) in pieces { found.insert(placeholder) }
        }
        return found
    }

    /// The pieces printed in `language`; a per-language text has been checked to cover the template's languages.
    func pieces(in language: DocumentLanguage) -> [Piece] {
        shared ?? perLanguage[language] ?? []
    }

    /// Whether the text shows a value that differs from one certificate to the next, in `language`.
    func showsPerCertificateValue(in language: DocumentLanguage) -> Bool {
        pieces(in: language).contains { if case let .value(placeholder) = $0 { placeholder.name.isPerCertificate } else { false } }
    }

    /// The fixed parts of the text in each language, to check against the fonts once per template.
    var literals: [(language: DocumentLanguage?, text: String)] {
        func join(_ pieces: [Piece]) -> String {
            pieces.map { if case let .literal(text) = $0 { text } else { " " } }.joined()
        }
        if let shared { return [(nil, join(shared))] }
        return perLanguage.sorted { $0.key < $1.key }.map { ($0.key, join($0.value)) }
    }

    /// One placeholder alone, the same in every language.
    init(placeholder: Placeholder, field: String) {
        self.field = field
        shared = [.value(placeholder)]
        perLanguage = [:]
    }

    /// Reads a text node for a template printing `languages`.
    init(_ node: YAMLNode, languages: [DocumentLanguage]) throws {
        field = node.path
        if node.isScalar {
            shared = try Self.pieces(of: node.string(), node: node)
            perLanguage = [:]
            return
        }
        guard node.isMapping else {
            throw node.problem("expected text, or a mapping of languages to text such as `en: Certificate`")
        }
        var texts: [DocumentLanguage: [Piece]] = [:]
        for (key, value) in try node.entries() {
            guard let language = try? DocumentLanguage(parsing: key) else {
                throw value.problem("“\(key)” is not a language; use \(DocumentLanguage.allTags)")
            }
            texts[language] = try Self.pieces(of: value.string(), node: value)
        }
        let missing = languages.filter { texts[$0] == nil }
        guard missing.isEmpty else {
            throw node.problem("the text is missing in \(missing.map(\.rawValue).joined(separator: ", ")), which the template prints (languages:); add it")
        }
        shared = nil
        perLanguage = texts
    }

    /// Splits text into literal runs and placeholders; `{{` and `}}` stand for braces.
    static func pieces(of text: String, node: YAMLNode) throws -> [Piece] {
        var pieces: [Piece] = []
        var literal = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            if character == "{" || character == "}", next < text.endIndex, text[next] == character {
                literal.append(character)
                index = text.index(after: next)
                continue
            }
            if character == "}" {
                throw node.problem("a “}” without its “{” in “\(text)”; write }} for a brace")
            }
            guard character == "{" else {
                literal.append(character)
                index = next
                continue
            }
            guard let close = text[next...].firstIndex(of: "}") else {
                throw node.problem("a “{” without its “}” in “\(text)”; write {{ for a brace")
            }
            switch Placeholder.parse(String(text[next..<close])) {
            case .success(let placeholder):
                if !literal.isEmpty { pieces.append(.literal(literal)) }
                literal = ""
                pieces.append(.value(placeholder))
            case .failure(let error):
                throw node.problem(error.message)
            }
            index = text.index(after: close)
        }
        if !literal.isEmpty { pieces.append(.literal(literal)) }
        return pieces
    }
}
