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

    /// The symbol with the best mask, each row as bits (module `x` is bit `x`): what libqrencode encodes with that mask,
    /// made from the symbol with mask 0 without encoding again.
    static func bestSymbol(maskZeroModules modules: UnsafeBufferPointer<UInt8>, width: Int, errorCorrection: QRErrorCorrection) -> [UInt128] {
        let symbol = UnmaskedSymbol(maskZeroModules: modules, width: width)
        let points = (0..<8).map { mask in
            let masked = symbol.masked(mask, errorCorrection: errorCorrection)
            return penalty(rows: masked.rows, columns: masked.columns, width: width)
        }
        return symbol.masked(points.indices.min { points[$0] < points[$1] }!, errorCorrection: errorCorrection).rows
    }

    /// The penalty points of the symbol with each of the eight masks, from the symbol libqrencode encoded with mask 0.
    static func penalties(maskZeroModules modules: UnsafeBufferPointer<UInt8>, width: Int, errorCorrection: QRErrorCorrection) -> [Int] {
        let symbol = UnmaskedSymbol(maskZeroModules: modules, width: width)
        return (0..<8).map { mask in
            let masked = symbol.masked(mask, errorCorrection: errorCorrection)
            return penalty(rows: masked.rows, columns: masked.columns, width: width)
        }
    }

    /// The symbol without its mask: function modules as they are, data modules unmasked, format modules light.
    struct UnmaskedSymbol {
        let width: Int
        let patterns: QRMaskPatterns
        var rows: [UInt128]
        var columns: [UInt128]
        var dataRows: [UInt128]
        var dataColumns: [UInt128]

        init(maskZeroModules modules: UnsafeBufferPointer<UInt8>, width: Int) {
            precondition(width <= maximumWidth && modules.count == width * width)
            self.width = width
            patterns = QRMaskPatterns.forWidth(width)
            rows = [UInt128](repeating: 0, count: width)
            columns = [UInt128](repeating: 0, count: width)
            dataRows = [UInt128](repeating: 0, count: width)
            dataColumns = [UInt128](repeating: 0, count: width)
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
        }

        /// The symbol with `mask` and the format bits that name it.
        func masked(_ mask: Int, errorCorrection: QRErrorCorrection) -> (rows: [UInt128], columns: [UInt128]) {
            var maskedRows = rows
            var maskedColumns = columns
            for y in 0..<width { maskedRows[y] ^= dataRows[y] & patterns.rows[mask][y] }
            for x in 0..<width { maskedColumns[x] ^= dataColumns[x] & patterns.columns[mask][x] }
            let bits = formatBits(errorCorrection, mask: mask)
            let format = patterns.formatPositions
            for bit in 0..<15 where bits >> bit & 1 != 0 {
                for (x, y) in [format.first[bit], format.second[bit]] {
                    maskedRows[y] |= 1 << x
                    maskedColumns[x] |= 1 << y
                }
            }
            return (maskedRows, maskedColumns)
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
        let points = fives.nonzeroBitCount + 2 * runs.nonzeroBitCount
        return points + 40 * finderLikePatternCount(line, inside: inside)
    }

    /// The finder-like patterns of every size in one row or column, as ``finderLikePatterns(_:width:)`` counts them.
    ///
    /// A pattern scaled up n ≥ 2 times has a dark run of 3n ≥ 6 modules with at least two light modules of
    /// the symbol on each side. Few lines have one (the finder patterns' own runs of 7 touch the edge), so
    /// most are counted a bit pattern at a time and only the others run by run, which cost most of the choice.
    static func finderLikePatternCount(_ line: UInt128, inside: UInt128) -> Int {
        let sixDark = line & line >> 1 & line >> 2 & line >> 3 & line >> 4 & line >> 5
        guard sixDark != 0 else { return smallFinderLikePatterns(line) }
        let light = ~line & inside
        // Bit b: modules b…b + 5 dark after two light ones; bit e: modules e − 5…e dark before two light ones.
        let starts = sixDark & light << 1 & light << 2
        let ends = sixDark << 5 & light >> 1 & light >> 2
        guard starts != 0 && ends != 0 else { return smallFinderLikePatterns(line) }
        return finderLikePatterns(line, width: inside.nonzeroBitCount)
    }

    /// How many dark:light:dark:light:dark runs of 1, 1, 3, 1 and 1 modules lie in `line`, with 4 light modules
    /// before or after; beyond the symbol is light.
    static func smallFinderLikePatterns(_ line: UInt128) -> Int {
        let light = ~line
        // Bit b of `lightBefore(k)` says module b − k is light, counting those before the symbol.
        // `|` and `-` share a precedence in Swift: without the parentheses this was (light << k | 1 << k) − 1,
        // which lost module 0's light before a pattern starting at module 1.
        func lightBefore(_ k: Int) -> UInt128 { light << k | ((1 << k) - 1) }
        let pattern = line & light >> 1 & line >> 2 & line >> 3 & line >> 4 & light >> 5 & line >> 6 & light >> 7 & lightBefore(1)
        guard pattern != 0 else { return 0 }
        let before = lightBefore(1) & lightBefore(2) & lightBefore(3) & lightBefore(4)
        let after = light >> 7 & light >> 8 & light >> 9 & light >> 10
        return (pattern & (before | after)).nonzeroBitCount
    }

    /// Finder-like patterns of every size, counted from the line's runs exactly as libqrencode does: dark
    /// runs of n, 3n and n modules between light runs of n, with a light run of at least 4n (or the edge) on one side.
    static func finderLikePatterns(_ line: UInt128, width: Int) -> Int {
        withUnsafeTemporaryAllocation(of: Int.self, capacity: width + 1) { runs in
            var count = 0
            // Runs alternate light, dark, light…; a line that starts dark starts with an empty light run.
            if line & 1 != 0 {
                runs[0] = -1
                count = 1
            }
            var position = 0
            while position < width {
                let rest = line >> position
                let length = min(rest & 1 != 0 ? (~rest).trailingZeroBitCount : rest.trailingZeroBitCount, width - position)
                runs[count] = length
                count += 1
                position += length
            }
            var found = 0
            for index in stride(from: 3, to: count - 2, by: 2) where runs[index] % 3 == 0 {
                let size = runs[index] / 3
                guard runs[index - 2] == size, runs[index - 1] == size, runs[index + 1] == size, runs[index + 2] == size else { continue }
                if index == 3 || runs[index - 3] >= 4 * size || index + 4 >= count || runs[index + 3] >= 4 * size {
                    found += 1
                }
            }
            return found
        }
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
