import Foundation

/// The eight mask patterns of a QR symbol of one width, as row and column bits, and where its
/// format information goes: worked out once per width and shared by every thread.
final class QRMaskPatterns: Sendable {
    /// `rows[mask][y]` has bit `x` set where the mask flips the module in column `x`, row `y`.
    let rows: [[UInt128]]
    /// `columns[mask][x]` has bit `y` set where the mask flips the module in column `x`, row `y`.
    let columns: [[UInt128]]
    /// Each of the 15 format bits is written twice: (column, row) of its first and second copy, lowest bit first.
    let formatPositions: (first: [(Int, Int)], second: [(Int, Int)])

    private init(width: Int) {
        var rows = [[UInt128]](repeating: [UInt128](repeating: 0, count: width), count: 8)
        var columns = rows
        for mask in 0..<8 {
            for y in 0..<width {
                for x in 0..<width where Self.isMasked(mask, column: x, row: y) {
                    rows[mask][y] |= 1 << x
                    columns[mask][x] |= 1 << y
                }
            }
        }
        self.rows = rows
        self.columns = columns
        // As libqrencode writes them: bits 0–7 along row 8 from the right edge and down column 8 from
        // the top (skipping the timing row); bits 8–14 up column 8 from the bottom and along row 8 leftwards.
        var first: [(Int, Int)] = []
        var second: [(Int, Int)] = []
        for bit in 0..<8 {
            first.append((width - 1 - bit, 8))
            second.append((8, bit < 6 ? bit : bit + 1))
        }
        for bit in 0..<7 {
            first.append((8, width - 7 + bit))
            second.append((bit == 0 ? 7 : 6 - bit, 8))
        }
        formatPositions = (first, second)
    }

    /// Whether mask `mask` flips the data module in `column` and `row`.
    static func isMasked(_ mask: Int, column x: Int, row y: Int) -> Bool {
        switch mask {
        case 0: (x + y) % 2 == 0
        case 1: y % 2 == 0
        case 2: x % 3 == 0
        case 3: (x + y) % 3 == 0
        case 4: (y / 2 + x / 3) % 2 == 0
        case 5: (x * y) % 2 + (x * y) % 3 == 0
        case 6: ((x * y) % 2 + (x * y) % 3) % 2 == 0
        default: ((x * y) % 3 + (x + y) % 2) % 2 == 0
        }
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var byWidth: [Int: QRMaskPatterns] = [:]

    static func forWidth(_ width: Int) -> QRMaskPatterns {
        lock.withLock {
            if let patterns = byWidth[width] { return patterns }
            let patterns = QRMaskPatterns(width: width)
            byWidth[width] = patterns
            return patterns
        }
    }
}
