import Foundation
import PDFTestSupport
import Testing
@testable import Typesetting

/// Text wraps, aligns and shrinks to its box, and measures consistently.
@Suite struct LayoutTests {
    static let paragraph = "Ishtirokchi Xorazm viloyati, Urganch tumanidagi mahallada oʻtkazilgan 16 soatlik treningda toʻliq "
        + "qatnashdi va bolalarni zoʻravonlikdan himoya qilish, ijobiy tarbiya usullari hamda ijtimoiy xizmatlarga "
        + "murojaat qilish boʻyicha bilim oldi."
    /// One pixel at 50 dpi is 1.44 pt; glyph side bearings add a little more.
    static let tolerance = 3.0

    @Test func wrappedLinesStayInsideTheirBox() throws {
        let box = Rect(x: 100, y: 100, width: 250, height: .infinity)
        let fonts = FontLibrary()
        let layout = try fonts.layout(Self.paragraph, style: Fixtures.style(size: 12), in: box.size)
        #expect(layout.fits)
        #expect(layout.lineCount >= 4)
        #expect(layout.laidOutLines.allSatisfy { $0.width <= box.width })
        // Lines break between words, and no word is lost or split.
        #expect(layout.lines.joined(separator: " ") == Self.paragraph)

        let pdf = try Fixtures.renderPage(fonts: fonts) { page in try page.draw(layout, in: box) }
        let ink = try #require(try PDFTools.raster(of: pdf).inkBounds)
        #expect(ink.x >= box.x - Self.tolerance)
        #expect(ink.maxX <= box.maxX + Self.tolerance)
        #expect(ink.y >= box.y - Self.tolerance)
        #expect(ink.maxY <= box.y + layout.size.height + Self.tolerance)
        #expect(try PDFTools.textLines(of: pdf) == layout.lines)
    }

    @Test(arguments: [TextAlignment.left, .center, .right])
    func alignmentPlacesTheLine(alignment: TextAlignment) throws {
        let box = Rect(x: 100, y: 100, width: 400, height: 40)
        let style = TextStyle(font: Fixtures.sans, size: 20, alignment: alignment)
        let pdf = try Fixtures.renderPage { page in try page.drawText("Oʻzbekiston", style: style, in: box) }
        let ink = try #require(try PDFTools.raster(of: pdf).inkBounds)
        switch alignment {
        case .left: #expect(abs(ink.x - box.x) <= Self.tolerance)
        case .center: #expect(abs(ink.midX - box.midX) <= Self.tolerance)
        case .right: #expect(abs(ink.maxX - box.maxX) <= Self.tolerance)
        }
    }

    @Test(arguments: [VerticalAlignment.top, .middle, .bottom])
    func verticalAlignmentPlacesTheBlock(alignment: VerticalAlignment) throws {
        let box = Rect(x: 100, y: 100, width: 400, height: 200)
        let style = TextStyle(font: Fixtures.sans, size: 20, verticalAlignment: alignment)
        let fonts = FontLibrary()
        let height = try fonts.layout("Ҳ", style: style, in: box.size).size.height
        let pdf = try Fixtures.renderPage(fonts: fonts) { page in try page.drawText("Ҳ", style: style, in: box) }
        let ink = try #require(try PDFTools.raster(of: pdf).inkBounds)
        let top = switch alignment {
        case .top: box.y
        case .middle: box.midY - height / 2
        case .bottom: box.maxY - height
        }
        #expect(ink.y >= top - Self.tolerance && ink.maxY <= top + height + Self.tolerance)
    }

    @Test func longNameShrinksToTheLargestSizeThatFits() throws {
        let fonts = FontLibrary()
        let name = "Xudoyberdiyeva Oʻgʻiloy Gʻulomjonovna"
        let style = TextStyle(font: Fixtures.serif, size: 32, maximumLines: 1, minimumSize: 10)
        let layout = try fonts.layout(name, style: style, in: Size(width: 200, height: 60))
        #expect(layout.fits)
        #expect(layout.lineCount == 1)
        #expect(layout.fontSize < 32 && layout.fontSize >= 10)
        #expect(layout.size.width <= 200)
        #expect(try fonts.measure(name, font: Fixtures.serif, size: layout.fontSize + 0.2) > 200)
    }

