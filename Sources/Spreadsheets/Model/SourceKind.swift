/// What a sheet was read from, and how.
public enum SourceKind: Sendable, Hashable, CustomStringConvertible {
    /// A CSV file, with the encoding and separator it was read with (detected or forced).
    case csv(encoding: TextEncoding, separator: CSVSeparator)
    /// A worksheet of an `.xlsx` workbook.
    case xlsx(sheetName: String)

    /// Reads as “CSV, UTF-8, semicolon (;)” or “XLSX, sheet “Участники””.
    public var description: String {
        switch self {
        case let .csv(encoding, separator): "CSV, \(encoding), \(separator)"
        case let .xlsx(sheetName): "XLSX, sheet “\(sheetName)”"
        }
    }
}
