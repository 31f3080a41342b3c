import Foundation
import PDFTestSupport
import Testing
@testable import Typesetting

/// PDFs go to files or memory, with metadata, page sizes, and fonts embedded once for many pages.
@Suite struct PDFDocumentTests {
    @Test func metadataIsWritten() throws {
        let metadata = PDFMetadata(
            title: "Oʻzbekiston: ishtirok sertifikatlari",
            author: "Xorazm viloyati hokimligi",
            subject: "Ота-оналик кўникмалари",
            keywords: ["sertifikat", "trening"],
            creator: "Malaka",
            creationDate: Date(timeIntervalSince1970: 1_742_895_000) // 2025-03-25 09:30:00 UTC
        )
        let pdf = try Fixtures.renderPage(metadata: metadata) { _ in }
        let info = try PDFTools.info(of: pdf)
        #expect(info["Title"] == metadata.title)
        #expect(info["Author"] == metadata.author)
        #expect(info["Subject"] == metadata.subject)
        #expect(info["Keywords"] == "sertifikat, trening")
        #expect(info["Creator"] == "Malaka")
        #expect(info["CreationDate"]?.hasPrefix("2025-03-25T09:30:00") == true, "\(info["CreationDate"] ?? "none")")
    }

    @Test func everyPageHasItsOwnSize() throws {
        let url = try PDFTools.temporaryFolder("TypesettingTests").appendingPathComponent("sizes.pdf")
        let document = try PDFDocument(url: url, fonts: FontLibrary())
        for size in [PageSize.a4, .a4.landscape, .letter] {
            try document.beginPage(size: size).drawText("Sahifa", style: Fixtures.style(), in: Rect(x: 40, y: 40, width: 200, height: 30))
        }
        #expect(try document.finish() == nil)
        let sizes = try PDFTools.run("pdfinfo", ["-f", "1", "-l", "3", url.path])
            .split(separator: "\n").filter { $0.hasPrefix("Page") && $0.contains("size:") }
            .map { $0.split(separator: ":")[1].split(separator: "(")[0].trimmingCharacters(in: .whitespaces) }
        #expect(sizes == ["595.28 x 841.89 pts", "841.89 x 595.28 pts", "612 x 792 pts"])
        #expect(try PDFTools.info(of: url)["Pages"] == "3")
    }

    @Test func inMemoryPDFHoldsWhatWasDrawn() throws {
        let document = try PDFDocument.inMemory(fonts: FontLibrary(), metadata: PDFMetadata(title: "Xotira"))
        try document.beginPage(size: .a4).drawText("Ғуломжон Ўринбоев", style: Fixtures.style(), in: Rect(x: 40, y: 40, width: 400, height: 30))
        let data = try #require(try document.finish())
        #expect(data.starts(with: Array("%PDF-".utf8)))
        let url = try PDFTools.temporaryFolder("TypesettingTests").appendingPathComponent("memory.pdf")
        try data.write(to: url)
        #expect(try PDFTools.textLines(of: url) == ["Ғуломжон Ўринбоев"])
        #expect(try PDFTools.info(of: url)["Title"] == "Xotira")
    }

    /// cairo offers no compression setting; the program's own deflateInit_ gives one (PDFCompression): the
    /// same page, read the same, in fewer CPU cycles and a few more bytes; and only the thread asking.
    @Test func fastestCompressionDrawsTheSamePage() throws {
        #expect(PDFCompression.isSettable)
        func page() throws -> Data {
            let document = try PDFDocument.inMemory(fonts: FontLibrary(), metadata: PDFMetadata(creationDate: Date(timeIntervalSince1970: 0)))
            try document.beginPage(size: .a4).drawText("Gʻulomjon Oʻrinboyev — Ғуломжон Ўринбоев", style: Fixtures.style(),
                                                       in: Rect(x: 40, y: 40, width: 500, height: 30))
            return try #require(try document.finish())
        }
        let standard = try page()
        let fastest = try PDFCompression.fastest { try page() }
        #expect(fastest != standard)
        #expect(try page() == standard)
        let folder = try PDFTools.temporaryFolder("TypesettingTests")
        var lines: [[String]] = []
        for (name, data) in [("standard.pdf", standard), ("fastest.pdf", fastest)] {
            let url = folder.appendingPathComponent(name)
            try data.write(to: url)
            lines.append(try PDFTools.textLines(of: url))
        }
        #expect(lines[0] == ["Gʻulomjon Oʻrinboyev — Ғуломжон Ўринбоев"])
        #expect(lines[1] == lines[0])
    }

