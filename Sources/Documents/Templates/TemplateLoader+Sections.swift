import Crypto
import Foundation
import TrainingCore
import Typesetting

extension TemplateLoader {
    func readPage(_ node: YAMLNode) throws -> PageSize {
        try node.refuseUnknownFields(["size", "orientation"])
        let size = try node.required("size").word(["A4", "Letter"]) == "A4" ? PageSize.a4 : PageSize.letter
        let orientation = try node.required("orientation").word(["landscape", "portrait"])
        return orientation == "landscape" ? size.landscape : size.portrait
    }

    func readLanguages(_ node: YAMLNode) throws -> [DocumentLanguage] {
        let items = try node.items()
        guard !items.isEmpty else { throw node.problem("list at least one language, e.g. [uz-Latn, en]") }
        var languages: [DocumentLanguage] = []
        for item in items {
            let tag = try item.string()
            guard let language = try? DocumentLanguage(parsing: tag) else {
                throw item.problem("“\(tag)” is not a language; use \(DocumentLanguage.allTags)")
            }
            guard !languages.contains(language) else { throw item.problem("\(language.rawValue) is listed twice") }
            languages.append(language)
        }
        return languages
    }

    mutating func readColours(_ node: YAMLNode?) throws {
        guard let node else { return }
        for (name, value) in try node.entries() {
            brokenNames.insert(name)
            _ = attempt { loader in
                let hex = try value.string()
                guard hex.hasPrefix("#"), let colour = Color(hex: hex) else {
                    throw value.problem("“\(hex)” is not a colour; write #RRGGBB or #RRGGBBAA")
                }
                loader.colours[name] = colour
                loader.brokenNames.remove(name)
            }
        }
    }

    mutating func readFonts(_ node: YAMLNode) throws {
        let entries = try node.entries()
        guard !entries.isEmpty else { throw node.problem("name at least one font, e.g. `body: {family: Noto Sans}`") }
        for (name, value) in entries {
            brokenNames.insert(name)
            _ = attempt { loader in
                try value.refuseUnknownFields(["family", "weight", "italic"])
                let familyNode = try value.required("family")
                let font = FontDescriptor(
                    family: try familyNode.string(),
                    weight: try value.optional("weight").map { try $0.word(["regular", "bold"]) == "bold" ? .bold : .regular } ?? .regular,
                    italic: try value.optional("italic")?.bool() ?? false)
                do {
                    _ = try loader.fonts.fontFile(for: font)
                } catch let error as TypesettingError {
                    throw familyNode.problem(String(error.description.dropLast(error.description.hasSuffix(".") ? 1 : 0)))
                }
                loader.fontNames[name] = font
                loader.brokenNames.remove(name)
            }
        }
    }
}
