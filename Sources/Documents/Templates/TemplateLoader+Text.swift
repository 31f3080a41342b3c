import Crypto
import Foundation
import MalakaSupport
import TrainingCore
import Typesetting

extension TemplateLoader {
    func block(_ node: YAMLNode) throws -> CertificateTemplate.Block {
        try node.refuseUnknownFields(["text", "box", "font", "size", "min-size", "colour", "align", "valign", "lines", "line-spacing", "optional"])
        let font = try fontReference(node.required("font"))
        let size = try node.required("size").number(in: 4...200, unit: "pt")
        let minimum = try node.optional("min-size").map { try $0.number(in: 4...size, unit: "pt (no more than size:)") }
        let lines = try node.optional("lines").map { try $0.integer(in: 1...50) }
        let style = TextStyle(
            font: font, size: size,
            color: try node.optional("colour").map { try colour($0) } ?? .black,
            alignment: try node.optional("align").map { TextAlignment(rawValue: try $0.word(["left", "center", "right"]))! } ?? .left,
            verticalAlignment: try node.optional("valign").map { VerticalAlignment(rawValue: try $0.word(["top", "middle", "bottom"]))! } ?? .top,
            lineSpacing: try node.optional("line-spacing").map { try $0.number(in: 0.5...3, unit: "times the font's line height") } ?? 1,
            wraps: lines != 1, maximumLines: lines, minimumSize: minimum)
        let textNode = try node.required("text")
        let text = try TemplateText(textNode, languages: languages)
        // Placeholders that name signatories must name one that exists.
        for placeholder in text.placeholders.sorted(by: { "\($0)" < "\($1)" }) {
            guard let index = placeholder.signatory, index > signatoryCount else { continue }
            throw textNode.problem("\(placeholder) names signatory \(index), but the template has \(signatoryCount)")
        }
        try checkLiterals(of: text, font: font, node: textNode)
        return CertificateTemplate.Block(
            text: text, style: style, box: try box(node.required("box")),
            optional: try node.optional("optional")?.bool() ?? false)
    }

    func signatoryStyle(_ node: YAMLNode) throws -> CertificateTemplate.SignatoryStyle {
        try node.refuseUnknownFields(["name-font", "name-size", "title-font", "title-size", "colour", "line-colour", "line-width"])
        let colour = try node.optional("colour").map { try self.colour($0) } ?? .black
        let nameSize = try node.required("name-size").number(in: 4...60, unit: "pt")
        let titleSize = try node.required("title-size").number(in: 4...60, unit: "pt")
        return CertificateTemplate.SignatoryStyle(
            name: TextStyle(font: try fontReference(node.required("name-font")), size: nameSize, color: colour,
                            alignment: .center, wraps: false, maximumLines: 1, minimumSize: max(4, nameSize * 0.7)),
            title: TextStyle(font: try fontReference(node.required("title-font")), size: titleSize, color: colour,
                             alignment: .center, maximumLines: 2, minimumSize: max(4, titleSize * 0.75)),
            lineColour: try node.optional("line-colour").map { try self.colour($0) } ?? colour,
            lineWidth: try node.optional("line-width").map { try millimetres($0, in: 0.05...5) } ?? 0.3 * CertificateTemplate.pointsPerMillimetre)
    }

    func signatory(_ node: YAMLNode, style: CertificateTemplate.SignatoryStyle) throws -> CertificateTemplate.Signatory {
        try node.refuseUnknownFields(["name", "title", "box"])
        let nameNode = try node.required("name")
        let titleNode = try node.required("title")
        let name = try TemplateText(nameNode, languages: languages)
        let title = try TemplateText(titleNode, languages: languages)
        for (text, textNode) in [(name, nameNode), (title, titleNode)] {
            if let own = text.placeholders.first(where: { $0.signatory != nil }) {
                throw textNode.problem("a signatory's name or title cannot show \(own); use {trainer} or fixed text")
            }
        }
        try checkLiterals(of: name, font: style.name.font, node: nameNode)
        try checkLiterals(of: title, font: style.title.font, node: titleNode)
        let box = try box(node.required("box"))
        guard box.height >= (style.name.size + style.title.size) * 1.2 else {
            throw node.problem("the box is too low for the name and title: make it at least \(YAMLNode.format(((style.name.size + style.title.size) * 1.2 / CertificateTemplate.pointsPerMillimetre).rounded(.up))) mm high")
        }
        return CertificateTemplate.Signatory(name: name, title: title, box: box)
    }

    func qrCode(_ node: YAMLNode) throws -> CertificateTemplate.QRCode {
        try node.refuseUnknownFields(["box", "content", "colour", "error-correction", "quiet-zone"])
        let box = try box(node.required("box"))
        guard min(box.width, box.height) >= 12 * CertificateTemplate.pointsPerMillimetre else {
            throw try node.required("box").problem("a QR code under 12 mm is hard to scan from paper; make the box at least 12 mm on each side")
        }
        let content = try node.optional("content").map { try TemplateText($0, languages: languages) }
            ?? TemplateText(placeholder: Placeholder(name: .token, language: nil, signatory: nil), field: node.path + ".content")
        return CertificateTemplate.QRCode(
            content: content, box: box,
            colour: try node.optional("colour").map { try colour($0) } ?? .black,
            errorCorrection: try node.optional("error-correction")
                .map { QRErrorCorrection(rawValue: try $0.word(["low", "medium", "quartile", "high"]))! } ?? .medium,
            quietZone: try node.optional("quiet-zone").map { try $0.integer(in: 0...8) } ?? 2)
    }

    /// Checks the fixed parts of a text against its font and the installed fallbacks.
    func checkLiterals(of text: TemplateText, font: FontDescriptor, node: YAMLNode) throws {
        for (language, literal) in text.literals {
            let missing = try fonts.missingCharacters(in: literal, font: font)
            guard !missing.isEmpty else { continue }
            let list = missing.map(CharacterLabel.label(of:)).joined(separator: ", ")
            // Point at the language's own line when the text is given per language.
            let culprit = language.flatMap { try? node.optional($0.rawValue) } ?? node
            throw culprit.problem("no installed font has \(list), used in the fixed text “\(literal.trimmingCharacters(in: .whitespaces))”; correct the text, or install a font that has \(missing.count == 1 ? "it" : "them")")
        }
    }
}
