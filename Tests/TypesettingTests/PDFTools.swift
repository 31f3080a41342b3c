import Foundation
@testable import Typesetting

/// Runs poppler's command-line tools on PDFs that tests render, and keeps those PDFs in a temporary folder.
enum PDFTools {
    struct CommandFailed: Error, CustomStringConvertible {
        let command: String
        let output: String
        var description: String { "\(command) failed: \(output)" }
    }

    /// A new empty folder for one test's files.
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("TypesettingTests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Runs `tool` (found on PATH) and returns its standard output; throws when it exits non-zero.
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

    static func isInstalled(_ tool: String) -> Bool {
        (try? run("which", [tool])) != nil
    }

    /// The text of `page` (or every page) as pdftotext extracts it, one string per non-empty line, trimmed.
    static func textLines(of pdf: URL, page: Int? = nil) throws -> [String] {
        let pages = page.map { ["-f", "\($0)", "-l", "\($0)"] } ?? []
        return try run("pdftotext", pages + ["-enc", "UTF-8", pdf.path, "-"])
            .split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && $0 != "\u{0C}" }
    }

    /// One row of `pdffonts`: a font's name and whether it is embedded.
    struct FontRow {
        let name: String
        let embedded: Bool
    }

    static func fonts(of pdf: URL) throws -> [FontRow] {
        // name type encoding emb sub uni object ID; the name has no spaces, the type may.
        try run("pdffonts", [pdf.path]).split(separator: "\n").dropFirst(2).map { line in
            let columns = line.split(separator: " ", omittingEmptySubsequences: true)
            return FontRow(name: String(columns[0]), embedded: columns[columns.count - 5] == "yes")
        }
    }

    /// `pdfinfo`'s fields, such as `Title` and `Pages`.
    static func info(of pdf: URL) throws -> [String: String] {
        var fields: [String: String] = [:]
        for line in try run("pdfinfo", ["-isodates", pdf.path]).split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return fields
    }

    /// A page rendered in grey by pdftoppm, to look at where ink fell.
    struct Raster {
        let width: Int
        let height: Int
        let pixels: [UInt8]
        let dpi: Double

        /// The rectangle, in points, around every pixel darker than mid-grey; nil for a blank page.
        var inkBounds: Rect? {
            var minX = Int.max, minY = Int.max, maxX = -1, maxY = -1
            for y in 0..<height {
                for x in 0..<width where pixels[y * width + x] < 128 {
                    minX = min(minX, x); maxX = max(maxX, x)
                    minY = min(minY, y); maxY = max(maxY, y)
                }
            }
            guard maxX >= 0 else { return nil }
            let scale = 72 / dpi
            return Rect(x: Double(minX) * scale, y: Double(minY) * scale,
                        width: Double(maxX - minX + 1) * scale, height: Double(maxY - minY + 1) * scale)
        }

        /// How many pixels are darker than mid-grey.
        var inkPixels: Int { pixels.filter { $0 < 128 }.count }
    }

    static func raster(of pdf: URL, page: Int = 1, dpi: Int = 50) throws -> Raster {
        let prefix = pdf.deletingPathExtension().path + "-raster"
        try run("pdftoppm", ["-r", "\(dpi)", "-gray", "-f", "\(page)", "-l", "\(page)", "-singlefile", pdf.path, prefix])
        let data = try Data(contentsOf: URL(fileURLWithPath: prefix + ".pgm"))
        // Binary PGM: "P5", width, height, maximum value, one whitespace, then a byte per pixel.
        var fields: [String] = []
        var index = data.startIndex
        while fields.count < 4 {
            while data[index] == 0x20 || data[index] == 0x0A { index += 1 }
            var field = ""
            while data[index] != 0x20 && data[index] != 0x0A {
                field.append(Character(Unicode.Scalar(data[index])))
                index += 1
            }
            fields.append(field)
        }
        let width = Int(fields[1])!, height = Int(fields[2])!
        return Raster(width: width, height: height, pixels: Array(data[(index + 1)...]), dpi: Double(dpi))
    }
}
