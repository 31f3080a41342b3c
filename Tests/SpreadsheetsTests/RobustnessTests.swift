import Foundation
import Spreadsheets
import Testing

/// Damaged input must end in a `SpreadsheetError`, never a crash.
@Suite("Random and damaged input")
struct RobustnessTests {
    /// A small deterministic generator (SplitMix64), so failures can be replayed.
    private struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test func randomCSVBytes() {
        var random = SplitMix(state: 1251)
        let alphabet: [UInt8] = Array("ab,;\t\"\r\n ".utf8) + [0xD0, 0x98, 0xCB, 0xBB, 0xFF, 0x00]
        for _ in 0..<2_000 {
            let length = Int.random(in: 0...64, using: &random)
            let bytes = (0..<length).map { _ in alphabet.randomElement(using: &random) ?? 0 }
            do {
                let sheet = try CSVReader().read(data: Data(bytes))
                #expect(!sheet.rows.isEmpty)
            } catch {
                #expect(!error.message.isEmpty)
            }
        }
    }

    @Test func damagedWorkbooks() throws {
        let original = try [UInt8](Data(contentsOf: Fixture.url("participants.xlsx")))
        var random = SplitMix(state: 2019)
        for _ in 0..<300 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...8, using: &random) {
                bytes[Int.random(in: 0..<bytes.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
            }
            do {
                _ = try XLSXReader().read(data: Data(bytes), fileName: "damaged.xlsx")
            } catch {
                #expect(!error.message.isEmpty)
            }
        }
    }
}
