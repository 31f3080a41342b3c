import Foundation
import Spreadsheets
import Testing

@Suite("CSV errors say what and where")
struct CSVErrorTests {
    private func failure(
        reading name: String, _ options: SpreadsheetOptions = SpreadsheetOptions()
    ) -> SpreadsheetError? {
        #expect(throws: SpreadsheetError.self) {
            try Spreadsheet.read(contentsOf: Fixture.url(name), options: options)
        }
    }

    @Test func unterminatedQuoteIsReportedWhereItOpened() throws {
        let error = try #require(failure(reading: "error-unterminated-quote.csv"))
        #expect(error.code == .unterminatedQuote)
        #expect(error.position == CellPosition(line: 3, column: 2))
        #expect(error.description.hasPrefix(
            "error-unterminated-quote.csv, line 3, column 2: A quoted field starts here but its closing quote is never found."))
    }

    @Test func textAfterAClosingQuoteIsAnError() throws {
        let error = try #require(failure(reading: "error-text-after-quote.csv"))
        #expect(error.code == .unexpectedQuote)
        #expect(error.position == CellPosition(line: 2, column: 2))
    }

    @Test func strayQuoteIsAnErrorOnlyWhenQuotesAreStrict() throws {
        let error = try #require(failure(reading: "error-stray-quote.csv", SpreadsheetOptions(quotes: .strict)))
        #expect(error.code == .unexpectedQuote)
        #expect(error.position == CellPosition(line: 2, column: 2))
    }

    @Test func invalidUTF8IsPlacedByLineColumnAndByte() throws {
        let error = try #require(failure(reading: "error-invalid-utf8.csv"))
        #expect(error.code == .invalidEncoding)
        #expect(error.position == CellPosition(line: 5, column: 2))
        #expect(error.byteOffset == 79)
        #expect(error.description.hasPrefix("error-invalid-utf8.csv, line 5, column 2 (byte 79): The byte 0xFF is not valid UTF-8"))
    }

    @Test func undefinedWindows1251ByteIsPlaced() throws {
        for options in [SpreadsheetOptions(), SpreadsheetOptions(encoding: .windows1251)] {
            let error = try #require(failure(reading: "error-windows1251-undefined.csv", options))
            #expect(error.code == .invalidEncoding)
            #expect(error.position == CellPosition(line: 2, column: 2))
            #expect(error.byteOffset == 23)
            #expect(error.message.contains("0x98"))
        }
    }

    @Test func nulByteIsPlaced() throws {
        let error = try #require(failure(reading: "error-nul-byte.csv"))
        #expect(error.code == .nulByte)
        #expect(error.position == CellPosition(line: 3, column: 2))
        #expect(error.byteOffset == 33)
    }

    @Test func positionsAfterAMultiLineFieldArePhysicalLines() throws {
        let text = "a,b,c\nx,\"one\ntwo\",b\"c\n"
        let strict = #expect(throws: SpreadsheetError.self) {
            try CSVReader(options: SpreadsheetOptions(quotes: .strict)).read(data: Data(text.utf8))
        }
        #expect(strict?.position == CellPosition(line: 3, column: 3))

        let unterminated = #expect(throws: SpreadsheetError.self) {
            try CSVReader().read(data: Data("a,b\n\"1\n2\",x\n3,\"open\n\n".utf8))
        }
        #expect(unterminated?.position == CellPosition(line: 4, column: 2))
    }

    @Test func invalidUTF16IsPlaced() throws {
        // "A", a lone high surrogate, "B"
        let lone = Data([0xFF, 0xFE, 0x41, 0x00, 0x2C, 0x00, 0x00, 0xD8, 0x42, 0x00])
        let error = #expect(throws: SpreadsheetError.self) { try CSVReader().read(data: lone, fileName: "u16.csv") }
        #expect(error?.code == .invalidEncoding)
        #expect(error?.position == CellPosition(line: 1, column: 2))
        #expect(error?.byteOffset == 6)

        let odd = Data([0xFF, 0xFE, 0x41, 0x00, 0x42])
        let truncated = #expect(throws: SpreadsheetError.self) { try CSVReader().read(data: odd) }
        #expect(truncated?.code == .invalidEncoding)
        #expect(truncated?.byteOffset == 4)
        #expect(truncated?.message.contains("middle of a UTF-16LE character") == true)
    }

    @Test func binaryFilesAreRefused() throws {
        let error = try #require(failure(reading: "error-binary.csv"))
        #expect(error.code == .notText)
        #expect(error.line == nil)
    }

    @Test func legacyExcelFilesAreNamed() throws {
        let error = try #require(failure(reading: "participants.xls"))
        #expect(error.code == .notText)
        #expect(error.description.contains(".xls"))
    }

    @Test func emptyFilesAreRefused() throws {
        let empty = try #require(failure(reading: "empty.csv"))
        #expect(empty.code == .emptyFile)
        #expect(empty.description == "empty.csv: The file is empty. Check that the right file was chosen and that it was saved after editing.")
        let blank = try #require(failure(reading: "blank-lines-only.csv"))
        #expect(blank.code == .emptyFile)
        #expect(blank.message == "The file has no rows, only blank lines.")
    }

    @Test func cellLimit() throws {
        let error = try #require(failure(reading: "utf8-comma-lf.csv", SpreadsheetOptions(limits: SpreadsheetLimits(maxCellBytes: 10))))
        #expect(error.code == .cellTooLarge)
        #expect(error.position == CellPosition(line: 1, column: 3))
    }

    @Test func rowLimit() throws {
        let error = try #require(failure(reading: "utf8-comma-lf.csv", SpreadsheetOptions(limits: SpreadsheetLimits(maxRows: 2))))
        #expect(error.code == .tooManyRows)
        #expect(error.line == 3)
    }

    @Test func columnLimit() throws {
        let error = try #require(failure(reading: "utf8-comma-lf.csv", SpreadsheetOptions(limits: SpreadsheetLimits(maxColumns: 3))))
        #expect(error.code == .tooManyColumns)
        #expect(error.position == CellPosition(line: 1, column: 4))
    }

    @Test func cellCountLimit() throws {
        let error = try #require(failure(reading: "utf8-comma-lf.csv", SpreadsheetOptions(limits: SpreadsheetLimits(maxCells: 5))))
        #expect(error.code == .tooManyCells)
        #expect(error.line == 2)
    }

    @Test func fileSizeLimit() throws {
        let error = try #require(failure(reading: "utf8-comma-lf.csv", SpreadsheetOptions(limits: SpreadsheetLimits(maxFileBytes: 100))))
        #expect(error.code == .fileTooLarge)
        #expect(error.description.hasPrefix("utf8-comma-lf.csv: The file is 191 bytes, more than the limit of 100 bytes."))
    }

    @Test func missingFilesAreUnreadable() throws {
        let error = try #require(failure(reading: "no-such-file.csv"))
        #expect(error.code == .unreadableFile)
    }
}
