import Foundation

/// Chooses a QR code's mask as ISO/IEC 18004 asks — the pattern whose symbol scores the fewest
/// penalty points — with each row and column of modules as the bits of one integer.
///
/// libqrencode makes the same choice module by module, which costs about ten times the rest of
/// encoding a 239-character token (0.45 ms against 0.05 ms). Scoring bits a row at a time, eight
/// masks cost a few microseconds; libqrencode then encodes once with the mask chosen.
///
/// The points, per ISO/IEC 18004 §7.8.3: 3 + (n − 5) for each run of n ≥ 5 modules of one colour in
/// a row or column; 3 for each 2 × 2 block of one colour; 40 for each 1:1:3:1:1 finder-like pattern
/// with 4 light modules before or after it (and scaled up, as libqrencode also counts them); 10 for each 5 % that dark modules stray from half.
enum QRMaskChoice {
    /// The widest symbol scored here (version 16): a row and the light modules beyond it that a scaled
    /// finder-like pattern looks at fit in 128 bits.
    static let maximumWidth = 81

    /// The best mask for the symbol libqrencode encoded with mask 0, given as its module bytes: the first of the fewest points.
    static func best(maskZeroModules modules: UnsafeBufferPointer<UInt8>, width: Int, errorCorrection: QRErrorCorrection) -> Int {
        let points = penalties(maskZeroModules: modules, width: width, errorCorrection: errorCorrection)
        return points.indices.min { points[$0] < points[$1] }!
    }

    /// The penalty points of the symbol with each of the eight masks, from the symbol libqrencode encoded with mask 0.
    static func penalties(maskZeroModules modules: UnsafeBufferPointer<UInt8>, width: Int, errorCorrection: QRErrorCorrection) -> [Int] {
        precondition(width <= maximumWidth && modules.count == width * width)
        let patterns = QRMaskPatterns.forWidth(width)
        // The symbol without its mask: function modules as they are, data modules unmasked.
        var rows = [UInt128](repeating: 0, count: width)
        var columns = [UInt128](repeating: 0, count: width)
        var dataRows = [UInt128](repeating: 0, count: width)
        var dataColumns = [UInt128](repeating: 0, count: width)
        for y in 0..<width {
            for x in 0..<width {
                let byte = modules[y * width + x]
                var dark = byte & 1 != 0
                if byte & 0x80 == 0 {
                    dataRows[y] |= 1 << x
                    dataColumns[x] |= 1 << y
                    dark = dark != QRMaskPatterns.isMasked(0, column: x, row: y)
                }
                if dark {
                    rows[y] |= 1 << x
                    columns[x] |= 1 << y
                }
            }
        }
        let format = patterns.formatPositions
        for (x, y) in format.first + format.second {
            rows[y] &= ~(1 << x)
            columns[x] &= ~(1 << y)
        }
        return (0..<8).map { mask in
            var maskedRows = rows
            var maskedColumns = columns
            for y in 0..<width { maskedRows[y] ^= dataRows[y] & patterns.rows[mask][y] }
            for x in 0..<width { maskedColumns[x] ^= dataColumns[x] & patterns.columns[mask][x] }
            let bits = formatBits(errorCorrection, mask: mask)
            for bit in 0..<15 where bits >> bit & 1 != 0 {
                for (x, y) in [format.first[bit], format.second[bit]] {
                    maskedRows[y] |= 1 << x
                    maskedColumns[x] |= 1 << y
                }
            }
            return penalty(rows: maskedRows, columns: maskedColumns, width: width)
        }
    }

    /// A symbol's rows and columns as bits, from module bytes whose bit 0 says dark.
    static func lines(of modules: UnsafeBufferPointer<UInt8>, width: Int) -> (rows: [UInt128], columns: [UInt128]) {
        var rows = [UInt128](repeating: 0, count: width)
        var columns = [UInt128](repeating: 0, count: width)
        for y in 0..<width {
            for x in 0..<width where modules[y * width + x] & 1 != 0 {
                rows[y] |= 1 << x
                columns[x] |= 1 << y
            }
        }
        return (rows, columns)
    }

