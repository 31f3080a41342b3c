import Crypto
import Foundation
import TrainingCore
import Typesetting
import MalakaSupport

/// Reads one template file field by field, going on after a problem to find the others.
struct TemplateLoader {
    let file: String
    let folder: URL
    let fonts: FontLibrary
    var problems: [TemplateError] = []

    var page = PageSize.a4
    var languages: [DocumentLanguage] = [.english]
    var fontNames: [String: FontDescriptor] = [:]
    var colours: [String: Color] = [:]
    var imageData: [Data] = []
    var signatoryCount = 0
    /// Fonts and colours already reported as wrong: what refers to them is not reported again.
    var brokenNames: Set<String> = []

    /// Thrown where a field refers to a font or colour whose own problem was reported.
    struct AlreadyReported: Error {}

    init(file: String, folder: URL, fonts: FontLibrary) {
        self.file = file
        self.folder = folder
        self.fonts = fonts
    }

    /// Runs one part of the reading; a problem is noted and nil returned.
    mutating func attempt<T>(_ body: (inout TemplateLoader) throws -> T) -> T? {
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
        guard let root = attempt({ try YAMLNode(text: text, file: $0.file, fields: "page:, fonts:, blocks:…", error: TemplateError.init) }) else { return nil }
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
}
