import Foundation
import Spreadsheets
import Testing

@Suite("CSV quoting, line ends and positions")
struct CSVParsingTests {
    private func read(_ text: String, _ options: SpreadsheetOptions = SpreadsheetOptions()) throws -> Sheet {
        try CSVReader(options: options).read(data: Data(text.utf8), fileName: "inline.csv")
    }

    @Test func quotedNewlinesMoveLaterLineNumbers() throws {
        let sheet = try CSVReader().read(contentsOf: Fixture.url("quoted-newlines.csv"))
        #expect(sheet.rows.map(\.line) == [1, 2, 4, 7, 8])
        #expect(sheet.rows[1].cells == ["O\u{02BB}rinboyev, G\u{02BB}ulomjon", "Urganch,\r\nAl-Xorazmiy ko\u{02BB}chasi 5", "ok"])
        #expect(sheet.rows[2].cells == ["Petrova", "line one\nline two\nline three", "She said \"salom\""])
        #expect(sheet.rows[3].cells == ["Karimov", "", ""])
        #expect(sheet.rows[4].cells == ["Last", "row", "here"])
        #expect(sheet.rows[4].position(ofColumn: 2) == CellPosition(line: 8, column: 2))
    }

    @Test func loneCarriageReturnsEndLines() throws {
        let sheet = try CSVReader().read(contentsOf: Fixture.url("lone-cr.csv"))
        #expect(sheet.rows.map(\.line) == [1, 2, 3, 4])
        #expect(sheet.rows.map(\.cells) == [["a", "b"], ["c", "d"], [""], ["e", "f"]])
        #expect(sheet.rows[2].isBlank)
    }

    @Test func lastLineNeedsNoLineEnd() throws {
        let sheet = try read("a,b\nc,d")
        #expect(sheet.rows.map(\.cells) == [["a", "b"], ["c", "d"]])
    }

    @Test func trailingSeparatorMakesAnEmptyLastCell() throws {
        let sheet = try read("a,b,\n,,\n1,2,3\n")
        #expect(sheet.rows.map(\.cells) == [["a", "b", ""], ["", "", ""], ["1", "2", "3"]])
        #expect(sheet.columnCount == 3)
        #expect(sheet.rows[0][column: 9] == "")
    }

    @Test func spacesAfterAClosingQuoteAreIgnored() throws {
        let sheet = try read("\"a\"  ,b\n")
        #expect(sheet.rows[0].cells == ["a", "b"])
    }

    @Test func strayQuotesAreKeptLikeExcelDoes() throws {
        let sheet = try CSVReader().read(contentsOf: Fixture.url("error-stray-quote.csv"))
        #expect(sheet.rows[1].cells == ["Aziz", "OOO \"Nur\""])
    }

    @Test func quotedFieldsKeepSeparatorsAndDoubledQuotes() throws {
        let sheet = try read("\"x,y\",\"he said \"\"hi\"\"\",\"\"\"\"\n")
        #expect(sheet.rows[0].cells == ["x,y", "he said \"hi\"", "\""])
    }

    @Test func cellsAreNotTrimmed() throws {
        let sheet = try read(" a , b \n")
        #expect(sheet.rows[0].cells == [" a ", " b "])
    }
}
