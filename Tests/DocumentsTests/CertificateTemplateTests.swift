import Documents
import Foundation
import PDFTestSupport
import Testing
import TrainingCore
import Typesetting

/// Reading template files: the shipped ones load, and every kind of mistake is refused with its file, line and field.
@Suite struct CertificateTemplateTests {
    @Test func theShippedTemplatesLoad() throws {
        let library = CertificateTemplateLibrary(folder: Samples.templatesFolder)
        #expect(library.names() == ["parenting", "participation", "participation-uz-en"])
        let participation = try library.template(named: "participation")
        #expect(participation.languages == [.uzbekLatin, .uzbekCyrillic, .kyrgyz, .russian, .english])
        #expect(participation.page == PageSize.a4.landscape)
        #expect(participation.digest.count == 64)
        let parenting = try library.template(named: "parenting")
        #expect(parenting.page == PageSize.a4.portrait)
        #expect(parenting.languages.count == 5)
        #expect(try library.template(named: "participation-uz-en").languages == [.uzbekLatin, .uzbekCyrillic])
    }

    @Test func theCoursesNameTemplatesThatExist() throws {
        let library = CertificateTemplateLibrary(folder: Samples.templatesFolder)
        let courses = try CourseCatalogue.load(directory: Samples.repositoryRoot.appendingPathComponent("courses"))
        for course in courses {
            let name = try #require(course.certificateTemplate, "\(course.code)")
            _ = try library.template(named: name)
        }
    }

    /// A small template that loads, which each case below breaks in one place.
    static let good = """
        page:
          size: A4
          orientation: landscape
        languages: [uz-Latn, en]
        fonts:
          body: {family: Noto Sans}
        colours:
          navy: "#1F3A5F"
        images:
          - {file: images/dot.png, box: [10, 10, 20, 20]}
        blocks:
          - text: "{participant}"
            box: [20, 50, 257, 20]
            font: body
            size: 24
            lines: 1
            min-size: 12
          - text:
              uz-Latn: "Sertifikat raqami: {serial}"
              en: "Certificate No. {serial}"
            box: [20, 80, 257, 10]
            font: body
            size: 10
            colour: navy
        signatory-style: {name-font: body, name-size: 10, title-font: body, title-size: 8}
        signatories:
          - name: "{trainer}"
            title: {uz-Latn: Trener, en: Trainer}
            box: [20, 150, 70, 16]
        qr:
          box: [130, 150, 25, 25]

        """

    struct Breakage: CustomTestStringConvertible, Sendable {
        let what: String
        let replacing: String
        let with: String
        /// The text of the line the error must point at, after the change.
        let line: String
        let field: String?
        let message: String

        var testDescription: String { what }
    }

