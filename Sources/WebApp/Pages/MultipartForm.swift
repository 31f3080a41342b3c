import Foundation
import Hummingbird

/// The fields and files of a form sent as `multipart/form-data`, the way a browser sends a file upload.
///
/// Only what the upload forms need: each part's name, its file name when it is a file, and its bytes.
/// A body that is not multipart, or has no boundary, reads as no fields, so the form is refused as
/// missing its file (and its token) rather than half read.
struct MultipartForm: Sendable {
    struct Part: Sendable {
        var name: String
        var fileName: String?
        var data: Data
    }

    private(set) var parts: [Part] = []

    /// The largest upload read: a participant list of a few thousand rows is well under a megabyte.
    static let sizeLimit = 8 * 1024 * 1024

    /// Whether a request's body is multipart, so that its fields are read by this type.
    static func isMultipart(_ request: Request) -> Bool {
        request.headers[.contentType]?.lowercased().hasPrefix("multipart/form-data") == true
    }

    /// Reads the body (at most ``sizeLimit``), keeping it in the request so that it can be read again.
    static func read(_ request: inout Request) async throws -> MultipartForm {
        let buffer = try await request.collectBody(upTo: sizeLimit)
        guard let boundary = boundary(of: request.headers[.contentType] ?? "") else { return MultipartForm() }
        return MultipartForm(body: Data(buffer: buffer), boundary: boundary)
    }

    init() {}

    init(body: Data, boundary: String) {
        let delimiter = Data("--\(boundary)".utf8)
        let separator = Data("\r\n\r\n".utf8)
        var sections: [Data] = []
        var start = body.range(of: delimiter)?.upperBound
        while let from = start, let next = body.range(of: Data("\r\n".utf8) + delimiter, in: from..<body.endIndex) {
            sections.append(body[from..<next.lowerBound])
            start = next.upperBound
        }
        for section in sections {
            // Each part starts with CRLF after its delimiter, then headers, a blank line, and the content.
            guard let headerEnd = section.range(of: separator) else { continue }
            let headers = String(decoding: section[section.startIndex..<headerEnd.lowerBound], as: UTF8.self)
            let disposition = headers.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-disposition:") } ?? ""
            guard let name = Self.parameter("name", in: disposition) else { continue }
            parts.append(Part(name: name, fileName: Self.parameter("filename", in: disposition),
                              data: Data(section[headerEnd.upperBound...])))
        }
    }

    /// A text field, trimmed; nil when absent or empty.
    subscript(_ name: String) -> String? {
        guard let part = parts.first(where: { $0.name == name && $0.fileName == nil }) else { return nil }
        let value = String(decoding: part.data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return value.isEmpty ? nil : value
    }

    /// A file field with a name and some content; nil when none was chosen.
    func file(_ name: String) -> Part? {
        parts.first { $0.name == name && !($0.fileName ?? "").isEmpty && !$0.data.isEmpty }
    }

    static func boundary(of contentType: String) -> String? {
        parameter("boundary", in: Substring(contentType))
    }

    /// `value` of `name="value"` or `name=value` among the `;`-separated parameters of a header.
    private static func parameter(_ name: String, in header: Substring) -> String? {
        for piece in header.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == name else { continue }
            var value = pair[1].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            return value
        }
        return nil
    }
}
