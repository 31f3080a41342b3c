import Testing
@testable import Typesetting

/// Fonts are found through fontconfig by family and style, once.
@Suite struct FontLookupTests {
    @Test(arguments: [
        (FontDescriptor(family: "Noto Sans"), "NotoSans-Regular.ttf"),
        (FontDescriptor(family: "Noto Sans", weight: .bold), "NotoSans-Bold.ttf"),
        (FontDescriptor(family: "Noto Sans", weight: .bold, italic: true), "NotoSans-BoldItalic.ttf"),
        (FontDescriptor(family: "Noto Serif", italic: true), "NotoSerif-Italic.ttf"),
        (FontDescriptor(family: "DejaVu Sans", weight: .bold), "DejaVuSans-Bold.ttf"),
    ])
    func familyAndStyleFindTheirFile(font: FontDescriptor, fileName: String) throws {
        let file = try FontLibrary().fontFile(for: font)
        #expect(file.path.hasSuffix("/" + fileName))
        #expect(file.family == font.family)
        #expect(file.index == 0)
    }

    @Test func familyNamesIgnoreCase() throws {
        let fonts = FontLibrary()
        #expect(try fonts.fontFile(for: FontDescriptor(family: "noto serif")) == fonts.fontFile(for: Fixtures.serif))
    }

    @Test func unknownFamilyIsAnErrorNotASubstitute() throws {
        let fonts = FontLibrary()
        #expect(throws: TypesettingError.fontNotFound(family: "Comic Nonexistent")) {
            try fonts.fontFile(for: FontDescriptor(family: "Comic Nonexistent"))
        }
        let message = TypesettingError.fontNotFound(family: "Comic Nonexistent").description
        #expect(message.contains("Comic Nonexistent") && message.contains("fc-list"))
    }

    @Test func genericFamilyTakesWhatFontconfigPrefers() throws {
        let file = try FontLibrary().fontFile(for: FontDescriptor(family: "sans-serif"))
        #expect(!file.path.isEmpty)
    }

    @Test func eachFontFileIsLoadedOnce() throws {
        let fonts = FontLibrary()
        let first = try fonts.primary(for: Fixtures.sans)
        #expect(try fonts.primary(for: Fixtures.sans) === first)
        #expect(try fonts.primary(for: FontDescriptor(family: "NOTO SANS")) === first)
    }
}
