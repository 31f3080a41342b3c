/// A rectangle of cells, such as the merged range `A1:C2`.
public struct CellRange: Sendable, Hashable, CustomStringConvertible {
    /// The top-left cell; in a merged range, the one that holds the value.
    public var first: CellPosition
    /// The bottom-right cell.
    public var last: CellPosition

    /// Creates a range from two corners, in any order.
    public init(from one: CellPosition, to other: CellPosition) {
        first = CellPosition(line: min(one.line, other.line), column: min(one.column, other.column))
        last = CellPosition(line: max(one.line, other.line), column: max(one.column, other.column))
    }

    /// Parses a range such as `A1:C2`, or a single cell such as `B4`; `nil` if it is neither.
    public init?(a1Range: some StringProtocol) {
        let parts = a1Range.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2,
              let start = CellPosition(a1Reference: parts[0]),
              let end = CellPosition(a1Reference: parts[parts.count - 1])
        else { return nil }
        self.init(from: start, to: end)
    }

    /// Whether the range covers `position`.
    public func contains(_ position: CellPosition) -> Bool {
        (first.line...last.line).contains(position.line)
            && (first.column...last.column).contains(position.column)
    }

    /// Reads as `A1:C2`.
    public var description: String {
        "\(first.a1Reference):\(last.a1Reference)"
    }
}
