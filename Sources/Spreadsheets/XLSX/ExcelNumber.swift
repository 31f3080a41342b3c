import Foundation

/// Writes a cell's stored number as people expect to see it: `1985`, not `1985.0`.
enum ExcelNumber {
    /// The shortest text for the number in `text`, rounded to Excel's 15 significant digits;
    /// `text` itself if it is not a plain decimal number.
    static func format(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty,
              trimmed.utf8.allSatisfy({ (0x30...0x39).contains($0) || "+-.eE".utf8.contains($0) }),
              let value = Double(trimmed), value.isFinite
        else { return text }
        if let integer = exactInteger(value) { return integer }
        let rounded = Double(String(format: "%.15g", value)) ?? value
        return exactInteger(rounded) ?? "\(rounded)"
    }

    private static func exactInteger(_ value: Double) -> String? {
        guard value.rounded() == value, abs(value) < 1e15 else { return nil }
        return String(Int64(value))
    }
}
