import Foundation
import PDFTestSupport
import Testing
@testable import Typesetting

/// Images, QR codes, lines, rectangles and rotation land where they are asked to.
@Suite struct DrawingTests {
    static let tolerance = 3.0
    static let verificationURL = "https://malaka.example/verify/UZ-XO-2025-000123"

    @Test func pngIsScaledIntoItsBoxKeepingItsShape() throws {
        let pdf = try Fixtures.renderPage { page in
            try page.drawImage(pngAt: Fixtures.file("red-40x20.png"), in: Rect(x: 100, y: 100, width: 200, height: 200))
        }
        // 40 × 20 pixels fill the box's width and half its height, centred.
        let ink = try #require(try PDFTools.raster(of: pdf).inkBounds)
        #expect(abs(ink.x - 100) <= Self.tolerance && abs(ink.maxX - 300) <= Self.tolerance)
        #expect(abs(ink.y - 150) <= Self.tolerance && abs(ink.maxY - 250) <= Self.tolerance)
    }

    @Test func oneImageOnManyPagesIsStoredOnce() throws {
        let url = try PDFTools.temporaryFolder("TypesettingTests").appendingPathComponent("images.pdf")
        let document = try PDFDocument(url: url, fonts: FontLibrary())
        let image = try PNGImage(contentsOf: Fixtures.file("red-40x20.png"))
        #expect(image.pixelSize == Size(width: 40, height: 20))
        for _ in 0..<3 {
            try document.beginPage(size: .a4).drawImage(image, in: Rect(x: 50, y: 50, width: 100, height: 100))
        }
        try document.finish()
        let images = try PDFTools.run("pdfimages", ["-list", url.path]).split(separator: "\n").dropFirst(2)
        // pdfimages lists the image on each page, all with the same object number.
        let objects = Set(images.map { $0.split(separator: " ", omittingEmptySubsequences: true)[10] })
        #expect(images.count == 3 && objects.count == 1)
    }