    @Test func textThatCannotShrinkEnoughIsRefused() throws {
        let fonts = FontLibrary()
        let name = "Xudoyberdiyeva Oʻgʻiloy Gʻulomjonovna"
        let style = TextStyle(font: Fixtures.serif, size: 32, maximumLines: 1, minimumSize: 24)
        let box = Rect(x: 50, y: 50, width: 200, height: 60)
        #expect(try !fonts.layout(name, style: style, in: box.size).fits)
        let expected = TypesettingError.textDoesNotFit(text: name, size: 24, width: 200, height: 60, maximumLines: 1)
        _ = try Fixtures.renderPage(fonts: fonts) { page in
            #expect(throws: expected) { try page.drawText(name, style: style, in: box) }
        }
        #expect(expected.description.contains("does not fit 200 × 60 pt in at most 1 line, even at 24 pt"))
    }

    @Test func overlongWordIsBrokenWhenWrapping() throws {
        let word = "Oʻrinboyevaxonimjonovaqizi"
        let layout = try FontLibrary().layout(word, style: Fixtures.style(size: 14), in: Size(width: 60, height: .infinity))
        #expect(layout.fits)
        #expect(layout.lineCount >= 2)
        #expect(layout.laidOutLines.allSatisfy { $0.width <= 60 })
        #expect(layout.lines.joined() == word)
    }

    @Test func shrinkingPrefersSmallerTextToBrokenWords() throws {
        let style = TextStyle(font: Fixtures.sans, size: 30, maximumLines: 2, minimumSize: 6)
        let layout = try FontLibrary().layout("Xudoyberdiyeva Gʻulomjonovna", style: style, in: Size(width: 120, height: 100))
        #expect(layout.fits)
        #expect(layout.lines == ["Xudoyberdiyeva", "Gʻulomjonovna"])
    }

    @Test func maximumLinesIsALimit() throws {
        let style = TextStyle(font: Fixtures.sans, size: 12, maximumLines: 2)
        let layout = try FontLibrary().layout(Self.paragraph, style: style, in: Size(width: 200, height: .infinity))
        #expect(!layout.fits)
        #expect(layout.lineCount > 2)
    }

    @Test func newlinesBreakLinesAndLineSpacingSpreadsThem() throws {
        let fonts = FontLibrary()
        let text = "Birinchi\nIkkinchi\n\nToʻrtinchi"
        let single = try fonts.layout(text, style: Fixtures.style(), in: Size(width: 500, height: .infinity))
        var spaced = Fixtures.style()
        spaced.lineSpacing = 2
        let double = try fonts.layout(text, style: spaced, in: Size(width: 500, height: .infinity))
        #expect(single.lines == ["Birinchi", "Ikkinchi", "", "Toʻrtinchi"])
        let lineHeight = single.size.height - single.ascender - single.descender
        #expect(lineHeight > 0)
        #expect(abs(double.size.height - single.size.height - lineHeight) < 1e-6)
    }

    @Test func measuringScalesWithSizeAndKerns() throws {
        let fonts = FontLibrary()
        let ten = try fonts.measure("Gʻulomjon Oʻrinboyev", font: Fixtures.sans, size: 10)
        let twenty = try fonts.measure("Gʻulomjon Oʻrinboyev", font: Fixtures.sans, size: 20)
        #expect(ten > 50 && ten < 150)
        #expect(abs(twenty - 2 * ten) < 1e-9)
        #expect(try fonts.measure("", font: Fixtures.sans, size: 10) == 0)
        let pair = try fonts.measure("AV", font: Fixtures.sans, size: 100)
        let apart = try fonts.measure("A", font: Fixtures.sans, size: 100) + fonts.measure("V", font: Fixtures.sans, size: 100)
        #expect(pair < apart, "A and V should kern")
    }
}
