import Foundation
import PDFTestSupport
import Synchronization
import Testing
@testable import Typesetting

/// Threads that each have their own font library render correct PDFs at the same time.
@Suite struct ConcurrencyTests {
    static let names = [
        ["Gʻulomjon Oʻrinboyev", "Oʻgʻiloy Shoʻxratova", "Dilnoza Qoʻchqorova", "Bahodir Gʻaniyev", "Office Finley"],
        ["Ғуломжон Ўринбоев", "Айгүл Өмүрбекова", "Нурбек Жээнбеков", "Ирина Кузнецова", "Эңкебай Түлөгөнов"],
    ]

    @Test func twoThreadsRenderAtOnce() throws {
        let folder = try PDFTools.temporaryFolder("TypesettingTests")
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: Self.names.count) { thread in
            let fonts = FontLibrary()
            for (index, name) in Self.names[thread].enumerated() {
                do {
                    let url = folder.appendingPathComponent("thread\(thread)-\(index).pdf")
                    let document = try PDFDocument(url: url, fonts: fonts, metadata: PDFMetadata(title: name))
                    let page = try document.beginPage(size: .a4.landscape)
                    try page.drawText(name, style: TextStyle(font: Fixtures.serifBold, size: 30, alignment: .center, maximumLines: 1, minimumSize: 12),
                                      in: Rect(x: 100, y: 100, width: 600, height: 50))
                    try page.drawText(LayoutTests.paragraph, style: Fixtures.style(size: 11), in: Rect(x: 100, y: 200, width: 600, height: 200))
                    try page.drawQRCode("https://malaka.example/verify/\(thread)-\(index)", in: Rect(x: 100, y: 400, width: 100, height: 100))
                    try document.finish()
                } catch {
                    failures.withLock { $0.append("\(name): \(error)") }
                }
            }
        }
        #expect(failures.withLock { $0 } == [])
        for (thread, names) in Self.names.enumerated() {
            for (index, name) in names.enumerated() {
                let url = folder.appendingPathComponent("thread\(thread)-\(index).pdf")
                let lines = try PDFTools.textLines(of: url)
                #expect(lines.first == name)
                #expect(lines.dropFirst().joined(separator: " ") == LayoutTests.paragraph)
                #expect(try PDFTools.fonts(of: url).allSatisfy { $0.embedded })
            }
        }
    }
}