    static let breakages: [Breakage] = [
        Breakage(what: "an unknown page size", replacing: "size: A4", with: "size: A5", line: "size: A5",
                 field: "page.size", message: "“A5” is not one of A4, Letter"),
        Breakage(what: "a font that is not declared", replacing: "font: body\n    size: 24", with: "font: headline\n    size: 24",
                 line: "font: headline", field: "blocks[1].font", message: "“headline” is not one of the fonts: body"),
        Breakage(what: "a language missing from a text", replacing: "      en: \"Certificate No. {serial}\"\n", with: "",
                 line: "uz-Latn: \"Sertifikat raqami: {serial}\"", field: "blocks[2].text",
                 message: "the text is missing in en, which the template prints"),
        Breakage(what: "a misspelt placeholder", replacing: "\"{participant}\"", with: "\"{partcipant}\"",
                 line: "text: \"{partcipant}\"", field: "blocks[1].text", message: "“{partcipant}” is not a placeholder"),
        Breakage(what: "a placeholder in an unknown language", replacing: "No. {serial}", with: "No. {serial} {course@fr}",
                 line: "en: \"Certificate No. {serial} {course@fr}\"", field: "blocks[2].text.en", message: "names the language “fr”"),
        Breakage(what: "a box off the page", replacing: "box: [20, 50, 257, 20]", with: "box: [20, 50, 290, 20]",
                 line: "box: [20, 50, 290, 20]", field: "blocks[1].box", message: "outside the 297 × 210 mm page"),
        Breakage(what: "a box with three numbers", replacing: "box: [20, 50, 257, 20]", with: "box: [20, 50, 257]",
                 line: "box: [20, 50, 257]", field: "blocks[1].box", message: "a list of 4 numbers"),
        Breakage(what: "an image outside the folder", replacing: "file: images/dot.png", with: "file: ../../etc/passwd.png",
                 line: "file: ../../etc/passwd.png", field: "images[1].file", message: "must be a path inside the templates folder"),
        Breakage(what: "an absolute image path", replacing: "file: images/dot.png", with: "file: /etc/logo.png",
                 line: "file: /etc/logo.png", field: "images[1].file", message: "without .. or a leading /"),
        Breakage(what: "a missing image", replacing: "file: images/dot.png", with: "file: images/seal.png",
                 line: "file: images/seal.png", field: "images[1].file", message: "there is no image images/seal.png"),
        Breakage(what: "an image that is not a PNG", replacing: "file: images/dot.png", with: "file: images/not-a-png.png",
                 line: "file: images/not-a-png.png", field: "images[1].file", message: "cannot be used"),
        Breakage(what: "a font family that is not installed", replacing: "{family: Noto Sans}", with: "{family: Garamond Nonexistent}",
                 line: "body: {family: Garamond Nonexistent}", field: "fonts.body.family", message: "No installed font has the family"),
        Breakage(what: "a misspelt field", replacing: "    lines: 1\n", with: "    linez: 1\n",
                 line: "linez: 1", field: nil, message: "“blocks[1].linez” is not a field here"),
        Breakage(what: "a YAML syntax error", replacing: "box: [20, 80, 257, 10]", with: "box: [20, 80, 257, 10",
                 line: "font: body\n    size: 10", field: nil, message: "Fix the YAML syntax there"),
        Breakage(what: "a colour that is not one", replacing: "navy: \"#1F3A5F\"", with: "navy: \"blue\"",
                 line: "navy: \"blue\"", field: "colours.navy", message: "“blue” is not a colour"),
        Breakage(what: "fixed text no font can print", replacing: "uz-Latn: \"Sertifikat raqami", with: "uz-Latn: \"Sertifikat \u{10FFFD} raqami",
                 line: "uz-Latn: \"Sertifikat \u{10FFFD}", field: "blocks[2].text.uz-Latn", message: "no installed font has U+10FFFD, used in the fixed text"),
        Breakage(what: "a signatory that does not exist", replacing: "No. {serial}", with: "No. {serial}, {signatory-3}",
                 line: "uz-Latn: \"Sertifikat raqami", field: "blocks[2].text", message: "{signatory-3} names signatory 3, but the template has 1"),
        Breakage(what: "a size of nothing", replacing: "size: 24", with: "size: 0",
                 line: "size: 0", field: "blocks[1].size", message: "0 is out of range: give 4–200 pt"),
        Breakage(what: "a QR code too small to scan", replacing: "box: [130, 150, 25, 25]", with: "box: [130, 150, 8, 8]",
                 line: "box: [130, 150, 8, 8]", field: "qr.box", message: "hard to scan"),
        Breakage(what: "no languages", replacing: "languages: [uz-Latn, en]", with: "languages: []",
                 line: "languages: []", field: "languages", message: "list at least one language"),
        Breakage(what: "signatories without a style", replacing: "signatory-style: {name-font: body, name-size: 10, title-font: body, title-size: 8}\n", with: "",
                 line: "  - name: \"{trainer}\"", field: "signatories", message: "signatories need a signatory-style"),
    ]

    @Test(arguments: breakages)
    func aBadTemplateIsRefusedWithTheFileLineAndField(_ breakage: Breakage) throws {
        // Given the good template with one mistake, in a folder with its image
        let folder = try Self.folder(with: ["broken": Self.good.replacingOccurrences(of: breakage.replacing, with: breakage.with)])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(Self.good.contains(breakage.replacing), "the case changes something")

        // When it is loaded
        let library = CertificateTemplateLibrary(folder: folder.path)
        let error = try #require(throws: MalakaError.self) { try library.template(named: "broken") }

        // Then the error names the file, the line, the field and the problem
        let file = folder.appendingPathComponent("broken.yaml").path
        #expect(error.kind == .data)
        #expect(error.message.hasPrefix(file + ", line "), "\(error.message)")
        #expect(error.message.contains(breakage.message), "\(error.message)")
        if let field = breakage.field {
            #expect(error.message.contains("field \(field): "), "\(error.message)")
        }
        if !breakage.line.isEmpty {
            let text = Self.good.replacingOccurrences(of: breakage.replacing, with: breakage.with)
            let before = try #require(text.range(of: breakage.line), "the expected line is in the file")
            let line = text[..<before.lowerBound].filter { $0 == "\n" }.count + 1
            #expect(error.message.contains("line \(line),") || error.message.contains("line \(line):"), "line \(line): \(error.message)")
        }
        #expect(error.message.hasSuffix("."))
    }