    /// Inside fastest, a stream whose bytes were compressed before takes the earlier compressed bytes
    /// (PDFCompression): the same PDF as compressing every stream, whatever was drawn before it.
    @Test func fastestCompressionReusesStreamsOfTheSameBytes() throws {
        #expect(PDFCompression.reusesStreams)
        // The emblem: 21 KB of pixels, more than one of cairo's 16 KB blocks of a stream.
        let emblem = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("certificate-templates/images/emblem.png")
        func page(_ name: String) throws -> Data {
            let document = try PDFDocument.inMemory(fonts: FontLibrary(), metadata: PDFMetadata(creationDate: Date(timeIntervalSince1970: 0)))
            let canvas = try document.beginPage(size: .a4)
            try canvas.drawImage(pngAt: emblem, in: Rect(x: 40, y: 40, width: 100, height: 100))
            try canvas.drawText(name, style: Fixtures.style(), in: Rect(x: 40, y: 160, width: 500, height: 30))
            return try #require(try document.finish())
        }
        let names = ["Gʻulomjon Oʻrinboyev", "Ғуломжон Ўринбоев", "Gʻulomjon Oʻrinboyev"]
        let compressedEach = try names.map { name in try PDFCompression.fastest(reusing: false) { try page(name) } }
        let before = PDFCompression.streamCounts
        let reused = try names.map { name in try PDFCompression.fastest { try page(name) } }
        let after = PDFCompression.streamCounts
        #expect(reused == compressedEach)
        #expect(compressedEach[0] != compressedEach[1])
        // The second and third pages' emblem at least, and all of the third page's streams, came from earlier ones.
        #expect(after.reused - before.reused >= 2)
        #expect(try PDFCompression.fastest(reusing: false) { try page(names[0]) } == compressedEach[0])
    }

    /// cairo's numbers are written by CNumberFormat (PDFNumberFormat), character for character as glibc writes them.
    @Test func numbersAreWrittenAsGlibcWritesThem() {
        #expect(PDFNumberFormat.isFast)
        #expect(PDFNumberFormat.differences(count: 200_000, seed: 20261206) == 0)
    }

    @Test func unwritableDestinationIsAnError() throws {
        let url = URL(fileURLWithPath: "/nonexistent-folder-\(UUID().uuidString)/certificate.pdf")
        #expect {
            try PDFDocument(url: url, fonts: FontLibrary())
        } throws: { error in
            guard case let .pdfNotWritable(path, _) = error as? TypesettingError else { return false }
            return path == url.path && (error as! TypesettingError).description.contains("writable")
        }
    }

    @Test func fontsAreEmbeddedOnceForManyPages() throws {
        let fonts = FontLibrary()
        func render(pages: Int) throws -> URL {
            let url = try PDFTools.temporaryFolder("TypesettingTests").appendingPathComponent("pages.pdf")
            let document = try PDFDocument(url: url, fonts: fonts)
            for index in 0..<pages {
                let page = try document.beginPage(size: .a4)
                try page.drawText("Gʻulomjon Oʻrinboyev \(index)", style: Fixtures.style(Fixtures.serifBold), in: Rect(x: 40, y: 40, width: 400, height: 30))
                try page.drawText("Айгүл Өмүрбекова", style: Fixtures.style(), in: Rect(x: 40, y: 90, width: 400, height: 30))
            }
            try document.finish()
            return url
        }
        let one = try render(pages: 1)
        let hundred = try render(pages: 100)
        #expect(try PDFTools.fonts(of: hundred).count == PDFTools.fonts(of: one).count)
        let bytesPerPage = (try Data(contentsOf: hundred).count - Data(contentsOf: one).count) / 99
        #expect(bytesPerPage < 2000, "each further page should add only its text, not fonts: \(bytesPerPage) bytes")
    }
}
