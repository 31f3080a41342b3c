/// A plain-text table for the terminal: a header, a rule of dashes, and columns two spaces apart.
///
/// For example:
/// ```swift
/// let table = PlainTextTable(header: ["ID", "Name"], rows: [["1", "Gʻulomjon Oʻrinboyev"]])
/// print(table.text, terminator: "")
/// // ID  Name
/// // --  --------------------
/// // 1   Gʻulomjon Oʻrinboyev
/// ```
///
/// A left-aligned last column is not padded, so that no line ends in spaces.
public struct PlainTextTable: Sendable {
    public enum Alignment: Sendable {
        case left, right
    }

    /// The width of each column in characters.
    public private(set) var widths: [Int]
    public let alignments: [Alignment]
    public let header: [String]
    public private(set) var rows: [[String]] = []

    /// A table whose widths grow with the rows added; columns are left-aligned unless `alignments` says otherwise.
    public init(header: [String], rows: [[String]] = [], alignments: [Alignment] = []) {
        self.header = header
        self.alignments = header.indices.map { $0 < alignments.count ? alignments[$0] : .left }
        widths = header.map(\.count)
        for row in rows { append(row) }
    }

    /// Adds a row and widens the columns it needs.
    public mutating func append(_ row: [String]) {
        widen(row)
        rows.append(row)
    }

    /// Widens the columns for cells that will be written with ``line(_:)``, without keeping them.
    public mutating func widen(_ cells: [String]) {
        for (index, cell) in cells.enumerated() where index < widths.count {
            widths[index] = max(widths[index], cell.count)
        }
    }

    /// One row laid out on the columns, with its line break.
    public func line(_ cells: [String]) -> String {
        cells.enumerated().map { index, cell in
            let width = index < widths.count ? widths[index] : cell.count
            let padding = String(repeating: " ", count: max(0, width - cell.count))
            switch index < alignments.count ? alignments[index] : .left {
            case .right: return padding + cell
            case .left: return index == cells.count - 1 ? cell : cell + padding
            }
        }.joined(separator: "  ") + "\n"
    }

    /// The dashes under the header, one run per column.
    public var rule: String {
        line(widths.map { String(repeating: "-", count: $0) })
    }

    /// The header, the rule and every row.
    public var text: String {
        line(header) + rule + rows.map(line).joined()
    }
}
