/// Why one row (or one cell) of an imported file was rejected, and where it is.
///
/// Its ``description`` reads as `line 9, column 3 (Jinsi): “x” is not a sex we recognise. …`
/// for a CSV file and `row 9, column C (Jinsi): …` for a worksheet, as the spreadsheet program shows it.
public struct ImportProblem: Sendable, Hashable, CustomStringConvertible {
    /// The 1-based line (CSV) or row number (XLSX) of the row.
    public var line: Int
    /// The 1-based column of the cell at fault, when one cell is at fault.
    public var column: Int?
    /// The column's header, as written in the file.
    public var header: String?
    /// The sentence saying what is wrong, and what to write instead when that needs no front end's words.
    public var reason: String
    /// What to do about it, for the front end to word after the reason.
    public var remedy: MalakaError.Remedy?
    /// Whether the file is a worksheet, whose columns are named by letters.
    public var isWorksheet: Bool
    /// Which problem it is, when it has a code: a front end may word such a problem itself.
    public var code: MalakaError.Code
    /// The cell's text (or the name a row gives) the problem is about, for a front end that words it itself.
    public var value: String?

    public init(line: Int, column: Int? = nil, header: String? = nil, reason: String, remedy: MalakaError.Remedy? = nil,
                isWorksheet: Bool = false, code: MalakaError.Code = .unspecified, value: String? = nil) {
        self.code = code
        self.value = value
        self.remedy = remedy
        self.line = line
        self.column = column
        self.header = header
        self.reason = reason
        self.isWorksheet = isWorksheet
    }

    /// `line 9, column 3` or `row 9, column C`.
    public var place: String {
        var text = isWorksheet ? "row \(line)" : "line \(line)"
        if let column {
            text += ", column " + (isWorksheet ? ImportColumn.letter(column) : String(column))
        }
        return text
    }

    /// Where and what, without the remedy; front ends add it in their words.
    public var description: String {
        let header = header.map { $0.trimmingSpaces() }.flatMap { $0.isEmpty ? nil : $0 }
        return place + (header.map { " (\($0))" } ?? "") + ": " + reason
    }
}
