import Foundation
import PDFTestSupport
import Testing
@testable import Typesetting

/// Text drawn in every alphabet the programmes use copies out of the PDF exactly as written.
@Suite struct TextExtractionTests {
    static let samples = [
        "Gʻulomjon Oʻrinboyev",
        "Oʻzbekiston Respublikasi",
        "Ғуломжон Ўринбоев",
        "Ўзбекистон, Қашқадарё, Ғиждувон, Ҳамза",
        "Айгүл Өмүрбекова",
        "Ысык-Көл, Түп, Жаңы-Жол, ҮӨҢ",
        "Ирина Сергеевна Кузнецова",
        "Certificate of Participation",
        "office fine",
    ]

    @Test(arguments: [Fixtures.sans, Fixtures.serif, Fixtures.sansBold])
    func everySampleCopiesOutExactly(font: FontDescriptor) throws {
        let pdf = try Fixtures.renderPage { page in
            for (index, sample) in Self.samples.enumerated() {
                try page.drawText(sample, style: Fixtures.style(font, size: 16),
                                  in: Rect(x: 50, y: 50 + Double(index) * 40, width: 500, height: 30))
            }
        }
        let lines = try PDFTools.textLines(of: pdf)
        #expect(lines == Self.samples)
    }

    @Test func modifierLetterTurnedCommaIsNotReplacedByAQuotationMark() throws {
        let pdf = try Fixtures.renderPage { page in
            try page.drawText("Oʻzbekiston", style: Fixtures.style(), in: Rect(x: 50, y: 50, width: 400, height: 40))
        }
        let text = try PDFTools.textLines(of: pdf).joined()
        #expect(text.unicodeScalars.contains("\u{02BB}"))
        #expect(!text.unicodeScalars.contains("\u{2018}"))
        #expect(!text.unicodeScalars.contains("'"))
    }

    @Test func ligaturesAreShapedButCopyAsTheirLetters() throws {
        let fonts = FontLibrary()
        let layout = try fonts.layout("office fine", style: Fixtures.style(Fixtures.serif), in: Size(width: 500, height: 100))
        let glyphCount = layout.laidOutLines[0].paragraph.runs.reduce(0) { $0 + $1.glyphs.count }
        // A ligature draws "ffi" and "fi" with one glyph each, so there are fewer glyphs than letters.
        #expect(glyphCount < "office fine".count)

        let pdf = try Fixtures.renderPage(fonts: fonts) { page in
            try page.draw(layout, in: Rect(x: 50, y: 50, width: 500, height: 100))
        }
        #expect(try PDFTools.textLines(of: pdf) == ["office fine"])
    }

    @Test func everyFontIsEmbedded() throws {
        let pdf = try Fixtures.renderPage { page in
            try page.drawText(Self.samples.joined(separator: "\n"), style: Fixtures.style(Fixtures.serif),
                              in: Rect(x: 50, y: 50, width: 500, height: 700))
            try page.drawText("Baholandi ✓", style: Fixtures.style(Fixtures.sansBold), in: Rect(x: 50, y: 700, width: 500, height: 40))
        }
        let fonts = try PDFTools.fonts(of: pdf)
        #expect(fonts.count >= 3)
        let notEmbedded = fonts.filter { !$0.embedded }.map(\.name)
        #expect(notEmbedded.isEmpty)
    }
}
