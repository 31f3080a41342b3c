import Foundation
import Hummingbird

/// The fields of a submitted form (`application/x-www-form-urlencoded`), or of a query string.
struct FormData: Sendable {
    private var values: [String: [String]] = [:]

    init(encoded text: Substring) {
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]) else { continue }
            values[name, default: []].append(parts.count > 1 ? Self.decode(parts[1]) ?? "" : "")
        }
    }

    /// Reads a form body of at most 64 KB, keeping it in the request so that it can be read again.
    static func read(_ request: inout Request) async throws -> FormData {
        let buffer = try await request.collectBody(upTo: 64 * 1024)
        return FormData(encoded: Substring(String(buffer: buffer)))
    }

    static func query(_ request: Request) -> FormData {
        FormData(encoded: Substring(request.uri.query ?? ""))
    }

    /// The field's value with spaces trimmed, nil when absent or empty.
    subscript(_ name: String) -> String? {
        guard let value = values[name]?.first?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }

    /// Every field whose name starts with `prefix`, with its (first, trimmed) value, in no particular order.
    func fields(prefixed prefix: String) -> [(name: String, value: String)] {
        values.keys.filter { $0.hasPrefix(prefix) }.compactMap { name in self[name].map { (name, $0) } }
    }

    private static func decode(_ text: Substring) -> String? {
        // Most fields (numbers, statuses, tokens) have nothing encoded: Foundation's decoding costs more than the rest of a tap.
        if !text.utf8.contains(where: { $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "+") }) { return String(text) }
        return text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
