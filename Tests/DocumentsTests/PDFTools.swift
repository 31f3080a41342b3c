import Foundation

/// Runs poppler's and zbar's command-line tools on the PDFs the tests make.
enum PDFTools {
    struct CommandFailed: Error, CustomStringConvertible {
        let command: String
        let output: String
        var description: String { "\(command) failed: \(output)" }
    }

    /// A new empty folder for one test's files, deleted by the caller.
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("DocumentsTests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Runs `tool` from PATH and returns its standard output; throws when it exits non-zero.
    @discardableResult
    static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CommandFailed(command: ([tool] + arguments).joined(separator: " "), output: String(decoding: errorData, as: UTF8.self))
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// The text pdftotext extracts, one trimmed string per non-empty line.
    static func textLines(of pdf: URL, page: Int? = nil) throws -> [String] {
        let pages = page.map { ["-f", "\($0)", "-l", "\($0)"] } ?? []
        return try run("pdftotext", pages + ["-enc", "UTF-8", pdf.path, "-"])
            .split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && $0 != "\u{0C}" }
    }

    /// Each font `pdffonts` lists, and whether it is embedded.
    static func fonts(of pdf: URL) throws -> [(name: String, embedded: Bool)] {
        try run("pdffonts", [pdf.path]).split(separator: "\n").dropFirst(2).map { line in
            let columns = line.split(separator: " ", omittingEmptySubsequences: true)
            return (String(columns[0]), columns[columns.count - 5] == "yes")
        }
    }

    /// `pdfinfo`'s fields, such as `Pages`, `Title` and `CreationDate`.
    static func info(of pdf: URL) throws -> [String: String] {
        var fields: [String: String] = [:]
        for line in try run("pdfinfo", ["-isodates", pdf.path]).split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return fields
    }

    /// Every word on a page with its box in points, from `pdftotext -bbox`.
    static func words(of pdf: URL, page: Int = 1) throws -> (pageWidth: Double, pageHeight: Double, words: [(text: String, xMin: Double, yMin: Double, xMax: Double, yMax: Double)]) {
        let html = try run("pdftotext", ["-bbox", "-f", "\(page)", "-l", "\(page)", pdf.path, "-"])
        guard let pageMatch = html.firstMatch(of: /<page width="([\d.]+)" height="([\d.]+)">/) else {
            throw CommandFailed(command: "pdftotext -bbox \(pdf.path)", output: "no page in its output")
        }
        let words = html.matches(of: /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/).map {
            (String($0.output.5), Double($0.output.1)!, Double($0.output.2)!, Double($0.output.3)!, Double($0.output.4)!)
        }
        return (Double(pageMatch.output.1)!, Double(pageMatch.output.2)!, words)
    }

    /// Where ink falls on a page rendered by pdftoppm: the box around every pixel darker than mid-grey, in points.
    static func inkBounds(of pdf: URL, page: Int = 1, dpi: Int = 50) throws -> (x: Double, y: Double, maxX: Double, maxY: Double, width: Double, height: Double)? {
        let prefix = pdf.deletingPathExtension().path + "-raster-\(page)"
        try run("pdftoppm", ["-r", "\(dpi)", "-gray", "-f", "\(page)", "-l", "\(page)", "-singlefile", pdf.path, prefix])
        let data = try Data(contentsOf: URL(fileURLWithPath: prefix + ".pgm"))
        var fields: [Int] = []
        var index = data.startIndex
        // Binary PGM: "P5", width, height, maximum value, one whitespace, then one byte per pixel.
        while fields.count < 4 {
            while data[index] == 0x20 || data[index] == 0x0A { index += 1 }
            var field = ""
            while data[index] != 0x20 && data[index] != 0x0A {
                field.append(Character(Unicode.Scalar(data[index])))
                index += 1
            }
            fields.append(fields.isEmpty ? 0 : Int(field)!)
        }
        let width = fields[1], height = fields[2]
        let pixels = Array(data[(index + 1)...])
        var minX = Int.max, minY = Int.max, maxX = -1, maxY = -1
        for y in 0..<height {
            for x in 0..<width where pixels[y * width + x] < 128 {
                minX = min(minX, x); maxX = max(maxX, x)
                minY = min(minY, y); maxY = max(maxY, y)
            }
        }
        guard maxX >= 0 else { return nil }
        let scale = 72 / Double(dpi)
        return (Double(minX) * scale, Double(minY) * scale, Double(maxX + 1) * scale, Double(maxY + 1) * scale,
                Double(width) * scale, Double(height) * scale)
    }

    /// What zbarimg reads from the QR codes on a page rendered at 150 dpi.
    static func qrCodes(of pdf: URL, page: Int = 1) throws -> [String] {
        let prefix = pdf.deletingPathExtension().path + "-qr-\(page)"
        try run("pdftoppm", ["-r", "150", "-png", "-f", "\(page)", "-l", "\(page)", "-singlefile", pdf.path, prefix])
        return try run("zbarimg", ["--quiet", "--raw", prefix + ".png"]).split(separator: "\n").map(String.init)
    }

    static func isInstalled(_ tool: String) -> Bool {
        (try? run("which", [tool])) != nil
    }

    /// Whether any installed font has the character, as fontconfig says.
    static func someFontHas(_ scalar: Unicode.Scalar) -> Bool {
        let listed = (try? run("fc-list", [":charset=\(String(scalar.value, radix: 16))", "family"])) ?? ""
        return !listed.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }
}
