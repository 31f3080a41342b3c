/// A table read from a CSV file or an XLSX worksheet: rows of strings, and where they came from.
///
/// For example:
///
/// ```swift
/// let sheet = try Spreadsheet.read(contentsOf: URL(filePath: "participants.csv"))
/// for row in sheet.rows where !row.isBlank {
///     print(row.line, row.cells)
/// }
/// ```
///
/// Rows keep their position in the file (``SheetRow/line``) so that later steps
/// can say “line 12, column 3” or “row 7, column C”. Trailing blank rows are dropped.
public struct Sheet: Sendable, Hashable {
    /// The rows in file order.
    public var rows: [SheetRow]
    /// The format, and the encoding and separator or worksheet, the rows were read from.
    public var source: SourceKind
    /// The merged ranges of a worksheet; empty for CSV.
    ///
    /// As in Excel's own exports, only the top-left cell of a merged range holds
    /// the value and the others are blank. ``fillingMergedCells()`` copies it.
    public var mergedCells: [CellRange]
    /// The name of the file the sheet was read from, if known, for error messages.
    public var fileName: String?

    /// Creates a sheet.
    public init(rows: [SheetRow], source: SourceKind, mergedCells: [CellRange] = [], fileName: String? = nil) {
        self.rows = rows
        self.source = source
        self.mergedCells = mergedCells
        self.fileName = fileName
    }

    /// The number of cells in the longest row.
    public var columnCount: Int {
        rows.reduce(0) { max($0, $1.cells.count) }
    }

    /// A copy in which every cell of a merged range holds the value of its top-left cell.
    ///
    /// Useful when a column such as “Region” was merged down over several participants.
    public func fillingMergedCells() -> Sheet {
        guard !mergedCells.isEmpty else { return self }
        var copy = self
        var indexOfLine: [Int: Int] = [:]
        for (index, row) in rows.enumerated() {
            indexOfLine[row.line] = index
        }
        for range in mergedCells {
            guard let topIndex = indexOfLine[range.first.line] else { continue }
            let value = rows[topIndex][column: range.first.column]
            guard !value.isEmpty else { continue }
            for line in range.first.line...range.last.line {
                guard let index = indexOfLine[line] else { continue }
                for column in range.first.column...range.last.column {
                    if copy.rows[index].cells.count < column {
                        copy.rows[index].cells.append(
                            contentsOf: repeatElement("", count: column - copy.rows[index].cells.count))
                    }
                    copy.rows[index].cells[column - 1] = value
                }
            }
        }
        return copy
    }
}
