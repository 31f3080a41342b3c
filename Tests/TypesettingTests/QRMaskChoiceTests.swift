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
                    let made = maskZero.withModuleBytes { QRMaskChoice.UnmaskedSymbol(maskZeroModules: $0, width: width) }
                    #expect(made.masked(mask, errorCorrection: level).rows == lines.rows, "mask \(mask), level \(level)")
                    #expect(QRMaskChoice.penalty(rows: lines.rows, columns: lines.columns, width: width) == points[mask],
                            "mask \(mask), level \(level), \(text.prefix(12))…")
                }
            }
        }
    }

    @Test(.enabled(if: QRCodeSymbol.canChooseMask))
    func theMaskChosenIsLibqrencodesOwnAndSoIsTheSymbol() throws {
        var same = 0
        for text in Self.tokens {
            let code = try QRCode(text)
            let libqrencode = try QRCodeSymbol(text, errorCorrection: .medium)
            let ownChoice = (0..<code.width * code.width).allSatisfy { index in
                libqrencode.isDark(column: index % code.width, row: index / code.width) == (code.modules[index] != 0)
            }
            if ownChoice { same += 1 }
        }
        // The same points as libqrencode's, so the same mask and the same symbol as before the choice moved here.
        #expect(same == Self.tokens.count, "\(same) of \(Self.tokens.count) the same")
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
        #expect(QRMaskChoice.finderLikePatterns(finder, width: 21) == 1)
        // The same followed by a dark module is no finder-like pattern: its last run is two long.
        #expect(QRMaskChoice.linePenalty(finder | 1 << 7, inside: inside) == 0)
        #expect(QRMaskChoice.formatBits(.medium, mask: 0) == 0b101010000010010)
        #expect(QRMaskChoice.formatBits(.low, mask: 4) == 0b110011000101111)
    }

    /// The bit test for scaled finder-like patterns, added to the 1:1:3:1:1 count, must count what the run-by-run
    /// count does on every kind of line, scaled patterns included.
    @Test func theQuickFinderCountAgreesWithTheRunByRunCount() {
        var random = SplitMix64(seed: 19)
        var scaledLines = 0
        for round in 0..<20_000 {
            let width = [21, 53, 81][round % 3]
            let high = UInt128(random.next()) << 64
            var line: UInt128 = (UInt128(random.next()) | high) & ((1 << width) - 1)
            // Now and then a scaled finder-like pattern, 2:2:6:2:2 or 3:3:9:3:3, somewhere on the line.
            if round % 5 == 0, width > 11 * 3 {
                let size = 2 + round % 2
                let one: UInt128 = (1 << size) - 1
                let three: UInt128 = (1 << (3 * size)) - 1
                let pattern: UInt128 = one | three << (2 * size) | one << (6 * size)
                // Four times its size of light modules before it, as a pattern needs on one side to count.
                let start = 4 * size + Int(random.next() % UInt64(width - 11 * size))
                let window: UInt128 = ((1 << (11 * size)) - 1) << (start - 4 * size)
                let inside: UInt128 = (1 << width) - 1
                line = (line & ~window | pattern << start) & inside
            }
            let sixDark = line & line >> 1 & line >> 2 & line >> 3 & line >> 4 & line >> 5
            let scaled = QRMaskChoice.scaledFinderLikePatterns(line, startingAmong: sixDark & ~(line << 1), width: width)
            let runByRun = QRMaskChoice.finderLikePatterns(line, width: width)
            #expect(QRMaskChoice.smallFinderLikePatterns(line) + scaled == runByRun, "line \(String(line, radix: 2)) of \(width)")
            if scaled > 0 { scaledLines += 1 }
        }
        #expect(scaledLines > 100)
    }
}

/// A small, seeded generator, so that a failing line can be found again.
private struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

