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
    /// Worksheet cells holding a formula saved without its value (written by a program that does not calculate):
    /// they read as empty, but are not.
    public var formulasWithoutValue: [CellPosition] = []

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
    /// Ranges are clipped to the rows present and to ``columnCount``; after ten million
    /// copied cells (only reachable with overlapping ranges, which spreadsheet programs
    /// don't write) the remaining ranges are left as they are.
    public func fillingMergedCells() -> Sheet {
        guard !mergedCells.isEmpty else { return self }
        var copy = self
        let width = columnCount
        var budget = 10_000_000
        for range in mergedCells {
            // Rows are in line order: find the range's top row by bisection.
            var top = 0, bound = rows.count
            while top < bound {
                let middle = (top + bound) / 2
                if rows[middle].line < range.first.line { top = middle + 1 } else { bound = middle }
            }
            guard top < rows.count, rows[top].line == range.first.line else { continue }
            let value = rows[top][column: range.first.column]
            let lastColumn = min(range.last.column, width)
            guard !value.isEmpty, range.first.column <= lastColumn else { continue }
            var index = top
            while index < copy.rows.count && copy.rows[index].line <= range.last.line {
                budget -= lastColumn - range.first.column + 1
                guard budget >= 0 else { return copy }
                if copy.rows[index].cells.count < lastColumn {
                    copy.rows[index].cells.append(
                        contentsOf: repeatElement("", count: lastColumn - copy.rows[index].cells.count))
                }
                for column in range.first.column...lastColumn {
                    copy.rows[index].cells[column - 1] = value
                }
                index += 1
            }
        }
        return copy
    }
}