    @Test func everyProblemOfATemplateIsListed() throws {
        let text = Self.good
            .replacingOccurrences(of: "size: A4", with: "size: A3")
            .replacingOccurrences(of: "font: body\n    size: 24", with: "font: title\n    size: 24")
            .replacingOccurrences(of: "file: images/dot.png", with: "file: images/../dot.png")
        let folder = try Self.folder(with: ["three": text])
        defer { try? FileManager.default.removeItem(at: folder) }
        let error = try #require(throws: MalakaError.self) {
            try CertificateTemplateLibrary(folder: folder.path).template(named: "three")
        }
        // The page size stops the reading early: what refers to the page cannot be checked without it
        #expect(error.message.contains("field page.size"), "\(error.message)")

        let fixable = Self.good
            .replacingOccurrences(of: "font: body\n    size: 24", with: "font: title\n    size: 24")
            .replacingOccurrences(of: "file: images/dot.png", with: "file: images/../dot.png")
            .replacingOccurrences(of: "colour: navy", with: "colour: teal")
        let second = try Self.folder(with: ["three": fixable])
        defer { try? FileManager.default.removeItem(at: second) }
        let all = try #require(throws: MalakaError.self) {
            try CertificateTemplateLibrary(folder: second.path).template(named: "three")
        }
        #expect(all.message.hasPrefix("The template \(second.path)/three.yaml has 3 problems; fix them first.\n"), "\(all.message)")
        #expect(all.message.contains("field images[1].file"))
        #expect(all.message.contains("field blocks[1].font"))
        #expect(all.message.contains("field blocks[2].colour"))
    }

    @Test func templateNamesAreFileNamesInTheFolderOnly() throws {
        let library = CertificateTemplateLibrary(folder: Samples.templatesFolder)
        for name in ["../courses/ps-parenting", "/etc/passwd", "a/b", ".hidden", ""] {
            let error = try #require(throws: MalakaError.self) { try library.template(named: name) }
            #expect(error.message.contains("is not a template name"), "\(name): \(error.message)")
        }
        let unknown = try #require(throws: MalakaError.self) { try library.template(named: "diploma") }
        #expect(unknown.message.contains("the templates are parenting, participation, participation-uz-en"), "\(unknown.message)")
        let noFolder = try #require(throws: MalakaError.self) {
            try CertificateTemplateLibrary(folder: "/nonexistent/templates").template(named: "participation")
        }
        #expect(noFolder.kind == .io)
    }

    @Test func anImageLinkLeadingOutOfTheFolderIsRefused() throws {
        let folder = try Self.folder(with: ["linked": Self.good.replacingOccurrences(of: "images/dot.png", with: "images/outside.png")])
        defer { try? FileManager.default.removeItem(at: folder) }
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("outside-\(UUID().uuidString).png")
        try FileManager.default.copyItem(atPath: folder.appendingPathComponent("images/dot.png").path, toPath: outside.path)
        defer { try? FileManager.default.removeItem(at: outside) }
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("images/outside.png").path,
                                                   withDestinationPath: outside.path)
        let error = try #require(throws: MalakaError.self) {
            try CertificateTemplateLibrary(folder: folder.path).template(named: "linked")
        }
        #expect(error.message.contains("leads outside the templates folder"), "\(error.message)")
    }

    /// A temporary templates folder with the fixtures' images and the given templates.
    static func folder(with templates: [String: String]) throws -> URL {
        let folder = try PDFTools.temporaryFolder("DocumentsTests")
        try FileManager.default.copyItem(atPath: Samples.fixturesFolder + "/images", toPath: folder.appendingPathComponent("images").path)
        for (name, text) in templates {
            try Data(text.utf8).write(to: folder.appendingPathComponent("\(name).yaml"))
        }
        return folder
    }
}
