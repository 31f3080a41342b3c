import Crypto
import Foundation
import TrainingCore
import Typesetting
import MalakaSupport

extension CertificateTemplate {
    /// Points per millimetre: templates are measured in millimetres, PDF pages in points.
    static let pointsPerMillimetre = 72 / 25.4

    /// The largest template file read: the shipped ones are under 10 KiB.
    static let maximumFileBytes = 1 << 20

    /// Reads and checks a template file, collecting every problem it has.
    ///
    /// - Parameters:
    ///   - file: the template file, named in messages as given.
    ///   - folder: the templates folder; images must lie inside it.
    ///   - fonts: used to check that the families exist and that the fixed text can be printed.
    /// - Throws: ``TemplateProblems`` listing each problem with its file, line and field.
    static func load(name: String, file: String, folder: URL, fonts: FontLibrary) throws -> CertificateTemplate {
        let url = URL(fileURLWithPath: file)
        let data: Data
        // A template is a few kilobytes; a link to /dev/zero or a huge file is refused before it is read into memory.
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.resolvingSymlinksInPath().path)
        if attributes?[.type] as? FileAttributeType != .typeRegular {
            throw TemplateProblems([TemplateError("\(file) is not a regular file; a template is a YAML file in the templates folder.")], io: true)
        }
        if let size = (attributes?[.size] as? NSNumber)?.intValue, size > maximumFileBytes {
            throw TemplateProblems([TemplateError("\(file) is \(size / 1024) KiB, far larger than a template can be (\(maximumFileBytes / 1024) KiB at most); check that it is the right file.")])
        }
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw TemplateProblems([TemplateError("\(file) could not be read (\((error as NSError).localizedDescription)).")], io: true)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw TemplateProblems([TemplateError("\(file): the file is not UTF-8 text. Save it as UTF-8.")])
        }
        var loader = Loader(file: file, folder: folder, fonts: fonts)
        let template = loader.read(text: text, name: name, data: data)
        guard loader.problems.isEmpty, let template else {
            throw TemplateProblems(loader.problems)
        }
        return template
    }
}

extension CertificateTemplate {
    /// Reads template text as ``load(name:file:folder:fonts:)`` does after reading the file: a template, or its problems.
    ///
    /// For the fuzzer (`make fuzz`), which feeds it arbitrary bytes: whatever the
    /// text, the answer must be one of the two, never a crash or a hang.
    public static func parse(data: Data, file: String, folder: URL, fonts: FontLibrary) -> Result<CertificateTemplate, TemplateProblems> {
        guard let text = String(data: data, encoding: .utf8) else {
            return .failure(TemplateProblems([TemplateError("\(file): the file is not UTF-8 text. Save it as UTF-8.")]))
        }
        var loader = Loader(file: file, folder: folder, fonts: fonts)
        let template = loader.read(text: text, name: "fuzz", data: data)
        guard loader.problems.isEmpty, let template else { return .failure(TemplateProblems(loader.problems)) }
        return .success(template)
    }
}

/// Every problem found in a template, each naming the file, line and field.
public struct TemplateProblems: Error, Sendable, CustomStringConvertible {
    public let messages: [String]
    /// Whether the file could not be read at all, rather than being wrong.
    public let isReadFailure: Bool

    init(_ errors: [TemplateError], io: Bool = false) {
        messages = errors.map(\.message)
        isReadFailure = io
    }

    public var description: String { messages.joined(separator: "\n") }
}

/// Reads one template file field by field, going on after a problem to find the others.
private struct Loader {
    let file: String
    let folder: URL
    let fonts: FontLibrary
    var problems: [TemplateError] = []

    private var page = PageSize.a4
    private var languages: [DocumentLanguage] = [.english]
    private var fontNames: [String: FontDescriptor] = [:]
    private var colours: [String: Color] = [:]
    private var imageData: [Data] = []
    private var signatoryCount = 0
    /// Fonts and colours already reported as wrong: what refers to them is not reported again.
    private var brokenNames: Set<String> = []

