import Foundation

/// A row or column of a QR symbol as the bits of one integer, module `i` being bit `i`: a `UInt64` for
/// symbols up to ``QRMaskChoice/maximumWidthIn64Bits`` modules wide (version 10), a `UInt128` beyond.
typealias QRLine = FixedWidthInteger & UnsignedInteger

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
    /// The widest symbol scored here (version 16): a row and the light modules beyond it that a
    /// finder-like pattern looks at fit in 128 bits.
    static let maximumWidth = 81

    /// The widest symbol scored with 64-bit lines: a finder-like pattern ending at the last module
    /// looks at 4 modules beyond it, which must still be bits of the word (light).
    static let maximumWidthIn64Bits = 60

    /// The symbol with the best mask, one byte a module row by row, 0xFF dark and 0 light: what libqrencode
    /// encodes with that mask, made from the symbol with mask 0 without encoding again.
    static func bestModules(maskZeroModules modules: UnsafeBufferPointer<UInt8>, width: Int, errorCorrection: QRErrorCorrection) -> [UInt8] {
        precondition(width <= maximumWidth)
        return width <= maximumWidthIn64Bits
            ? bestModules(UnmaskedSymbol<UInt64>(maskZeroModules: modules, width: width), errorCorrection: errorCorrection)
            : bestModules(UnmaskedSymbol<UInt128>(maskZeroModules: modules, width: width), errorCorrection: errorCorrection)
    }

    private static func bestModules<Line: QRLine>(_ symbol: UnmaskedSymbol<Line>, errorCorrection: QRErrorCorrection) -> [UInt8] {
        let points = symbol.penalties(errorCorrection: errorCorrection)
        let rows = symbol.masked(points.indices.min { points[$0] < points[$1] }!, errorCorrection: errorCorrection).rows
        let width = symbol.width
        var modules = [UInt8](repeating: 0, count: width * width)
        modules.withUnsafeMutableBufferPointer { modules in
            for (y, row) in rows.enumerated() {
                for x in 0..<width { modules[y * width + x] = row &>> x & 1 == 0 ? 0 : 0xFF }
            }
        }
        return modules
    }

    /// The penalty points of the symbol with each of the eight masks, from the symbol libqrencode encoded with mask 0.
    static func penalties(maskZeroModules modules: UnsafeBufferPointer<UInt8>, width: Int, errorCorrection: QRErrorCorrection) -> [Int] {
        precondition(width <= maximumWidth)
        return width <= maximumWidthIn64Bits
            ? UnmaskedSymbol<UInt64>(maskZeroModules: modules, width: width).penalties(errorCorrection: errorCorrection)
            : UnmaskedSymbol<UInt128>(maskZeroModules: modules, width: width).penalties(errorCorrection: errorCorrection)
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
    static func penalty<Line: QRLine>(rows: [Line], columns: [Line], width: Int) -> Int {
        let inside: Line = (1 << width) - 1
        var points = 0
        var dark = 0
        var above: Line = 0
        for (y, row) in rows.enumerated() {
            dark += row.nonzeroBitCount
            points += linePenalty(row, inside: inside)
            if y > 0 {
                let bothDark = above & row
                let bothLight = ~above & ~row & inside
                points += 3 * ((bothDark & bothDark >> 1).nonzeroBitCount + (bothLight & bothLight >> 1 & inside >> 1).nonzeroBitCount)
            }
            above = row
        }
        for column in columns { points += linePenalty(column, inside: inside) }
        let modules = width * width
        let percent = (200 * dark + modules) / modules / 2
        return points + abs(percent - 50) / 5 * 10
    }

    /// Runs of five or more and finder-like patterns in one row or column, module `i` being bit `i`.
    static func linePenalty<Line: QRLine>(_ line: Line, inside: Line) -> Int {
        // Runs: bit i of `same` says modules i and i + 1 match; of `fives`, that modules i…i + 4 do.
        let same = ~(line ^ line >> 1) & inside >> 1
        let fives = same & same >> 1 & same >> 2 & same >> 3
        let runs = fives & ~(fives << 1)
        let points = fives.nonzeroBitCount + 2 * runs.nonzeroBitCount
        return points + 40 * finderLikePatternCount(line, inside: inside)
    }

    /// The finder-like patterns of every size in one row or column, as libqrencode counts them: dark runs
    /// of n, 3n and n modules between light runs of n, with a light run of at least 4n (or the edge) on one side.
    static func finderLikePatternCount<Line: QRLine>(_ line: Line, inside: Line) -> Int {
        smallFinderLikePatterns(line) + scaledFinderLikePatterns(line, width: inside.nonzeroBitCount)
    }

    /// How many dark:light:dark:light:dark runs of 1, 1, 3, 1 and 1 modules lie in `line`, with 4 light modules
    /// before or after; beyond the symbol is light (the word has at least 4 bits beyond it).
    static func smallFinderLikePatterns<Line: QRLine>(_ line: Line) -> Int {
        let light = ~line
        // Bit b of `lightBefore(k)` says module b − k is light, counting those before the symbol.
        // `|` and `-` share a precedence in Swift: without the parentheses this was (light << k | 1 << k) − 1,
        // which lost module 0's light before a pattern starting at module 1.
        func lightBefore(_ k: Int) -> Line { light << k | ((1 << k) - 1) }
        let pattern = line & light >> 1 & line >> 2 & line >> 3 & line >> 4 & light >> 5 & line >> 6 & light >> 7 & lightBefore(1)
        guard pattern != 0 else { return 0 }
        let before = lightBefore(1) & lightBefore(2) & lightBefore(3) & lightBefore(4)
        let after = light >> 7 & light >> 8 & light >> 9 & light >> 10
        return (pattern & (before | after)).nonzeroBitCount
    }

    /// The finder-like patterns scaled up n ≥ 2 times: each has a dark run of 3n ≥ 6 modules in its middle.
    ///
    /// Few lines have such a run away from the edges (a finder pattern's own run of 7 is not a multiple of 3),
    /// so the runs of six or more are found a word at a time and only those looked at one by one.
    static func scaledFinderLikePatterns<Line: QRLine>(_ line: Line, width: Int) -> Int {
        let sixDark = line & line >> 1 & line >> 2 & line >> 3 & line >> 4 & line >> 5
        var starts = sixDark & ~(line << 1)
        var found = 0
        while starts != 0 {
            let start = starts.trailingZeroBitCount
            starts &= starts - 1
            let length = (~(line &>> start)).trailingZeroBitCount
            guard length % 3 == 0 else { continue }
            let size = length / 3
            let first = start - 2 * size
            let end = start + length
            let last = end + size
            guard first >= 0, last + size <= width else { continue }
            // Modules `from` to `from + count − 1` as the low bits of a word; shifts stay below the word's width, so
            // the masking shifts skip the check for a larger one.
            func modules(_ from: Int, _ count: Int) -> Line { line &>> from & ((1 &<< count) - 1) }
            let dark: Line = (1 &<< size) - 1
            guard modules(first, size) == dark, first == 0 || modules(first - 1, 1) == 0,
                  modules(first + size, size) == 0, modules(end, size) == 0,
                  modules(last, size) == dark, modules(last + size, 1) == 0 else { continue }
            let before = max(0, first - 4 * size)
            let after = min(width, last + 5 * size)
            if modules(before, first - before) == 0 || modules(last + size, after - last - size) == 0 { found += 1 }
        }
        return found
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
