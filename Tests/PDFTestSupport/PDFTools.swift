import Foundation

/// Runs poppler's and zbar's command-line tools on the PDFs tests make: what a reader copies out,
/// which fonts are embedded, where ink falls, what a phone would read from a QR code.
public enum PDFTools {
    public struct CommandFailed: Error, CustomStringConvertible {
        public let command: String
        public let output: String
        public var description: String { "\(command) failed: \(output)" }
    }

    /// A new empty folder for one test's files, named after the suite that asks.
    public static func temporaryFolder(_ prefix: String = "MalakaTests") throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Deletes a test's folder, unless `MALAKA_KEEP_TEST_FILES` is set, to look at what was rendered.
    public static func cleanUp(_ folder: URL) {
        if ProcessInfo.processInfo.environment["MALAKA_KEEP_TEST_FILES"] == nil {
            try? FileManager.default.removeItem(at: folder)
        } else {
            print("Kept \(folder.path)")
        }
    }

    /// Runs `tool` from PATH and returns its standard output; throws when it exits non-zero.
    @discardableResult
    public static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let run = try ChildProcess.run(URL(fileURLWithPath: "/usr/bin/env"), [tool] + arguments)
        guard run.status == 0 else {
            throw CommandFailed(command: ([tool] + arguments).joined(separator: " "),
                                output: String(decoding: run.errors, as: UTF8.self))
        }
        return String(decoding: run.output, as: UTF8.self)
    }

    public static func isInstalled(_ tool: String) -> Bool {
        (try? run("which", [tool])) != nil
    }

    /// The text of `page` (or every page) as pdftotext extracts it, one trimmed string per non-empty line.
    public static func textLines(of pdf: URL, page: Int? = nil) throws -> [String] {
        let pages = page.map { ["-f", "\($0)", "-l", "\($0)"] } ?? []
        return try run("pdftotext", pages + ["-enc", "UTF-8", pdf.path, "-"])
            .split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && $0 != "\u{0C}" }
    }

    /// The text of `page` (or every page) laid out as on the page (`pdftotext -layout`), one string per non-empty line.
    public static func layoutLines(of pdf: URL, page: Int? = nil) throws -> [String] {
        let pages = page.map { ["-f", "\($0)", "-l", "\($0)"] } ?? []
        return try run("pdftotext", ["-layout", "-enc", "UTF-8"] + pages + [pdf.path, "-"])
            .split(whereSeparator: \.isNewline).map(String.init)
            .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty && $0 != "\u{0C}" }
    }

    /// One row of `pdffonts`: a font's name and whether it is embedded.
    public struct Font: Sendable, CustomStringConvertible {
        public let name: String
        public let embedded: Bool
        public var description: String { "\(name)\(embedded ? "" : " (not embedded)")" }
    }

    public static func fonts(of pdf: URL) throws -> [Font] {
        // name type encoding emb sub uni object ID; the name has no spaces, the type may.
        try run("pdffonts", [pdf.path]).split(separator: "\n").dropFirst(2).map { line in
            let columns = line.split(separator: " ", omittingEmptySubsequences: true)
            return Font(name: String(columns[0]), embedded: columns[columns.count - 5] == "yes")
        }
    }

    /// `pdfinfo`'s fields, such as `Title`, `Pages` and `CreationDate` (ISO 8601).
    public static func info(of pdf: URL) throws -> [String: String] {
        var fields: [String: String] = [:]
        for line in try run("pdfinfo", ["-isodates", pdf.path]).split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return fields
    }

    /// A word on a page and its box in points, from `pdftotext -bbox`.
    public struct Word: Sendable {
        public let text: String
        public let xMin: Double, yMin: Double, xMax: Double, yMax: Double
    }

    /// Every word on a page, with the page's size in points.
    public static func words(of pdf: URL, page: Int = 1) throws -> (pageWidth: Double, pageHeight: Double, words: [Word]) {
        let html = try run("pdftotext", ["-bbox", "-f", "\(page)", "-l", "\(page)", pdf.path, "-"])
        guard let pageMatch = html.firstMatch(of: /<page width="([\d.]+)" height="([\d.]+)">/) else {
            throw CommandFailed(command: "pdftotext -bbox \(pdf.path)", output: "no page in its output")
        }
        let words = html.matches(of: /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/).map {
            Word(text: String($0.output.5), xMin: Double($0.output.1)!, yMin: Double($0.output.2)!,
                 xMax: Double($0.output.3)!, yMax: Double($0.output.4)!)
        }
        return (Double(pageMatch.output.1)!, Double(pageMatch.output.2)!, words)
    }

    /// A page rendered in grey by pdftoppm at `dpi`.
    public static func raster(of pdf: URL, page: Int = 1, dpi: Int = 50) throws -> Raster {
        // Into a folder of its own, never beside the PDF: a reference PDF lives in the repository.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("malaka-raster-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let prefix = folder.appendingPathComponent("page").path
        try run("pdftoppm", ["-r", "\(dpi)", "-gray", "-f", "\(page)", "-l", "\(page)", "-singlefile", pdf.path, prefix])
        return try Raster(pgm: Data(contentsOf: URL(fileURLWithPath: prefix + ".pgm")), dpi: Double(dpi))
    }

    /// What zbarimg reads from the QR codes on a page rendered at 150 dpi, as a phone would from a print.
    public static func qrCodes(of pdf: URL, page: Int = 1) throws -> [String] {
        let prefix = pdf.deletingPathExtension().path + "-qr-\(page)"
        try run("pdftoppm", ["-r", "150", "-png", "-f", "\(page)", "-l", "\(page)", "-singlefile", pdf.path, prefix])
        return try run("zbarimg", ["--quiet", "--raw", prefix + ".png"]).split(separator: "\n").map(String.init)
    }

    /// Whether any installed font has the character, as fontconfig says.
    public static func someFontHas(_ scalar: Unicode.Scalar) -> Bool {
        let listed = (try? run("fc-list", [":charset=\(String(scalar.value, radix: 16))", "family"])) ?? ""
        return !listed.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }
}
