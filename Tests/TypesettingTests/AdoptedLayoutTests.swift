import Foundation
import Testing
@testable import Typesetting

/// A layout made by one library and adopted by another draws the same bytes as one the second made itself, and the
/// paragraphs text is split into do not depend on which way the split was found.
@Suite struct AdoptedLayoutTests {
    static let texts = [
        "Gʻulomjon Oʻrinboyev", "Ғуломжон Ўринбоев", "O’Brien – Smith", "Zarina\u{00B7}Karimova",
        "Сертификат № UZ-XO-2024-00017\nДата выдачи: 9 марта 2024 г.", "Check code:\nAB12 – CD34",
        "Жылдыз Абдыкадырова-Бейшенбаева Курманжан кызы Токтогулова", "x\u{2028}y", "a\u{0085}b\nc", "\u{00AB}kurs\u{00BB}",
    ]

    /// One page with each text drawn, the layouts made by `layouts` and drawn with `fonts`.
    static func page(fonts: FontLibrary, layouts: (String, TextStyle, Size) throws -> TextLayout) throws -> Data {
        let document = try PDFDocument.inMemory(fonts: fonts, metadata: PDFMetadata(creationDate: Date(timeIntervalSince1970: 0)))
        let canvas = try document.beginPage(size: .a4)
        for (index, text) in texts.enumerated() {
            let style = TextStyle(font: Fixtures.sans, size: 24, maximumLines: 3, minimumSize: 8)
            let box = Rect(x: 40, y: 40 + Double(index) * 60, width: 300, height: 56)
            try canvas.draw(layouts(text, style, box.size), in: box)
        }
        return try #require(try document.finish())
    }

    @Test func adoptedLayoutsDrawTheSameBytes() throws {
        let own = FontLibrary()
        let itself = try Self.page(fonts: own) { try own.layout($0, style: $1, in: $2, remember: false) }
        let other = FontLibrary()
        let drawing = FontLibrary()
        let adopted = try Self.page(fonts: drawing) { try drawing.adopting(other.layout($0, style: $1, in: $2, remember: false)) }
        #expect(adopted == itself)
    }

    @Test(arguments: texts + ["", "\n", "a\n\nb\n", "tab\there", "cr\r\nlf", "only\u{2029}para", "\u{00A0}nbsp\n\u{2013}"])
    func paragraphsAreThoseOfTheCleanedText(text: String) {
        let fast = FontLibrary.paragraphs(of: text).map { Array($0.utf8) }
        let cleaned = FontLibrary.cleanedParagraphsForTesting(of: text).map { Array($0.utf8) }
        #expect(fast == cleaned)
    }
}
