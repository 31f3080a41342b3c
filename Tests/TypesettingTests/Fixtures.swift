import Foundation
import PDFTestSupport
@testable import Typesetting

/// Fonts and styles the tests share.
enum Fixtures {
    static let sans = FontDescriptor(family: "Noto Sans")
    static let serif = FontDescriptor(family: "Noto Serif")
    static let sansBold = FontDescriptor(family: "Noto Sans", weight: .bold)
    static let serifBold = FontDescriptor(family: "Noto Serif", weight: .bold)

    static func style(_ font: FontDescriptor = sans, size: Double = 14) -> TextStyle {
        TextStyle(font: font, size: size)
    }

    /// Renders one page with `draw`, writes it to a new temporary folder and returns the file.
    static func renderPage(
        size: PageSize = .a4,
        fonts: FontLibrary = FontLibrary(),
        metadata: PDFMetadata = PDFMetadata(),
        _ draw: (Canvas) throws -> Void
    ) throws -> URL {
        let url = try PDFTools.temporaryFolder("TypesettingTests").appendingPathComponent("page.pdf")
        let document = try PDFDocument(url: url, fonts: fonts, metadata: metadata)
        try draw(document.beginPage(size: size))
        try document.finish()
        return url
    }
}

// MARK: - Files

extension Fixtures {
    /// A file in `__Fixtures__` beside the tests.
    static func file(_ name: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("__Fixtures__/\(name)")
    }

    /// Whether some installed font has `scalar`, according to fontconfig's own command-line tool.
    static func someFontHas(_ scalar: Unicode.Scalar) -> Bool {
        let output = (try? PDFTools.run("fc-list", [":charset=\(String(scalar.value, radix: 16))", "file"])) ?? ""
        return !output.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }
}

extension Raster {
    /// Where ink fell, as a rectangle of the Typesetting layer's coordinates; nil for a blank page.
    var inkBounds: Rect? {
        ink().map { Rect(x: $0.x, y: $0.y, width: $0.width, height: $0.height) }
    }
}
