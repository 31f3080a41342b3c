import Foundation
import PDFTestSupport
import Testing

/// A name stacked with combining marks stays inside its box: fitting measures the ink's height, not only its width.
@Suite(.enabled(if: PDFTools.isInstalled("pdftoppm"), "pdftoppm (poppler-utils) renders the page"))
struct StackedMarksEndToEndTests {
    /// A page with the name alone, in a box 15 mm high whose top is 92 mm from the top of the page.
    static let template = """
        page: {size: A4, orientation: landscape}
        languages: [uz-Latn]
        fonts:
          serif-bold: {family: Noto Serif, weight: bold}
        blocks:
          - text: "{participant}"
            box: [30, 92, 237, 15]
            font: serif-bold
            size: 28
            min-size: 8
            lines: 1
            align: center
            valign: bottom
        """

    @Test func theInkOfAStackedNameStaysInItsBox() throws {
        // Given a name whose letters carry six combining marks each, and a template with only the name
        let stacked = "Lo\u{0308}\u{0301}\u{0304}\u{0306}\u{030C}\u{0302}la Ismoilova"
        let training = try CertificatesEndToEndTests.Training([(stacked, "uz-Latn")])
        let templates = training.programme.path("templates")
        try FileManager.default.createDirectory(atPath: templates, withIntermediateDirectories: true)
        try Data(Self.template.utf8).write(to: URL(fileURLWithPath: templates + "/stacked.yaml"))

        // When the certificate is issued
        try training.programme.succeed(["certificates", "issue", String(training.event), "--templates", templates,
                                        "--template", "stacked", "--issue-date", "01.04.2019", "--bundle", "stacked.pdf"])

        // Then no ink falls above the top of the name's box (92 mm) nor below its bottom (107 mm)
        let raster = try PDFTools.raster(of: URL(fileURLWithPath: training.programme.path("stacked.pdf")), dpi: 150)
        let ink = try #require(raster.ink())
        let millimetre = 72 / 25.4
        #expect(ink.y >= 92 * millimetre - 0.5, "\(ink): the marks reach above the box")
        #expect(ink.maxY <= 107 * millimetre + 0.5, "\(ink)")
    }
}