    /// Thrown where a field refers to a font or colour whose own problem was reported.
    private struct AlreadyReported: Error {}

    init(file: String, folder: URL, fonts: FontLibrary) {
        self.file = file
        self.folder = folder
        self.fonts = fonts
    }

    /// Runs one part of the reading; a problem is noted and nil returned.
    private mutating func attempt<T>(_ body: (inout Loader) throws -> T) -> T? {
        do {
            return try body(&self)
        } catch let error as TemplateError {
            problems.append(error)
        } catch is AlreadyReported {
            return nil
        } catch {
            problems.append(TemplateError("\(file): \(error)."))
        }
        return nil
    }

    mutating func read(text: String, name: String, data: Data) -> CertificateTemplate? {
        guard let root = attempt({ try YAMLNode(text: text, file: $0.file) }) else { return nil }
        _ = attempt { _ in
            try root.refuseUnknownFields([
                "description", "page", "languages", "fonts", "colours", "background", "frames", "rectangles", "lines",
                "images", "blocks", "signatory-style", "signatories", "qr",
            ])
        }
        // Page, languages, fonts and colours first: everything else refers to them.
        guard let page = attempt({ try $0.readPage(root.required("page")) }),
              let languages = attempt({ try $0.readLanguages(root.required("languages")) }) else { return nil }
        self.page = page
        self.languages = languages
        _ = attempt { try $0.readColours(root.optional("colours")) }
        guard attempt({ try $0.readFonts(root.required("fonts")) }) != nil else { return nil }

        let background = attempt { loader in try root.optional("background").map { try loader.colour($0) } } ?? nil
        let frames = attempt { loader in try root.optional("frames").map { try loader.list($0) { try $0.frame($1) } } ?? [] } ?? []
        let rectangles = attempt { loader in try root.optional("rectangles").map { try loader.list($0) { try $0.rectangle($1) } } ?? [] } ?? []
        let lines = attempt { loader in try root.optional("lines").map { try loader.list($0) { try $0.line($1) } } ?? [] } ?? []
        let images = attempt { loader in try root.optional("images").map { try loader.list($0) { try $0.image($1) } } ?? [] } ?? []
        let style = attempt { loader in try root.optional("signatory-style").map { try loader.signatoryStyle($0) } } ?? nil
        let signatories: [CertificateTemplate.Signatory] = attempt { loader in
            guard let node = try root.optional("signatories") else { return [] }
            guard let style else {
                if try root.optional("signatory-style") != nil { throw AlreadyReported() }
                throw node.problem("signatories need a signatory-style: with name-font, name-size, title-font and title-size")
            }
            return try loader.list(node) { try $0.signatory($1, style: style) }
        } ?? []
        signatoryCount = (try? root.optional("signatories")?.items().count) ?? 0
        let blocks = attempt { loader in try loader.list(root.required("blocks")) { try $0.block($1) } } ?? []
        let qrCode = attempt { loader in try root.optional("qr").map { try loader.qrCode($0) } } ?? nil
        guard problems.isEmpty else { return nil }

        var hasher = SHA256()
        hasher.update(data: data)
        for image in imageData { hasher.update(data: image) }
        return CertificateTemplate(
            name: name, file: file, page: page, languages: languages, digest: hasher.finalize().hexString,
            background: background, frames: frames, rectangles: rectangles, lines: lines, images: images,
            blocks: blocks, signatories: signatories, signatoryStyle: style, qrCode: qrCode)
    }

    // MARK: Sections

    private func readPage(_ node: YAMLNode) throws -> PageSize {
        try node.refuseUnknownFields(["size", "orientation"])
        let size = try node.required("size").word(["A4", "Letter"]) == "A4" ? PageSize.a4 : PageSize.letter
        let orientation = try node.required("orientation").word(["landscape", "portrait"])
        return orientation == "landscape" ? size.landscape : size.portrait
    }

