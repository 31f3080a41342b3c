import Foundation
import Testing
@testable import Typesetting

/// QR codes encoded ahead of drawing, as a renderer does on another thread.
@Suite struct QRCodeTests {
    @Test func anEncodedCodeDrawsTheSameAsTheText() throws {
        let text = "https://malaka.example/verify/UZ-2019-000001"
        let code = try QRCode(text, errorCorrection: .medium)
        #expect(code.width == 29, "version 3 holds 45 bytes at level M")
        #expect(code.isDark(column: 0, row: 0) && code.isDark(column: 6, row: 6) && !code.isDark(column: 7, row: 7),
                "finder pattern in the corner")

        func pdf(_ draw: (Canvas) throws -> Void) throws -> Data {
            let document = try PDFDocument.inMemory(fonts: FontLibrary(), metadata: PDFMetadata(creationDate: Date(timeIntervalSince1970: 0)))
            try draw(document.beginPage(size: .a4))
            return try document.finish() ?? Data()
        }
        let box = Rect(x: 100, y: 100, width: 120, height: 120)
        let fromText = try pdf { try $0.drawQRCode(text, in: box, color: .black, quietZone: 2) }
        let fromCode = try pdf { try $0.drawQRCode(code, in: box, color: .black, quietZone: 2) }
        #expect(fromText == fromCode)
    }

    @Test func codesAreMadeOnAnyThread() throws {
        let texts = (1...16).map { "https://malaka.example/verify/UZ-2019-\(String(format: "%06d", $0))" }
        let codes = Codes(count: texts.count)
        DispatchQueue.concurrentPerform(iterations: texts.count) { index in
            codes.set(index, try? QRCode(texts[index]))
        }
        #expect(try codes.all() == texts.map { try QRCode($0) })
        #expect(throws: TypesettingError.self) { try QRCode("") }
    }
}

private final class Codes: @unchecked Sendable {
    private let lock = NSLock()
    private var codes: [QRCode?]

    init(count: Int) { codes = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ code: QRCode?) { lock.withLock { codes[index] = code } }

    func all() -> [QRCode] { lock.withLock { codes.compactMap { $0 } } }
}
