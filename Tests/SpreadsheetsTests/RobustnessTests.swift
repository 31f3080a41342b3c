import Foundation
import Spreadsheets
import Testing
import TrainingFixtures

/// Damaged input must end in a `SpreadsheetError`, never a crash.
@Suite("Random and damaged input")
struct RobustnessTests {
    @Test func randomCSVBytes() {
        var random = SplitMix64(seed: 1251)
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
        var random = SplitMix64(seed: 2019)
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
