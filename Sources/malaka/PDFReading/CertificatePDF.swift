import CertificateVerification
import Foundation
import TrainingCore

/// Reads what a checker needs from a certificate's PDF: the token in its metadata and the name printed where the name belongs.
///
/// The name counts only when it is text a reader can see, inside the name block the PDF's keywords name:
/// text drawn invisibly (render mode 3), hidden under a box, printed over other text or outside the name's
/// place is never taken for the name. Where the page cannot be read with certainty, the name is reported as
/// uncertain, and `verify` shows the signed details for a person to compare with the paper.
enum CertificatePDF {
    static func read(_ path: String) throws -> (token: String, name: NameEvidence) {
        // A certificate is a few hundred kilobytes and a bundle of thousands some tens of megabytes;
        // anything larger is read no further than the limit.
        let data = try VerifyCertificate.readSmallFile(path, what: "the certificate file", limit: 256 << 20)
        guard data.starts(with: Data("%PDF".utf8)) else {
            throw MalakaError.data("\(path) is not a PDF file.")
        }
        // The token is in the document's keywords as plain ASCII (Base45), so a byte search finds it.
        guard let start = data.range(of: Data(CertificateToken.prefix.utf8)) else {
            throw MalakaError.data("\(path) carries no Malaka certificate token. A bundle of many certificates carries none: check the person's own PDF, or scan the QR code on the page. Certificates issued before tokens existed have none until they are issued again.")
        }
        let alphabet = Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:".utf8)
        let tokenBytes = data[start.lowerBound...].prefix { alphabet.contains($0) }
        let token = String(decoding: tokenBytes, as: UTF8.self).trimmingCharacters(in: .whitespaces)
        return (token, try nameEvidence(path: path, boxes: nameBoxes(in: data)))
    }

    /// The name blocks' rectangles from the keywords, `name-box:x y width height` in points.
    static func nameBoxes(in data: Data) -> [(x: Double, y: Double, width: Double, height: Double)] {
        var boxes: [(x: Double, y: Double, width: Double, height: Double)] = []
        var searchFrom = data.startIndex
        while let found = data.range(of: Data("name-box:".utf8), in: searchFrom..<data.endIndex) {
            let numbers = String(decoding: data[found.upperBound...].prefix(60).prefix { "0123456789.- ".utf8.contains($0) }, as: UTF8.self)
                .split(separator: " ").compactMap { Double($0) }
            if numbers.count >= 4, numbers[2] > 0, numbers[3] > 0 {
                boxes.append((numbers[0], numbers[1], numbers[2], numbers[3]))
            }
            searchFrom = found.upperBound
        }
        return boxes
    }

    private static func nameEvidence(path: String, boxes: [(x: Double, y: Double, width: Double, height: Double)]) throws -> NameEvidence {
        guard !boxes.isEmpty else {
            return .uncertain("The file does not say where its name is printed (it was issued before certificates said so), so its name was not read.")
        }
        // An absolute path, so that a file named like an option (`-v`) is read as a file.
        let file = URL(fileURLWithPath: path).path
        let layout = try ExternalTool.run("pdftotext", ["-bbox-layout", "-enc", "UTF-8", "-f", "1", "-l", "1", file, "-"],
                                          package: "poppler-utils", reading: path)
        let slack = 2.0
        let words = PDFWord.parse(bboxLayout: String(decoding: layout, as: UTF8.self)).filter { word in
            let (x, y) = ((word.xMin + word.xMax) / 2, (word.yMin + word.yMax) / 2)
            return boxes.contains { x >= $0.x - slack && x <= $0.x + $0.width + slack && y >= $0.y - slack && y <= $0.y + $0.height + slack }
        }
        guard !words.isEmpty else { return .uncertain("No text is printed where the name belongs, so the name was not read.") }
        for (index, word) in words.enumerated() {
            for other in words[(index + 1)...] where word.overlap(with: other) > 0.3 * min(word.area, other.area) {
                return .uncertain("Where the name belongs, “\(word.text)” and “\(other.text)” are printed over each other, so what a reader sees cannot be told from the file.")
            }
        }
        if let hidden = try invisibleWord(among: words, file: file, path: path) {
            return .uncertain("Where the name belongs, the file holds the text “\(hidden)”, which a reader cannot see (invisible or covered), so what is printed cannot be told from the file.")
        }
        var lines: [String] = []
        for line in Dictionary(grouping: words, by: \.line).sorted(by: { $0.key < $1.key }) {
            lines.append(line.value.map(\.text).joined(separator: " "))
        }
        // A long name may wrap onto two lines: the lines together are one candidate, each line another.
        return .printed(lines.count > 1 ? lines + [lines.joined(separator: " ")] : lines)
    }

    /// The first word that leaves no ink of its own on the page: the page is drawn with and without its text,
    /// and a visible word changes the pixels under it.
    private static func invisibleWord(among words: [PDFWord], file: String, path: String) throws -> String? {
        func render(_ extra: [String]) throws -> GrayImage {
            let output = try ExternalTool.run(
                "gs", ["-q", "-dSAFER", "-dBATCH", "-dNOPAUSE", "-sDEVICE=pgmraw", "-r72", "-dFirstPage=1", "-dLastPage=1"]
                    + extra + ["-sOutputFile=-", file], package: "ghostscript", reading: path)
            guard let image = GrayImage(pgm: output) else {
                throw MalakaError.data("\(path) could not be drawn to see which of its text is visible; the file may be damaged. Ask the holder for another copy.")
            }
            return image
        }
        let page = try render([])
        let textless = try render(["-dFILTERTEXT"])
        return words.first { page.differingPixels(from: textless, xMin: $0.xMin, yMin: $0.yMin, xMax: $0.xMax, yMax: $0.yMax) < 2 }?.text
    }
}
