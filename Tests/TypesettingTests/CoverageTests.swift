import Foundation
import PDFTestSupport
import Testing
@testable import Typesetting

/// Every character is checked before drawing: fallback fonts fill gaps, and what no font has is refused by name.
@Suite struct CoverageTests {
    /// A private-use character that no reasonable font has.
    static let privateUse: Unicode.Scalar = "\u{10FFFD}"

    @Test(arguments: [Fixtures.sans, Fixtures.serif, Fixtures.sansBold, FontDescriptor(family: "DejaVu Sans")])
    func theProgrammesAlphabetsNeedNoFallback(font: FontDescriptor) throws {
        let fonts = FontLibrary()
        let primary = try fonts.primary(for: font)
        for sample in TextExtractionTests.samples + ["Karakalpak: ә ғ қ ң ө ү ў ҳ ı"] {
            #expect(try fonts.missingCharacters(in: sample, font: font) == [])
            let layout = try fonts.layout(sample, style: Fixtures.style(font), in: Size(width: 1000, height: 100))
            #expect(layout.laidOutLines.allSatisfy { $0.paragraph.runs.allSatisfy { $0.font === primary } }, "\(sample)")
        }
    }

    @Test func characterNoFontHasIsNamedWithItsText() throws {
        try #require(!Fixtures.someFontHas(Self.privateUse))
        let text = "Ism: Ali \(Character(Self.privateUse))"
        let fonts = FontLibrary()
        #expect(try fonts.missingCharacters(in: text, font: Fixtures.sans) == [Self.privateUse])
        #expect(throws: TypesettingError.missingGlyphs(characters: [Self.privateUse], text: text)) {
            try fonts.checkCoverage(of: text, font: Fixtures.sans)
        }
        let message = TypesettingError.missingGlyphs(characters: [Self.privateUse], text: text).description
        #expect(message.contains("U+10FFFD") && message.contains(text))
    }

    @Test(.enabled(if: !Fixtures.someFontHas("王"), "an installed font has 王 (U+738B), such as a CJK font"))
    func cjkIdeographWithoutACJKFontIsRefused() throws {
        let fonts = FontLibrary()
        var thrown: (any Error)?
        let pdf = try Fixtures.renderPage(fonts: fonts) { page in
            do {
                try page.drawText("Familiyasi: 王 Gʻulomjon", style: Fixtures.style(), in: Rect(x: 50, y: 50, width: 400, height: 40))
            } catch {
                thrown = error
            }
        }
        let error = try #require(thrown as? TypesettingError)
        #expect(error == .missingGlyphs(characters: ["王"], text: "Familiyasi: 王 Gʻulomjon"))
        #expect(error.description.contains("U+738B 王"))
        #expect(error.description.contains("Familiyasi: 王 Gʻulomjon"))
        // Nothing of the refused text reached the page.
        #expect(try PDFTools.textLines(of: pdf) == [])
    }

    @Test func everyMissingCharacterIsListedOnce() throws {
        try #require(!Fixtures.someFontHas(Self.privateUse) && !Fixtures.someFontHas("\u{10FFFC}"))
        let text = "a\u{10FFFD}b\u{10FFFC}c\u{10FFFD}\nd"
        #expect(try FontLibrary().missingCharacters(in: text, font: Fixtures.serif) == ["\u{10FFFD}", "\u{10FFFC}"])
    }

    @Test(arguments: [Fixtures.sans, Fixtures.sansBold])
    func fallbackFontDrawsWhatThePrimaryLacks(font: FontDescriptor) throws {
        let fonts = FontLibrary()
        let primary = try fonts.primary(for: font)
        try #require(!primary.shaping.has("✓"), "the test needs a primary font without ✓ (U+2713)")
        try #require(Fixtures.someFontHas("✓"))
        let text = "Baholandi ✓ 100%"
        #expect(try fonts.missingCharacters(in: text, font: font) == [])

        let layout = try fonts.layout(text, style: Fixtures.style(font), in: Size(width: 500, height: 50))
        let runs = layout.laidOutLines[0].paragraph.runs
        #expect(runs.map { $0.font === primary } == [true, false, true])
        #expect(runs[1].font.shaping.has("✓"))

        let pdf = try Fixtures.renderPage(fonts: fonts) { page in
            try page.draw(layout, in: Rect(x: 50, y: 50, width: 500, height: 50))
        }
        #expect(try PDFTools.textLines(of: pdf) == [text])
        let embedded = try PDFTools.fonts(of: pdf)
        let primaryName = URL(fileURLWithPath: primary.file.path).deletingPathExtension().lastPathComponent
        #expect(embedded.contains { !$0.name.hasSuffix("+" + primaryName) })
        #expect(embedded.allSatisfy { $0.embedded })
    }

    @Test func fallbackKeepsTheStyleWhenItCan() throws {
        let fonts = FontLibrary()
        try #require(!(try fonts.primary(for: Fixtures.sansBold).shaping.has("✓")))
        // DejaVu Sans has ✓ in bold too, so the bold fallback is a bold face.
        try #require(Fixtures.someFontHas("✓"))
        let layout = try fonts.layout("✓", style: Fixtures.style(Fixtures.sansBold), in: Size(width: 100, height: 50))
        let fallback = layout.laidOutLines[0].paragraph.runs[0].font.file
        #expect(fallback.path.contains("Bold"), "\(fallback)")
    }

    @Test func controlCharactersAreLeftToLayout() throws {
        let fonts = FontLibrary()
        let text = "Birinchi qator\nIkkinchi\tqator\u{07}\r\nUchinchi"
        #expect(try fonts.missingCharacters(in: text, font: Fixtures.sans) == [])
        let layout = try fonts.layout(text, style: Fixtures.style(), in: Size(width: 500, height: 500))
        #expect(layout.lines == ["Birinchi qator", "Ikkinchi qator", "Uchinchi"])
    }

    @Test func combiningMarksAndJoinersStayWithTheirLetters() throws {
        let fonts = FontLibrary()
        // Decomposed Ў (У + combining breve), e + combining acute, and a zero-width joiner.
        let text = "\u{0423}\u{0306}ринбоев Jose\u{0301} a\u{200D}b"
        #expect(try fonts.missingCharacters(in: text, font: Fixtures.serif) == [])
        let pdf = try Fixtures.renderPage(fonts: fonts) { page in
            try page.drawText(text, style: Fixtures.style(Fixtures.serif), in: Rect(x: 50, y: 50, width: 500, height: 50))
        }
        let extracted = try PDFTools.textLines(of: pdf).joined()
        #expect(extracted.precomposedStringWithCanonicalMapping.contains("Ўринбоев"))
        #expect(extracted.precomposedStringWithCanonicalMapping.contains("José"))
    }
}
