import Foundation

/// The rows of an export, ready to be written as CSV or JSON.
///
/// For example:
/// ```swift
/// let table = try database.export(.participants, filter: ExportFilter(region: "Xorazm"))
/// try table.csv().write(to: URL(fileURLWithPath: "xorazm.csv"))
/// ```
public struct ExportTable: Sendable {
    public var kind: ExportKind
    public var columns: [ExportColumn]
    public var rows: [[ExportValue]]
    public var filter: ExportFilter
    /// The region the filter named, as a code.
    public var regionCode: String?
    /// Whether names and phones were replaced with codes.
    public var isPseudonymized: Bool

    /// Whether the table holds people's names or phone numbers as they are.
    public var carriesNames: Bool {
        !isPseudonymized && !rows.isEmpty && columns.contains { [.personName, .otherName, .phone].contains($0.content) }
    }

    /// The number of different people in the table.
    public var peopleCount: Int {
        guard let column = columns.firstIndex(where: { $0.content == .participantNumber }) else { return 0 }
        return Set(rows.map { $0[column] }).count
    }

    /// A sentence saying what personal data the table holds, for the person about to share it.
    public var notice: String {
        if isPseudonymized {
            let emptied = columns.filter { [.otherName, .staffName, .freeText].contains($0.content) }.map(\.header)
            let remaining = columns.filter { $0.content == .plain }.map(\.header)
            var sentence = "Names and phone numbers are replaced with codes that are the same in every export of this database"
            if !emptied.isEmpty { sentence += "; these fields are left empty: \(emptied.joined(separator: ", "))" }
            sentence += ". These fields remain as they are: \(remaining.joined(separator: ", ")); share it with care."
            return sentence
        }
        if carriesNames {
            return "This export holds the names and phone numbers of \(peopleCount) \(peopleCount == 1 ? "person" : "people"). Keep it within the programme;"
        }
        return "This export holds no names."
    }

    /// What the person sharing the table can do about the personal data in it, after the ``notice``.
    public var noticeRemedy: MalakaError.Remedy? {
        carriesNames && !isPseudonymized ? .pseudonymize : nil
    }

    /// The table as CSV: UTF-8 with a byte-order mark so that Excel reads the letters right, CRLF line ends,
    /// and every cell that a spreadsheet would take for a formula neutralised with a leading `'`.
    public func csv(separator: Character = ",") -> Data {
        var text = "\u{FEFF}"
        text += columns.map { Self.csvField($0.header, separator: separator) }.joined(separator: String(separator)) + "\r\n"
        for row in rows {
            text += row.map { Self.csvField($0.csvText, separator: separator) }.joined(separator: String(separator)) + "\r\n"
        }
        return Data(text.utf8)
    }

    /// A cell as CSV: neutralised against formula injection, then quoted if it must be.
    ///
    /// A cell starting with `=`, `+`, `-` or `@`, or with a tab or carriage return, is
    /// run as a formula by Excel and LibreOffice (`=HYPERLINK(…)`, `@SUM(…)`, `+998…`
    /// shown as a number); a leading `'` makes it text. The importer drops that `'`.
    static func csvField(_ value: String, separator: Character) -> String {
        var cell = value
        if let first = cell.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
            cell = "'" + cell
        }
        if cell.contains(separator) || cell.contains("\"") || cell.contains("\n") || cell.contains("\r") {
            cell = "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return cell
    }

    /// The table as JSON: a notice about the personal data it holds, what was exported and how, then the rows.
    public func json(generatedAt: Date = Date()) -> Data {
        var out = "{\n"
        out += "  \"notice\": \(Self.jsonString(notice)),\n"
        out += "  \"export\": \(Self.jsonString(kind.rawValue)),\n"
        let formatter = ISO8601DateFormatter()
        out += "  \"generatedAt\": \(Self.jsonString(formatter.string(from: generatedAt))),\n"
        out += "  \"pseudonymized\": \(isPseudonymized),\n"
        var filters: [String] = []
        if let event = filter.eventID { filters.append("\"event\": \(event)") }
        if let regionCode { filters.append("\"region\": \(Self.jsonString(regionCode))") }
        if let from = filter.from { filters.append("\"from\": \(Self.jsonString(from.iso))") }
        if let to = filter.to { filters.append("\"to\": \(Self.jsonString(to.iso))") }
        out += "  \"filters\": {" + filters.joined(separator: ", ") + "},\n"
        out += "  \"count\": \(rows.count),\n"
        out += "  \"rows\": ["
        for (index, row) in rows.enumerated() {
            out += index == 0 ? "\n" : ",\n"
            let fields = zip(columns, row).map { column, value in "\(Self.jsonString(column.key)): \(Self.jsonValue(value))" }
            out += "    {" + fields.joined(separator: ", ") + "}"
        }
        out += rows.isEmpty ? "]\n}\n" : "\n  ]\n}\n"
        return Data(out.utf8)
    }

    static func jsonValue(_ value: ExportValue) -> String {
        switch value {
        case .text(let text): jsonString(text)
        case .integer(let number): String(number)
        case .number(let number): number.isFinite ? "\(number)" : "null"
        case .bool(let flag): flag ? "true" : "false"
        case .null: "null"
        }
    }

    static func jsonString(_ text: String) -> String {
        CanonicalJSON.string(text)
    }
}
