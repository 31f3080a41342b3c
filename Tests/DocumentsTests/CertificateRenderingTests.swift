import Documents
import Foundation
import PDFTestSupport
import Testing
import TrainingCore
import Typesetting

/// Certificates drawn with the shipped templates, read back with poppler and zbar.
@Suite struct CertificateRenderingTests {
    static let languages = DocumentLanguage.allCases

    @Test(arguments: languages)
    func pdftotextGivesBackExactlyTheNameAndTitlesPrinted(_ language: DocumentLanguage) throws {
        // Given a certificate in the language, with a name and a course title in it
        let folder = try PDFTools.temporaryFolder("DocumentsTests")
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = Samples.content(language: language)
        let pdf = try Samples.write(content, to: folder)

        // When its text is extracted
        let lines = try PDFTools.textLines(of: pdf)

        // Then the name, the course title and the certificate's own title come back exactly as printed
        let name = try #require(Samples.names[language])
        #expect(lines.contains(name), "\(lines)")
        #expect(lines.contains("«\(Samples.courseTitles[language]!)»"), "\(lines)")
        let heading = ["uz-Latn": "SERTIFIKAT", "uz-Cyrl": "СЕРТИФИКАТ", "ky": "СЕРТИФИКАТ", "ru": "СЕРТИФИКАТ", "en": "CERTIFICATE"]
        #expect(lines.contains(heading[language.rawValue]!), "\(lines)")
        #expect(lines.contains(where: { $0.contains(content.serial) }))
        #expect(lines.contains(where: { $0.contains(content.issueDateText[language]!) }), "\(lines)")
        if language == .uzbekLatin {
            #expect(lines.contains { $0.unicodeScalars.contains("\u{02BB}") }, "U+02BB stays U+02BB")
            #expect(!lines.joined().contains("?") && !lines.joined().contains("\u{FFFD}"))
        }
    }

