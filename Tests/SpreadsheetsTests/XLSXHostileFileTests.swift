import Foundation
import Spreadsheets
import Testing

@Suite("Hostile and broken XLSX files are refused cleanly")
struct XLSXHostileFileTests {
    private func failure(reading name: String, _ options: SpreadsheetOptions = SpreadsheetOptions()) -> SpreadsheetError? {
        #expect(throws: SpreadsheetError.self) {
            try Spreadsheet.read(contentsOf: Fixture.url(name), options: options)
        }
    }

    @Test func zipBombIsStoppedWhileDecompressing() throws {
        // The entry claims 1,000 bytes; it inflates to 70 MiB, over the 64 MiB part limit.
        // No time bound here: on a loaded machine it failed a correct reader (11 s under load 20).
        let error = try #require(failure(reading: "zip-bomb.xlsx"))
        #expect(error.code == .archiveTooLarge)
        #expect(error.part == "xl/worksheets/sheet1.xml")
        #expect(error.description.hasPrefix("zip-bomb.xlsx, sheet “Sheet1”: The part xl/worksheets/sheet1.xml decompresses to more than 64 MiB"))
    }

    @Test func totalDecompressionLimitCountsEveryPart() throws {
        let limits = SpreadsheetLimits(maxUncompressedBytes: 4 << 10)
        let error = try #require(failure(reading: "participants.xlsx", SpreadsheetOptions(limits: limits)))
        #expect(error.code == .archiveTooLarge)
    }

    @Test func truncatedWorkbookIsDamaged() throws {
        let error = try #require(failure(reading: "truncated.xlsx"))
        #expect(error.code == .damagedArchive)
        #expect(error.description.hasPrefix("truncated.xlsx: The workbook is not a readable ZIP archive"))
    }

    @Test func directoryEntryPointingPastTheEndIsDamaged() throws {
        // ZIPFoundation's own in-memory Archive traps on this file.
        let error = try #require(failure(reading: "damaged-directory.xlsx"))
        #expect(error.code == .damagedArchive)
        #expect(error.message.contains("xl/worksheets/sheet3.xml runs past the end of the file"))
    }

    @Test func malformedXMLNamesThePart() throws {
        let error = try #require(failure(reading: "malformed-sheet.xlsx"))
        #expect(error.code == .malformedPart)
        #expect(error.part == "xl/worksheets/sheet1.xml")
        #expect(error.description.contains("xl/worksheets/sheet1.xml"))
        // Its entry “../../evil.txt” was never written anywhere.
        let escaped = Fixture.folder.appendingPathComponent("../../evil.txt").standardizedFileURL.path
        #expect(!FileManager.default.fileExists(atPath: escaped))
    }

    @Test func aSheetOnOneHugeLineIsRead() throws {
        // libxml2 complains after the last element of a line over 10 MB; the data is all there.
        let sheet = try Spreadsheet.read(contentsOf: Fixture.url("long-line.xlsx"))
        #expect(sheet.rows.map(\.cells) == [["oxirgi"]])
    }

    @Test func entitiesAreRefused() throws {
        let error = try #require(failure(reading: "entity-expansion.xlsx"))
        #expect(error.code == .malformedPart)
        #expect(error.message.contains("document type"))
    }

    @Test func missingPartIsNamed() throws {
        let error = try #require(failure(reading: "missing-sheet-part.xlsx"))
        #expect(error.code == .missingPart)
        #expect(error.part == "xl/worksheets/sheet1.xml")
    }

    @Test func rowLimitAppliesToWorksheets() throws {
        let error = try #require(failure(reading: "participants.xlsx", SpreadsheetOptions(limits: SpreadsheetLimits(maxRows: 5))))
        #expect(error.code == .tooManyRows)
        #expect(error.description.hasPrefix("participants.xlsx, sheet “Qatnashchilar”, row 7: "))
    }

    @Test func columnLimitNamesTheColumnLetter() throws {
        let error = try #require(failure(reading: "participants.xlsx", SpreadsheetOptions(limits: SpreadsheetLimits(maxColumns: 8))))
        #expect(error.code == .tooManyColumns)
        #expect(error.description.hasPrefix("participants.xlsx, sheet “Qatnashchilar”, row 2, column I: "))
    }

    @Test func emptyDataIsNotAWorkbook() throws {
        let error = #expect(throws: SpreadsheetError.self) {
            try XLSXReader().read(data: Data([0x50, 0x4B, 0x03, 0x04, 0, 0]), fileName: "short.xlsx")
        }
        #expect(error?.code == .damagedArchive)
    }
}