    /// The penalty points of a masked symbol.
    static func penalty(rows: [UInt128], columns: [UInt128], width: Int) -> Int {
        let inside: UInt128 = (1 << width) - 1
        var points = 0
        var dark = 0
        for y in 0..<width {
            let row = rows[y]
            dark += row.nonzeroBitCount
            points += linePenalty(row, inside: inside)
            if y > 0 {
                let bothDark = rows[y - 1] & row
                let bothLight = ~rows[y - 1] & ~row & inside
                points += 3 * ((bothDark & bothDark >> 1).nonzeroBitCount + (bothLight & bothLight >> 1 & inside >> 1).nonzeroBitCount)
            }
        }
        for column in columns { points += linePenalty(column, inside: inside) }
        let modules = width * width
        let percent = (200 * dark + modules) / modules / 2
        return points + abs(percent - 50) / 5 * 10
    }

    /// Runs of five or more and finder-like patterns in one row or column, module `i` being bit `i`.
    static func linePenalty(_ line: UInt128, inside: UInt128) -> Int {
        // Runs: bit i of `same` says modules i and i + 1 match; of `fives`, that modules i…i + 4 do.
        let same = ~(line ^ line >> 1) & inside >> 1
        let fives = same & same >> 1 & same >> 2 & same >> 3
        let runs = fives & ~(fives << 1)
        var points = fives.nonzeroBitCount + 2 * runs.nonzeroBitCount
        // Finder-like patterns of modules 1:1:3:1:1, then scaled up where a dark run is long enough.
        let dark = line
        let sixDark = dark & dark >> 1 & dark >> 2 & dark >> 3 & dark >> 4 & dark >> 5
        let largest = sixDark == 0 ? 1 : Int(inside.nonzeroBitCount) / 7
        for size in stride(from: 1, through: max(1, largest), by: 1) {
            points += 40 * finderLikePatterns(line, size: size)
        }
        return points
    }

    /// How many dark:light:dark:light:dark runs of exactly `size`, 1, 3, 1 and 1 times `size` modules lie in
    /// `line` with light modules on both sides and at least 4 × `size` of them on one side, as libqrencode
    /// counts them; beyond the symbol is light.
    static func finderLikePatterns(_ line: UInt128, size: Int) -> Int {
        /// Bit b set where every module from b + `from` up to b + `to` (excluded) is dark, or light.
        func all(dark: Bool, _ from: Int, _ to: Int) -> UInt128 {
            let word = dark ? line : ~line
            var result = UInt128.max
            for offset in from..<to {
                // Before the symbol's first module is light: shifting in ones says so.
                result &= offset >= 0 ? word >> offset : word << -offset | (dark ? 0 : (1 << -offset) - 1)
            }
            return result
        }
        let pattern = all(dark: true, 0, size) & all(dark: false, size, 2 * size) & all(dark: true, 2 * size, 5 * size)
            & all(dark: false, 5 * size, 6 * size) & all(dark: true, 6 * size, 7 * size)
            & all(dark: false, -1, 0) & all(dark: false, 7 * size, 7 * size + 1)
        guard pattern != 0 else { return 0 }
        let before = all(dark: false, -4 * size, 0)
        let after = all(dark: false, 7 * size, 11 * size)
        return (pattern & (before | after)).nonzeroBitCount
    }

    /// The 15 format bits for the error correction level and mask, BCH-coded and masked with 0x5412.
    static func formatBits(_ errorCorrection: QRErrorCorrection, mask: Int) -> Int {
        let level = switch errorCorrection {
        case .low: 1
        case .medium: 0
        case .quartile: 3
        case .high: 2
        }
        let data = level << 3 | mask
        var remainder = data << 10
        for bit in stride(from: 14, through: 10, by: -1) where remainder >> bit & 1 != 0 {
            remainder ^= 0x537 << (bit - 10)
        }
        return (data << 10 | remainder) ^ 0x5412
    }
}
