import Foundation
import Testing
@testable import Typesetting

/// The QR mask chosen a row at a time, as ISO/IEC 18004 scores masks.
@Suite struct QRMaskChoiceTests {
    /// Tokens as long as a certificate's, in the QR alphanumeric set, each different.
    static let tokens: [String] = (0..<64).map { (number: Int) -> String in
        let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-.")
        let characters: [Character] = (0..<236).map { (index: Int) -> Character in
            alphabet[(index * 7 + number * 13 + index * number / 3) % 38]
        }
        return "M1" + String(characters)
    }

    @Test(.enabled(if: QRCodeSymbol.canChooseMask))
    func eachMasksPointsAreThoseOfTheSymbolLibqrencodeMakesWithIt() throws {
        for text in Self.tokens.prefix(8) + ["https://malaka.example/verify/UZ-2019-000001"] {
            for level in [QRErrorCorrection.low, .medium, .quartile, .high] {
                let maskZero = try QRCodeSymbol(text, errorCorrection: level, mask: 0)
                let width = maskZero.width
                let points = maskZero.withModuleBytes { QRMaskChoice.penalties(maskZeroModules: $0, width: width, errorCorrection: level) }
                for mask in 0..<8 {
                    let symbol = try QRCodeSymbol(text, errorCorrection: level, mask: mask)
                    let lines = symbol.withModuleBytes { QRMaskChoice.lines(of: $0, width: width) }
                    // The symbol made from mask 0's is libqrencode's own with this mask, module for module.
                    let made = maskZero.withModuleBytes { QRMaskChoice.UnmaskedSymbol<UInt128>(maskZeroModules: $0, width: width) }
                    #expect(made.masked(mask, errorCorrection: level).rows == lines.rows, "mask \(mask), level \(level)")
                    #expect(made.masked(mask, errorCorrection: level).columns == lines.columns, "mask \(mask), level \(level)")
                    if width <= QRMaskChoice.maximumWidthIn64Bits {
                        let made64 = maskZero.withModuleBytes { QRMaskChoice.UnmaskedSymbol<UInt64>(maskZeroModules: $0, width: width) }
                        let masked64 = made64.masked(mask, errorCorrection: level)
                        let rows64: [UInt128] = masked64.rows.map { UInt128($0) }
                        let columns64: [UInt128] = masked64.columns.map { UInt128($0) }
                        #expect(rows64 == lines.rows && columns64 == lines.columns, "64 bits, mask \(mask), level \(level)")
                    }
                    #expect(QRMaskChoice.penalty(rows: lines.rows, columns: lines.columns, width: width) == points[mask],
                            "mask \(mask), level \(level), \(text.prefix(12))…")
                }
            }
        }
    }

    /// Real certificate tokens whose best mask has a finder-like pattern starting at a row's or column's second
    /// module: 50 of a bundle's 1,000 tokens got another mask than libqrencode's while `lightBefore` lost module 0.
    static let signedTokens = [
        "MLK1:AG0R+FGKVY 7/9IEKG* F8EGPZA5W5846$Q6646646+96KU1MHA Y9G+9STA5IAE+95/3XEDOCCK/EW4424EZEDNX52FDPVDBJEEFEESPJ$D3WEPQEIU1HLFYJFY69J$D:VD-3ESD0B-D8.HR8KMCD+4QY50A0A/Q3*QGYJ8*QOY36C$9CQ1RZ7/F2IL4H6GCVC262LCKBXP8UAU/SNYFV.2J390G5EHNO BQXDQCMB0",
        "MLK1:AG0R+FGKVY 7/9IEKG* F8EGPZA5W5846$Q6646646RF6KU1MHA Y9G+9STA5IAE+95/3XEDOCCK/EW4424EZEDNX52FDPVDBJEEFEESPJ$D3WEPQEIU1HLFYJFBZ9R.C8/DC$CSD07.DM-AC67ZQ9I1IIJ1DAN.PFE0L22L/B6U K%8I7:CZ5NM.Q.9AL9DIEDPPBOSN9$AZM596G.QKU83LXC0 RF31B6JS%527EA0",
        "MLK1:AG0R+FGKVY 7/9IEKG* F8EGPZA5W5846$Q6646646SF6KU1MHA Y9G+9STA5IAE+95/3XEDOCCK/EW4424EZEDNX52FDPVDBJEEFEESPJ$D3WEPQEIU1HLFYJFBZ9R.C8/DC$CSD0T-D05T*VFPWBU4UVJ8BWK%SCRMSRG2S74S+MRWP*53HKL2OV2%BH$KB34MY3JK2V07CP5KAVJ/4G4V*G8LIP5AK30UNGPI03D0",
    ]

    @Test(.enabled(if: QRCodeSymbol.canChooseMask))
    func theMaskChosenIsLibqrencodesOwnAndSoIsTheSymbol() throws {
        var same = 0
        for text in Self.tokens + Self.signedTokens {
            let code = try QRCode(text)
            let libqrencode = try QRCodeSymbol(text, errorCorrection: .medium)
            let ownChoice = (0..<code.width * code.width).allSatisfy { index in
                libqrencode.isDark(column: index % code.width, row: index / code.width) == (code.modules[index] != 0)
            }
            if ownChoice { same += 1 }
        }
        // The same points as libqrencode's, so the same mask and the same symbol as before the choice moved here.
        #expect(same == Self.tokens.count + Self.signedTokens.count, "\(same) of \(Self.tokens.count + Self.signedTokens.count) the same")
    }

    @Test func pointsForRunsBlocksAndFinderLikePatterns() {
        let inside: UInt128 = (1 << 21) - 1
        // Alternating modules: no run, no pattern.
        let alternating: UInt128 = 0b1_0101_0101_0101_0101_0101
        #expect(QRMaskChoice.linePenalty(alternating, inside: inside) == 0)
        // One light run of 20 after a dark module: 3 + 15 points.
        #expect(QRMaskChoice.linePenalty(1, inside: inside) == 18)
        // A finder-like 1011101 at the start (light beyond the edge counts), then alternating from a light module.
        var finder: UInt128 = 0b1011101
        for bit in stride(from: 8, to: 21, by: 2) { finder |= 1 << bit }
        #expect(QRMaskChoice.linePenalty(finder, inside: inside) == 40)
        #expect(Self.finderLikePatternsRunByRun(finder, width: 21) == 1)
        // The same followed by a dark module is no finder-like pattern: its last run is two long.
        #expect(QRMaskChoice.linePenalty(finder | 1 << 7, inside: inside) == 0)
        // Scaled up twice, 2:2:6:2:2 after four light modules: the run-by-run count finds it, and so does the line's.
        let scaled: UInt128 = 0b11_00_111111_00_11 << 4
        #expect(Self.finderLikePatternsRunByRun(scaled, width: 21) == 1)
        #expect(QRMaskChoice.finderLikePatternCount(scaled, inside: inside) == 1)
        #expect(QRMaskChoice.formatBits(.medium, mask: 0) == 0b101010000010010)
        #expect(QRMaskChoice.formatBits(.low, mask: 4) == 0b110011000101111)
    }

    /// Most lines skip the run-by-run count; the count must not change for it, on random lines of every
    /// width and on lines with finder-like patterns scaled up two to four times planted in them.
    @Test func theQuickCountOfFinderLikePatternsIsTheRunByRunCount() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ z >> 30) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ z >> 27) &* 0x94D0_49BB_1331_11EB
            return z ^ z >> 31
        }
        var differing: [String] = []
        var scaledFound = 0
        for index in 0..<30_000 {
            let width = [21, 25, 53, 57, 81][index % 5]
            let inside: UInt128 = (1 << width) - 1
            var line = (UInt128(next()) << 64 | UInt128(next())) & inside
            if index % 3 == 0 {
                // n dark, n light, 3n dark, n light, n dark, somewhere in the line, with light around it or not.
                let size = 2 + Int(next() % 3)
                let at = Int(next() % UInt64(max(1, width - 7 * size)))
                let ones = { (count: Int) -> UInt128 in (1 << count) - 1 }
                let pattern = ones(size) | ones(3 * size) << (2 * size) | ones(size) << (6 * size)
                line &= ~(ones(7 * size) << at)
                line |= pattern << at & inside
                if next() % 2 == 0 {
                    let before = max(0, at - 4 * size)
                    line &= ~(ones(4 * size) << (at + 7 * size)) & ~(ones(at - before) << before) & inside
                }
            }
            let exact = Self.finderLikePatternsRunByRun(line, width: width)
            if exact > QRMaskChoice.smallFinderLikePatterns(line) { scaledFound += 1 }
            if QRMaskChoice.finderLikePatternCount(line, inside: inside) != exact {
                differing.append("width \(width): \(String(line, radix: 2))")
            }
            // Symbols up to version 10 are scored with 64-bit words.
            if width <= QRMaskChoice.maximumWidthIn64Bits,
               QRMaskChoice.finderLikePatternCount(UInt64(line), inside: UInt64(inside)) != exact {
                differing.append("width \(width), 64 bits: \(String(line, radix: 2))")
            }
        }
        #expect(differing.isEmpty, "\(differing.count) lines differ: \(differing.prefix(3))")
        // The planted patterns are found, so the lines do exercise the run-by-run count.
        #expect(scaledFound > 1_000)
    }
    /// Finder-like patterns of every size, counted from the line's runs as libqrencode's `Mask_calcN1N3` does:
    /// dark runs of n, 3n and n modules between light runs of n, with a light run of at least 4n (or the edge)
    /// on one side. The reference the word-at-a-time count is checked against.
    static func finderLikePatternsRunByRun(_ line: UInt128, width: Int) -> Int {
        var runs: [Int] = []
        // Runs alternate light, dark, light…; a line that starts dark starts with an empty light run.
        if line & 1 != 0 { runs.append(-1) }
        var position = 0
        while position < width {
            let rest = line >> position
            let length = min(rest & 1 != 0 ? (~rest).trailingZeroBitCount : rest.trailingZeroBitCount, width - position)
            runs.append(length)
            position += length
        }
        var found = 0
        for index in stride(from: 3, to: runs.count - 2, by: 2) where runs[index] % 3 == 0 {
            let size = runs[index] / 3
            guard runs[index - 2] == size, runs[index - 1] == size, runs[index + 1] == size, runs[index + 2] == size else { continue }
            if index == 3 || runs[index - 3] >= 4 * size || index + 4 >= runs.count || runs[index + 3] >= 4 * size {
                found += 1
            }
        }
        return found
    }
}