    @Test(arguments: ["participation", "parenting"])
    func everyTemplateAndLanguageEmbedsEveryFontAndKeepsItsInkOnThePage(_ template: String) throws {
        let folder = try PDFTools.temporaryFolder("DocumentsTests")
        defer { try? FileManager.default.removeItem(at: folder) }
        for language in Self.languages {
            let pdf = try Samples.write(Samples.content(language: language, template: template), to: folder)

            // pdffonts lists every font as embedded
            let fonts = try PDFTools.fonts(of: pdf)
            #expect(!fonts.isEmpty)
            #expect(fonts.allSatisfy { $0.embedded }, "\(template) \(language): \(fonts)")

            // pdftoppm's rendering has ink, and none of it reaches the page's edge
            let raster = try PDFTools.raster(of: pdf)
            let ink = try #require(raster.ink())
            #expect(ink.x > 5 && ink.y > 5 && ink.maxX < raster.pageWidth - 5 && ink.maxY < raster.pageHeight - 5,
                    "\(template) \(language): \(ink)")

            // and every word lies inside the inner frame, 10 mm in from the edge
            let page = try PDFTools.words(of: pdf)
            let margin = 10 * 72 / 25.4
            for word in page.words {
                #expect(word.xMin >= margin && word.yMin >= margin && word.xMax <= page.pageWidth - margin
                        && word.yMax <= page.pageHeight - margin, "\(template) \(language): “\(word.text)” at \(word)")
            }
        }
    }

    @Test func theBilingualTemplatePrintsUzbekWithEnglishBeneath() throws {
        let folder = try PDFTools.temporaryFolder("DocumentsTests")
        defer { try? FileManager.default.removeItem(at: folder) }
        for language in [DocumentLanguage.uzbekLatin, .uzbekCyrillic] {
            let pdf = try Samples.write(Samples.content(language: language, template: "participation-uz-en"), to: folder)
            let lines = try PDFTools.textLines(of: pdf)
            #expect(lines.contains(Samples.names[language]!))
            #expect(lines.contains("«\(Samples.courseTitles[language]!)»"), "\(lines)")
            #expect(lines.contains("“Positive parenting skills”"), "\(lines)")
            #expect(lines.contains { $0.contains("Issued on 1 April 2019") }, "\(lines)")
            #expect(lines.contains { $0.contains(language == .uzbekLatin ? "1-aprel 2019-yil" : "1-апрел 2019-йил") }, "\(lines)")
            #expect(try PDFTools.fonts(of: pdf).allSatisfy { $0.embedded })
        }
        #expect(try Samples.renderer.languages(ofTemplate: "participation-uz-en") == [.uzbekLatin, .uzbekCyrillic])
    }

    @Test(.enabled(if: PDFTools.isInstalled("zbarimg")))
    func anUnsignedPreviewsQRCodeDecodesToTheVerificationLinkWithTheSerial() throws {
        let folder = try PDFTools.temporaryFolder("DocumentsTests")
        defer { try? FileManager.default.removeItem(at: folder) }
        for template in ["participation", "participation-uz-en", "parenting"] {
            let content = Samples.content(template: template, serial: "UZ-2019-000042")
            let pdf = try Samples.write(content, to: folder)
            #expect(try PDFTools.qrCodes(of: pdf) == ["https://example.org/verify/UZ-2019-000042"], "\(template)")
        }
    }

    @Test func theSameCertificateGivesTheSameBytesAndTheIssueDateAsItsCreationDate() throws {
        // Given one certificate drawn twice, on two renderers
        let content = Samples.content(language: .russian)
        let other = CertificateRenderer(templates: CertificateTemplateLibrary(folder: Samples.templatesFolder))
        let first = try Samples.renderer.pdf(of: content)
        let second = try other.pdf(of: content)

        // Then the bytes are the same, and so are the content hashes
        #expect(first == second)
        #expect(try Samples.renderer.contentDigest(of: content) == other.contentDigest(of: content))
        // And the PDF says it was made on the issue date
        let folder = try PDFTools.temporaryFolder("DocumentsTests")
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = try Samples.write(content, to: folder)
        let info = try PDFTools.info(of: pdf)
        #expect(info["CreationDate"]?.hasPrefix("2019-04-01T00:00:00") == true, "\(info)")
        #expect(info["Title"] == "Наталья Петренко — UZ-2019-000001")
        #expect(info["Creator"] == "Malaka")
    }

    @Test func theContentHashChangesWithWhatIsPrinted() throws {
        let renderer = Samples.renderer
        let base = try renderer.contentDigest(of: Samples.content())
        #expect(base.count == 64)
        #expect(try renderer.contentDigest(of: Samples.content(name: "Other Name")) != base)
        #expect(try renderer.contentDigest(of: Samples.content(serial: "UZ-2019-000002")) != base)
        #expect(try renderer.contentDigest(of: Samples.content(language: .english)) != base)
        #expect(try renderer.contentDigest(of: Samples.content(template: "parenting")) != base)
        #expect(try renderer.contentDigest(of: Samples.content(issueDate: DayDate(year: 2019, month: 4, day: 2)!)) != base)
        #expect(try renderer.contentDigest(of: Samples.content(replaces: "UZ-2019-000001")) != base)
        // Values the template does not show change nothing
        var unshown = Samples.content()
        unshown.eventTitle[.english] = "Something else"
        #expect(try renderer.contentDigest(of: unshown) == base)
    }

    @Test func aBundleHasOnePagePerCertificate() throws {
        let folder = try PDFTools.temporaryFolder("DocumentsTests")
        defer { try? FileManager.default.removeItem(at: folder) }
        let contents = Self.languages.enumerated().map { index, language in
            Samples.content(language: language, template: index % 2 == 0 ? "participation" : "parenting",
                            serial: String(format: "UZ-2019-%06d", index + 1))
        }
        let bundle = folder.appendingPathComponent("bundle.pdf")
        var pages = 0
        try Samples.renderer.writeBundle(contents, to: bundle, metadata: .init(title: "Bundle")) { pages += 1 }
        #expect(pages == 5)
        #expect(try PDFTools.info(of: bundle)["Pages"] == "5")
        for (index, language) in Self.languages.enumerated() {
            #expect(try PDFTools.textLines(of: bundle, page: index + 1).contains(Samples.names[language]!))
        }
        #expect(try PDFTools.fonts(of: bundle).allSatisfy { $0.embedded })
    }

    @Test func aLetterPortraitTemplateWithEveryKindOfItem() throws {
        let renderer = CertificateRenderer(templates: CertificateTemplateLibrary(folder: Samples.fixturesFolder))
        let folder = try PDFTools.temporaryFolder("DocumentsTests")
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = try Samples.write(Samples.content(language: .russian, template: "letter-portrait", replaces: "UZ-2018-000009"),
                                    to: folder, renderer: renderer)
        let info = try PDFTools.info(of: pdf)
        #expect(info["Page size"]?.hasPrefix("612 x 792") == true, "\(info)")
        let lines = try PDFTools.textLines(of: pdf)
        #expect(lines.contains("СЕРТИФИКАТ"))
        #expect(lines.contains("Навыки позитивного родительства — Positive parenting skills"), "\(lines)")
        #expect(lines.contains("{serial}: UZ-2019-000001"), "braces are written {{ }}: \(lines)")
        #expect(lines.contains("Signed by Dilnoza Yusupova, Тренер"), "\(lines)")
        #expect(lines.contains("Replaces UZ-2018-000009"), "\(lines)")
        if PDFTools.isInstalled("zbarimg") {
            #expect(try PDFTools.qrCodes(of: pdf) == ["UZ-2019-000001 https://example.org/verify/UZ-2019-000001"])
        }
        // Without a replaced serial, the optional block is left out
        let first = try Samples.write(Samples.content(language: .english, template: "letter-portrait", serial: "UZ-2019-000002"),
                                      to: folder, renderer: renderer)
        #expect(!(try PDFTools.textLines(of: first)).contains { $0.hasPrefix("Replaces") })
    }

    @Test func manyThreadsRenderTheSameBytesAsOne() throws {
        let contents = (0..<24).map { index in
            Samples.content(language: Self.languages[index % 5], serial: String(format: "UZ-2019-%06d", index + 1))
        }
        let alone = try contents.map { try Samples.renderer.pdf(of: $0) }
        let renderer = Samples.renderer
        let results = ResultList(count: contents.count)
        DispatchQueue.concurrentPerform(iterations: contents.count) { index in
            results.set(index, Result { try renderer.pdf(of: contents[index]) })
        }
        #expect(try results.values() == alone)
    }
}

/// Results of concurrent work, in order.
final class ResultList: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<Data, any Error>?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ result: Result<Data, any Error>) { lock.withLock { slots[index] = result } }

    func values() throws -> [Data] { try lock.withLock { try slots.map { try $0!.get() } } }
}
