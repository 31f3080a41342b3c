import Documents
import Foundation
import PDFTestSupport
import Testing
import TrainingCore
import Typesetting

/// A certificate looks and reads the same however it is drawn: as a page of a bundle, where what the
/// event's pages share is drawn once and referred to, and as a file of its own, against the PDFs
/// the renderer made before bundles shared anything (`__Fixtures__/golden`, recorded at commit ada0fe7).
///
/// `MALAKA_RECORD_GOLDEN=1 swift test --filter CertificateLookTests` writes the reference PDFs again:
/// only ever from a version whose pages are known to be right.
@Suite struct CertificateLookTests {
    /// A certificate of each shipped template, the name page 3 of its bundle.
    static let cases: [(template: String, language: DocumentLanguage)] = [
        ("participation", .uzbekLatin), ("participation", .russian), ("participation-uz-en", .uzbekLatin),
        ("parenting", .kyrgyz),
    ]

    static let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("__Fixtures__/golden")

    /// A signed token's length and alphabet, fixed so that the reference PDFs never change.
    static let token: String = {
        let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        let characters: [Character] = (0..<236).map { (index: Int) -> Character in alphabet[(index * 7 + index / 5) % 36] }
        return "M1" + String(characters)
    }()

    static func certificate(_ template: String, _ language: DocumentLanguage, serial: String = "UZ-2019-000042",
                            name: String? = nil) -> CertificateContent {
        var content = Samples.content(name: name, language: language, template: template, serial: serial)
        content.token = token.dropLast(serial.count) + serial
        return content
    }

    static var recording: Bool { ProcessInfo.processInfo.environment["MALAKA_RECORD_GOLDEN"] == "1" }

    @Test(.enabled(if: PDFTools.isInstalled("pdftoppm") && PDFTools.isInstalled("pdftotext")), arguments: cases)
    func aBundlePageAndAFileLookAndReadAsBefore(_ template: String, _ language: DocumentLanguage) throws {
        let folder = try PDFTools.temporaryFolder("DocumentsTests")
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = Self.certificate(template, language)
        let golden = Self.goldenFolder.appendingPathComponent("\(template)-\(language.rawValue).pdf")
        if Self.recording {
            try FileManager.default.createDirectory(at: Self.goldenFolder, withIntermediateDirectories: true)
            try Samples.renderer.pdf(of: content).write(to: golden)
            return
        }
        // Page 3 of a bundle, after a page of another person in the same language, which records the
        // shared part, and one in another language, which must not be drawn beneath it.
        let other = try Samples.renderer.languages(ofTemplate: template).first { $0 != language } ?? language
        let bundle = folder.appendingPathComponent("bundle.pdf")
        try Samples.renderer.writeBundle([
            Self.certificate(template, language, serial: "UZ-2019-000040", name: "Dilorom Qodirova"),
            Self.certificate(template, other, serial: "UZ-2019-000041"),
            content,
        ], to: bundle, metadata: PDFMetadata(title: "Bundle"))
        let file = try Samples.write(content, to: folder)

        let reference = try PDFTools.raster(of: golden, dpi: 100)
        for (pdf, page, what) in [(bundle, 3, "bundle page"), (file, 1, "own file")] {
            let raster = try PDFTools.raster(of: pdf, page: page, dpi: 100)
            let difference = try #require(RasterDifference(raster, reference))
            #expect(difference.isAntialiasingNoise, "\(template), \(language.rawValue), \(what): \(difference)")
            #expect(try PDFTools.textLines(of: pdf, page: page) == PDFTools.textLines(of: golden), "\(template), \(what)")
        }
        // Every font embedded, and once: the shared part's text uses the same subsets as each page's own,
        // so a font appears at most twice, as cairo splits it (a simple subset for Latin text, a CID one for the rest).
        let fonts = try PDFTools.fonts(of: bundle)
        #expect(fonts.allSatisfy { $0.embedded })
        let subsets = Dictionary(grouping: fonts) { $0.name.split(separator: "+").last.map(String.init) ?? $0.name }
        #expect(subsets.values.allSatisfy { $0.count <= 2 }, "\(fonts)")
    }

    @Test func aRasterDifferenceTellsNoiseFromAMissingWord() throws {
        let blank = [UInt8](repeating: 255, count: 100 * 100)
        var noisy = blank
        for index in stride(from: 0, to: noisy.count, by: 211) { noisy[index] = 200 }
        var missing = blank
        for y in 40..<50 { for x in 10..<60 { missing[y * 100 + x] = 0 } }
        #expect(RasterDifference(pixels: blank, noisy).isAntialiasingNoise)
        #expect(!RasterDifference(pixels: blank, missing).isAntialiasingNoise)
    }
}

/// How two renders of a page differ, pixel by pixel, in grey levels.
struct RasterDifference: CustomStringConvertible {
    /// Pixels whose grey differs by more than a third of the scale: ink where there was none, or none where there was.
    let strongPixels: Int
    let pixels: Int
    let meanDifference: Double

    init?(_ raster: Raster, _ reference: Raster) {
        guard raster.width == reference.width, raster.height == reference.height else { return nil }
        self.init(pixels: raster.pixels, reference.pixels)
    }

    init(pixels: [UInt8], _ reference: [UInt8]) {
        var strong = 0
        var total = 0
        for (a, b) in zip(pixels, reference) {
            let difference = abs(Int(a) - Int(b))
            total += difference
            if difference > 85 { strong += 1 }
        }
        strongPixels = strong
        self.pixels = pixels.count
        meanDifference = Double(total) / Double(max(1, pixels.count))
    }

    /// Antialiasing moves a little grey along the edges of glyphs and lines; a missing or moved word,
    /// rule or QR module makes hundreds of pixels change from white to black.
    var isAntialiasingNoise: Bool {
        strongPixels <= pixels / 5_000 && meanDifference < 0.5
    }

    var description: String {
        "\(strongPixels) of \(pixels) pixels differ strongly, mean difference \(meanDifference) grey levels"
    }
}
