/// Where a cell is: the 1-based line (CSV) or row number (XLSX) and the 1-based column.
///
/// For example, `CellPosition(line: 7, column: 3)` is the third cell of the row
/// that starts on line 7 of a CSV file, or cell `C7` of a worksheet:
///
/// ```swift
/// let position = CellPosition(line: 7, column: 3)
/// position.columnLetter  // "C"
/// position.a1Reference   // "C7"
/// ```
public struct CellPosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The 1-based physical line where the row starts (CSV), or the spreadsheet row number (XLSX).
    public var line: Int
    /// The 1-based column index: 1 is the first cell of a row, column `A`.
    public var column: Int

    /// Creates a position from a 1-based line and a 1-based column.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// Parses a cell reference such as `C7` or `$AA$12`; `nil` if it isn't one.
    public init?(a1Reference: some StringProtocol) {
        guard let parsed = CellReference.parse(Array(a1Reference.utf8)),
              let row = parsed.row
        else { return nil }
        self.init(line: row, column: parsed.column)
    }

    /// The spreadsheet letters of the column: `A` for 1, `Z` for 26, `AA` for 27.
    public var columnLetter: String {
        Self.columnLetter(for: column)
    }

    /// The reference a spreadsheet program shows for this cell, such as `C7`.
    public var a1Reference: String {
        "\(columnLetter)\(line)"
    }

    /// Reads as “line 7, column 3”.
    public var description: String {
        "line \(line), column \(column)"
    }

    /// The spreadsheet letters of a 1-based column index: 1 → `A`, 28 → `AB`, 16384 → `XFD`.
    ///
    /// Returns an empty string for an index below 1.
    public static func columnLetter(for column: Int) -> String {
        guard column >= 1 else { return "" }
        var letters: [UInt8] = []
        var remaining = column
        while remaining > 0 {
            remaining -= 1
            letters.append(UInt8(ascii: "A") + UInt8(remaining % 26))
            remaining /= 26
        }
        return String(decoding: letters.reversed(), as: UTF8.self)
    }

    /// Orders positions by line, then column.
    public static func < (lhs: CellPosition, rhs: CellPosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}
