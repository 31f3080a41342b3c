/// One row of a sheet: where it starts and its cells as strings.
///
/// `cells[0]` is column 1 (`A`). Rows can have different lengths: a CSV line
/// with fewer separators, or a worksheet row whose last cells are empty, is
/// shorter; ``subscript(column:)`` reads past the end as an empty string.
public struct SheetRow: Sendable, Hashable {
    /// The 1-based physical line where the row starts (CSV), or the spreadsheet row number (XLSX).
    ///
    /// In a CSV file a quoted field can span lines, so the line of the next row
    /// can be more than one higher.
    public var line: Int
    /// The cell values, first column first, exactly as in the file (not trimmed).
    public var cells: [String]
    /// Whether the worksheet hides the row: what the person who made the file does not see, an import leaves out.
    public var isHidden = false

    /// Creates a row that starts at `line`.
    public init(line: Int, cells: [String]) {
        self.line = line
        self.cells = cells
    }

    /// Whether every cell is empty or only whitespace.
    public var isBlank: Bool {
        cells.allSatisfy { cell in cell.isEmpty || cell.allSatisfy(\.isWhitespace) }
    }

    /// The value in a 1-based column, or an empty string past the end of the row.
    public subscript(column column: Int) -> String {
        cells.indices.contains(column - 1) ? cells[column - 1] : ""
    }

    /// The position of the cell in a 1-based column of this row, for error messages.
    public func position(ofColumn column: Int) -> CellPosition {
        CellPosition(line: line, column: column)
    }
}