    @Test(arguments: ["missing.png", "not-a-png.png"])
    func unreadableImageIsAnError(name: String) throws {
        let url = Fixtures.file(name)
        #expect {
            try PNGImage(contentsOf: url)
        } throws: { error in
            guard case let .imageUnreadable(path, _) = error as? TypesettingError else { return false }
            return path == url.path
        }
    }

    @Test func qrCodeIsOneSharpSquareInsideItsBox() throws {
        let box = Rect(x: 100, y: 100, width: 150, height: 200)
        let pdf = try Fixtures.renderPage { page in
            try page.drawQRCode(Self.verificationURL, in: box, errorCorrection: .high)
        }
        let ink = try #require(try PDFTools.raster(of: pdf, dpi: 72).inkBounds)
        #expect(ink.x >= box.x && ink.maxX <= box.maxX && ink.y >= box.y && ink.maxY <= box.maxY)
        #expect(abs(ink.width - ink.height) <= Self.tolerance)
        #expect(abs(ink.midX - box.midX) <= Self.tolerance && abs(ink.midY - box.midY) <= Self.tolerance)
        // Drawn as one image of one pixel per module, not a rectangle per module.
        let images = try PDFTools.run("pdfimages", ["-list", pdf.path]).split(separator: "\n").dropFirst(2)
        #expect(images.count >= 1 && images.count <= 2)
        let columns = try #require(images.first).split(separator: " ", omittingEmptySubsequences: true)
        #expect(Int(columns[3])! < 100 && columns[3] == columns[4], "one pixel per module: \(columns)")
    }

    @Test(.enabled(if: PDFTools.isInstalled("zbarimg"), "zbarimg (zbar-tools) is not installed"),
          arguments: [QRErrorCorrection.low, .high])
    func qrCodeScansBackToItsText(level: QRErrorCorrection) throws {
        let pdf = try Fixtures.renderPage { page in
            try page.drawQRCode(Self.verificationURL, in: Rect(x: 100, y: 100, width: 150, height: 150), errorCorrection: level)
        }
        let png = pdf.deletingPathExtension().path + "-qr"
        try PDFTools.run("pdftoppm", ["-r", "100", "-png", "-singlefile", pdf.path, png])
        let decoded = try PDFTools.run("zbarimg", ["--quiet", "--raw", png + ".png"])
        #expect(decoded.trimmingCharacters(in: .newlines) == Self.verificationURL)
    }

    @Test func emptyOrOverlongQRTextIsAnError() throws {
        let overlong = String(repeating: "Oʻzbekiston ", count: 300)
        _ = try Fixtures.renderPage { page in
            #expect(throws: TypesettingError.qrCodeNotEncodable(text: "", errorCorrection: .medium)) {
                try page.drawQRCode("", in: Rect(x: 0, y: 0, width: 100, height: 100))
            }
            #expect(throws: TypesettingError.qrCodeNotEncodable(text: overlong, errorCorrection: .high)) {
                try page.drawQRCode(overlong, in: Rect(x: 0, y: 0, width: 100, height: 100), errorCorrection: .high)
            }
        }
    }

    @Test func rectanglesAndLinesLeaveInkWhereAsked() throws {
        let filled = Rect(x: 60, y: 60, width: 100, height: 50)
        let filledPDF = try Fixtures.renderPage { page in
            try page.drawRectangle(filled, fill: .black, cornerRadius: 8)
        }
        let ink = try #require(try PDFTools.raster(of: filledPDF).inkBounds)
        #expect(abs(ink.x - filled.x) <= Self.tolerance && abs(ink.maxX - filled.maxX) <= Self.tolerance)
        #expect(abs(ink.y - filled.y) <= Self.tolerance && abs(ink.maxY - filled.maxY) <= Self.tolerance)

        let linePDF = try Fixtures.renderPage { page in
            try page.drawLine(from: Point(x: 100, y: 400), to: Point(x: 400, y: 400), color: Color(hex: "#000000")!, width: 3, dash: [6, 3])
            try page.drawRectangle(Rect(x: 100, y: 500, width: 300, height: 100), stroke: .black, lineWidth: 3)
        }
        let lines = try #require(try PDFTools.raster(of: linePDF).inkBounds)
        #expect(abs(lines.x - 100) <= Self.tolerance && abs(lines.maxX - 400) <= Self.tolerance)
        #expect(abs(lines.y - 400) <= Self.tolerance && abs(lines.maxY - 600) <= Self.tolerance)
    }

    @Test func rotatedTextRunsUpwards() throws {
        let anchor = Point(x: 300, y: 500)
        let pdf = try Fixtures.renderPage { page in
            try page.rotated(by: -90, around: anchor) { page in
                try page.drawText("Samarqand viloyati", style: Fixtures.style(size: 16),
                                  in: Rect(x: anchor.x, y: anchor.y, width: 300, height: 30))
            }
            try page.drawText("Xorazm", style: Fixtures.style(size: 16), in: Rect(x: 400, y: 100, width: 200, height: 30))
        }
        let lines = try PDFTools.textLines(of: pdf)
        #expect(lines.contains("Samarqand viloyati") && lines.contains("Xorazm"))
        // The rotated label stands to the upper right of its anchor, taller than wide.
        let raster = try PDFTools.raster(of: pdf)
        let ink = try #require(raster.inkBounds)
        #expect(ink.y < anchor.y - 100)
        #expect(ink.maxY <= anchor.y + Self.tolerance)
    }

    @Test func colorsParseFromHex() {
        #expect(Color(hex: "#1F4E79") == Color(red: 0x1F / 255, green: 0x4E / 255, blue: 0x79 / 255))
        #expect(Color(hex: "FF000080")?.alpha == 128.0 / 255)
        #expect(Color(hex: "#12345") == nil)
        #expect(Color(hex: "blue") == nil)
    }
}