    private func readLanguages(_ node: YAMLNode) throws -> [DocumentLanguage] {
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

    private mutating func readColours(_ node: YAMLNode?) throws {
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

    private mutating func readFonts(_ node: YAMLNode) throws {
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

    // MARK: Decoration

    private func frame(_ node: YAMLNode) throws -> CertificateTemplate.Frame {
        try node.refuseUnknownFields(["inset", "colour", "width", "radius"])
        let limit = min(page.width, page.height) / 2 / CertificateTemplate.pointsPerMillimetre - 1
        return CertificateTemplate.Frame(
            inset: try millimetres(node.required("inset"), in: 0...limit),
            colour: try colour(node.required("colour")),
            width: try millimetres(node.required("width"), in: 0.05...20),
            radius: try node.optional("radius").map { try millimetres($0, in: 0...50) } ?? 0)
    }

    private func rectangle(_ node: YAMLNode) throws -> CertificateTemplate.Rectangle {
        try node.refuseUnknownFields(["box", "fill", "stroke", "width", "radius"])
        let fill = try node.optional("fill").map { try colour($0) }
        let stroke = try node.optional("stroke").map { try colour($0) }
        guard fill != nil || stroke != nil else { throw node.problem("give the rectangle a fill:, a stroke: or both") }
        return CertificateTemplate.Rectangle(
            box: try box(node.required("box")), fill: fill, stroke: stroke,
            width: try node.optional("width").map { try millimetres($0, in: 0.05...20) } ?? 0.3 * CertificateTemplate.pointsPerMillimetre,
            radius: try node.optional("radius").map { try millimetres($0, in: 0...50) } ?? 0)
    }

    private func line(_ node: YAMLNode) throws -> CertificateTemplate.Line {
        try node.refuseUnknownFields(["from", "to", "colour", "width", "dash"])
        return CertificateTemplate.Line(
            from: try point(node.required("from")), to: try point(node.required("to")),
            colour: try colour(node.required("colour")),
            width: try millimetres(node.required("width"), in: 0.05...20),
            dash: try node.optional("dash").map { try $0.items().map { try millimetres($0, in: 0.1...50) } } ?? [])
    }

    private mutating func image(_ node: YAMLNode) throws -> CertificateTemplate.Image {
        try node.refuseUnknownFields(["file", "box", "rotate"])
        let fileNode = try node.required("file")
        let url = try imageURL(fileNode)
        let rotation = try node.optional("rotate").map { try $0.word(["0", "90", "180", "270"]) }.map { Int($0)! } ?? 0
        return CertificateTemplate.Image(url: url, box: try box(node.required("box")), rotation: rotation)
    }

    /// The image's file inside the templates folder; absolute paths, `..` and links leading out are refused.
    private mutating func imageURL(_ node: YAMLNode) throws -> URL {
        let path = try node.string()
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !path.isEmpty, !path.hasPrefix("/"), !path.hasPrefix("~"), !path.contains("\\"),
              !parts.contains(where: { $0 == ".." || $0.isEmpty }), path.unicodeScalars.allSatisfy({ $0.value >= 0x20 }) else {
            throw node.problem("“\(path)” must be a path inside the templates folder, such as images/emblem.png, without .. or a leading /")
        }
        guard path.lowercased().hasSuffix(".png") else { throw node.problem("“\(path)” is not a PNG file; images must be PNG") }
        let url = folder.appendingPathComponent(path)
        let root = folder.resolvingSymlinksInPath().standardizedFileURL.path
        let resolved = url.resolvingSymlinksInPath().standardizedFileURL.path
        guard resolved.hasPrefix(root.hasSuffix("/") ? root : root + "/") else {
            throw node.problem("“\(path)” leads outside the templates folder; keep images inside it")
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw node.problem("there is no image \(path) in \(folder.path); add it or correct the path")
        }
        do {
            _ = try PNGImage(contentsOf: url)
        } catch let error as TypesettingError {
            throw node.problem("the image \(path) cannot be used: \(error.description.dropLast(error.description.hasSuffix(".") ? 1 : 0))")
        }
        imageData.append(data)
        return url
    }

    // MARK: Text

    private func block(_ node: YAMLNode) throws -> CertificateTemplate.Block {
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

    private func signatoryStyle(_ node: YAMLNode) throws -> CertificateTemplate.SignatoryStyle {
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

    private func signatory(_ node: YAMLNode, style: CertificateTemplate.SignatoryStyle) throws -> CertificateTemplate.Signatory {
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

    private func qrCode(_ node: YAMLNode) throws -> CertificateTemplate.QRCode {
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
    private func checkLiterals(of text: TemplateText, font: FontDescriptor, node: YAMLNode) throws {
        for (language, literal) in text.literals {
            let missing = try fonts.missingCharacters(in: literal, font: font)
            guard !missing.isEmpty else { continue }
            let list = missing.map(CharacterLabel.label(of:)).joined(separator: ", ")
            // Point at the language's own line when the text is given per language.
            let culprit = language.flatMap { try? node.optional($0.rawValue) } ?? node
            throw culprit.problem("no installed font has \(list), used in the fixed text “\(literal.trimmingCharacters(in: .whitespaces))”; correct the text, or install a font that has \(missing.count == 1 ? "it" : "them")")
        }
    }

    // MARK: Values

    private mutating func list<T>(_ node: YAMLNode, _ read: (inout Loader, YAMLNode) throws -> T) throws -> [T] {
        var values: [T] = []
        for item in try node.items() {
            if let value = attempt({ try read(&$0, item) }) { values.append(value) }
        }
        return values
    }

    private func fontReference(_ node: YAMLNode) throws -> FontDescriptor {
        let name = try node.string()
        if fontNames[name] == nil && brokenNames.contains(name) { throw AlreadyReported() }
        guard let font = fontNames[name] else {
            throw node.problem("“\(name)” is not one of the fonts: \(fontNames.keys.sorted().joined(separator: ", "))")
        }
        return font
    }

    private func colour(_ node: YAMLNode) throws -> Color {
        let text = try node.string().trimmingCharacters(in: .whitespaces)
        if let named = colours[text] { return named }
        if brokenNames.contains(text) { throw AlreadyReported() }
        if text.hasPrefix("#"), let colour = Color(hex: text) { return colour }
        throw node.problem("“\(text)” is neither one of the colours (\(colours.keys.sorted().joined(separator: ", "))) nor #RRGGBB")
    }

    private func millimetres(_ node: YAMLNode, in range: ClosedRange<Double>) throws -> Double {
        try node.number(in: range, unit: "mm") * CertificateTemplate.pointsPerMillimetre
    }

    private func point(_ node: YAMLNode) throws -> Point {
        let values = try node.numbers(count: 2, meaning: "a point [x, y] in mm")
        let point = Point(x: values[0] * CertificateTemplate.pointsPerMillimetre, y: values[1] * CertificateTemplate.pointsPerMillimetre)
        guard (0...page.width + 0.01).contains(point.x), (0...page.height + 0.01).contains(point.y) else {
            throw node.problem("the point lies outside the \(pageDescription) page")
        }
        return point
    }

    /// A box `[x, y, width, height]` in millimetres, which must lie on the page.
    private func box(_ node: YAMLNode) throws -> Rect {
        let values = try node.numbers(count: 4, meaning: "a box [x, y, width, height] in mm")
        guard values[2] > 0, values[3] > 0 else { throw node.problem("the box needs a width and a height above 0") }
        let scale = CertificateTemplate.pointsPerMillimetre
        let rect = Rect(x: values[0] * scale, y: values[1] * scale, width: values[2] * scale, height: values[3] * scale)
        guard rect.x >= 0, rect.y >= 0, rect.maxX <= page.width + 0.01, rect.maxY <= page.height + 0.01 else {
            throw node.problem("the box reaches \(YAMLNode.format(values[0] + values[2])) × \(YAMLNode.format(values[1] + values[3])) mm, outside the \(pageDescription) page")
        }
        return rect
    }

    private var pageDescription: String {
        let scale = CertificateTemplate.pointsPerMillimetre
        return "\(YAMLNode.format((page.width / scale).rounded())) × \(YAMLNode.format((page.height / scale).rounded())) mm"
    }
}
