import Foundation

/// Runs poppler's command-line tools on the PDFs the tests render.
enum PDFText {
    struct CommandFailed: Error, CustomStringConvertible {
        let command: String
        let output: String
        var description: String { "\(command) failed: \(output)" }
    }

    /// A new empty folder; kept after the run when `REPORTS_KEEP_FILES` is set, to look at what was rendered.
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ReportsTests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    static func cleanUp(_ folder: URL) {
        if ProcessInfo.processInfo.environment["REPORTS_KEEP_FILES"] == nil {
            try? FileManager.default.removeItem(at: folder)
        } else {
            print("Kept \(folder.path)")
        }
    }

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

    /// The text of a page (or every page), laid out as on the page, one string per non-empty line.
    static func lines(of pdf: URL, page: Int? = nil) throws -> [String] {
        let pages = page.map { ["-f", "\($0)", "-l", "\($0)"] } ?? []
        return try run("pdftotext", ["-layout", "-enc", "UTF-8"] + pages + [pdf.path, "-"])
            .split(whereSeparator: \.isNewline).map(String.init)
            .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty && $0 != "\u{0C}" }
    }

    /// `pdfinfo`'s fields, such as `Title` and `Pages`.
    static func info(of pdf: URL) throws -> [String: String] {
        var fields: [String: String] = [:]
        for line in try run("pdfinfo", [pdf.path]).split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return fields
    }

    /// The horizontal extent of the ink on a page, in points: (leftmost, rightmost) dark pixel.
    static func inkColumns(of pdf: URL, page: Int, dpi: Int = 50) throws -> (left: Double, right: Double)? {
        let prefix = pdf.deletingPathExtension().path + "-page\(page)"
        try run("pdftoppm", ["-r", "\(dpi)", "-gray", "-f", "\(page)", "-l", "\(page)", "-singlefile", pdf.path, prefix])
        let data = try Data(contentsOf: URL(fileURLWithPath: prefix + ".pgm"))
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
        let pixels = Array(data[(index + 1)...])
        var minX = Int.max, maxX = -1
        for y in 0..<height {
            for x in 0..<width where pixels[y * width + x] < 160 {
                minX = min(minX, x)
                maxX = max(maxX, x)
            }
        }
        guard maxX >= 0 else { return nil }
        let scale = 72 / Double(dpi)
        return (Double(minX) * scale, Double(maxX + 1) * scale)
    }
}
