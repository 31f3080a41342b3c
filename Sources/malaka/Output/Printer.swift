import Foundation
import MalakaSupport

/// Prints tables for people and JSON for scripts.
enum Printer {
    static func json(_ value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let data = try encoder.encode(value)
        FileHandle.standardOutput.write(data)
        FileHandle.standardOutput.write(Data("\n".utf8))
    }

    /// A plain-text table: a header, a rule, and left-aligned columns.
    static func table(_ header: [String], _ rows: [[String]]) {
        print(tableText(header, rows), terminator: "")
    }

    static func tableText(_ header: [String], _ rows: [[String]]) -> String {
        PlainTextTable(header: header, rows: rows).text
    }

    /// `Label: value` lines, aligned, skipping empty values.
    static func fields(_ pairs: [(String, String?)]) {
        let present = pairs.compactMap { label, value in value.map { (label, $0) } }.filter { !$0.1.isEmpty }
        let width = present.map(\.0.count).max() ?? 0
        for (label, value) in present {
            print(label + ":" + String(repeating: " ", count: width - label.count + 1) + value)
        }
    }

    static func hours(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }

    /// `2019-03-25 09:30 UTC`.
    static func timestamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        return formatter.string(from: date)
    }

    static func percent(_ share: Double) -> String {
        String(format: "%.0f%%", share * 100)
    }
}
