import Foundation

/// The `--json` output of `certificates issue` and `reissue`.
struct IssuedJSON: Decodable, Equatable {
    var serial: String
    var participant: Int64
    var name: String
    var language: String
    var new: Bool
    var printsDifferently: Bool
    var file: String?
    var contentSHA256: String
    var pdfSHA256: String?
}

/// The `--json` output of `certificates list` and `show`.
struct CertificateJSON: Decodable, Equatable {
    var serial: String
    var status: String
    var event: Int64
    var participant: Int64
    var name: String
    var language: String
    var template: String
    var issueDate: String
    var replaces: String?
    var replacedBy: String?
    var revokedReason: String?
    var contentSHA256: String?
    var pdfSHA256: String?
    var verificationURL: String?
    var course: String?
    var token: String?
    var checkCode: String?
}

/// poppler and zbar on the PDFs the commands write.
enum PDFCheck {
    @discardableResult
    static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ToolFailed(command: ([tool] + arguments).joined(separator: " "))
        }
        return String(decoding: data, as: UTF8.self)
    }

    struct ToolFailed: Error, CustomStringConvertible {
        let command: String
        var description: String { "\(command) failed" }
    }

    static func pageCount(of pdf: String) throws -> Int? {
        let info = try run("pdfinfo", [pdf])
        return info.split(separator: "\n").first { $0.hasPrefix("Pages:") }
            .flatMap { Int($0.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)) }
    }

    static func text(of pdf: String, page: Int? = nil) throws -> [String] {
        let pages = page.map { ["-f", "\($0)", "-l", "\($0)"] } ?? []
        return try run("pdftotext", pages + ["-enc", "UTF-8", pdf, "-"]).split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    static func qrCodes(of pdf: String, page: Int = 1) throws -> [String] {
        let prefix = pdf + "-qr"
        try run("pdftoppm", ["-r", "150", "-png", "-f", "\(page)", "-l", "\(page)", "-singlefile", pdf, prefix])
        defer { try? FileManager.default.removeItem(atPath: prefix + ".png") }
        return try run("zbarimg", ["--quiet", "--raw", prefix + ".png"]).split(separator: "\n").map(String.init)
    }

    static var zbarIsInstalled: Bool { (try? run("which", ["zbarimg"])) != nil }
}
