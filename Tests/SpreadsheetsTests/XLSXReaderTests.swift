import Foundation
import Spreadsheets
import Testing

@Suite("XLSX made by LibreOffice Calc, and hand-built edge cases")
struct XLSXReaderTests {
    @Test func firstSheetOfALibreOfficeWorkbook() throws {
        let sheet = try Spreadsheet.read(contentsOf: Fixture.url("participants.xlsx"))
        #expect(sheet.source == .xlsx(sheetName: "Qatnashchilar"))
        #expect(sheet.rows.map(\.line) == Array(1...8))
        #expect(sheet.rows[0].cells == ["Ota-onalar uchun trening — Xorazm, 2019"])
        #expect(sheet.rows[1].cells == [
            "№", "Familiya", "Ism", "Tug\u{02BB}ilgan sana", "Tuman", "Mashg\u{02BB}ulotlar", "Telefon", "Sertifikat", "Soat",
        ])
        #expect(sheet.rows[2].cells == [
            "1", "O\u{02BB}rinboyev", "G\u{02BB}ulomjon", "1985-03-25", "Urganch", "5", "998901234567", "1", "10",
        ])
        #expect(sheet.rows[3].cells == ["2", "Ўринбоев", "Ғуломжон", "1990-12-01", "Xiva", "4", "", "0", "8"])
        #expect(sheet.rows[4].cells == ["3", "Петрова", "Мария", "1900-03-01", "", "3.5", "+998 90 123 45 67"])
        #expect(sheet.rows[5].isBlank)
        #expect(sheet.rows[6].cells == ["4", "Токтогулов", "Бакыт", "2000-01-01", "Xonqa", "2"])
        #expect(sheet.rows[7].cells == ["5", "Абдуллаев", "Нодира \"Оқ\" қизи", "1969-07-20", "", "0.1"])
        #expect(sheet.rows[7].position(ofColumn: 3).a1Reference == "C8")
    }

    @Test func mergedCellsAreBlankButListedAndCanBeFilled() throws {
        let sheet = try XLSXReader().read(contentsOf: Fixture.url("participants.xlsx"))
        #expect(sheet.mergedCells.map(\.description) == ["A1:F1", "E7:E8"])
        #expect(sheet.rows[7][column: 5] == "")
        let filled = sheet.fillingMergedCells()
        #expect(filled.rows[7][column: 5] == "Xonqa")
        #expect(filled.rows[0].cells == Array(repeating: "Ota-onalar uchun trening — Xorazm, 2019", count: 6))
    }

    @Test func sheetsByName() throws {
        let reader = XLSXReader()
        #expect(try reader.sheetNames(contentsOf: Fixture.url("participants.xlsx")) == ["Qatnashchilar", "Ҳисобот", "Izohlar"])

        let report = try XLSXReader(options: SpreadsheetOptions(sheetName: "Ҳисобот")).read(contentsOf: Fixture.url("participants.xlsx"))
        #expect(report.rows.map(\.cells) == [["Жами", "5"]])

        let notes = try XLSXReader(options: SpreadsheetOptions(sheetName: " izohlar ")).read(contentsOf: Fixture.url("participants.xlsx"))
        #expect(notes.source == .xlsx(sheetName: "Izohlar"))
        #expect(notes.rows.map(\.cells) == [
            ["Boshlanishi", "2019-03-25T14:30:00", "09:30:00"],
            ["Trener: Dilnoza Karimova"],
        ])
    }

    @Test func unknownSheetNameListsTheSheets() throws {
        let error = #expect(throws: SpreadsheetError.self) {
            try XLSXReader(options: SpreadsheetOptions(sheetName: "Sheet1")).read(contentsOf: Fixture.url("participants.xlsx"))
        }
        #expect(error?.code == .sheetNotFound)
        #expect(error?.description == "participants.xlsx: The workbook has no sheet named “Sheet1”; its sheets are "
            + "“Qatnashchilar”, “Ҳисобот”, “Izohlar”. Give one of these names, or none to read the first sheet.")
    }

    @Test func handBuiltEdgeCases() throws {
        let sheet = try XLSXReader().read(contentsOf: Fixture.url("edge-cases.xlsx"))
        // The hidden first sheet is passed over; prefixed element names are understood.
        #expect(sheet.source == .xlsx(sheetName: "Ro\u{02BB}yxat"))
        #expect(sheet.rows.map(\.line) == [1, 2, 3, 4, 5, 6])
        // Rich-text runs joined, phonetic hints skipped, inline strings, cells without references.
        #expect(sheet.rows[0].cells == ["Ism", "G\u{02BB}ulomjon ", "Inkline"])
        #expect(sheet.rows[1].cells == ["TRUE", "FALSE", "#N/A", "Ism!"])
        #expect(sheet.rows[2].cells == [])
        // 1904 date system; built-in and custom date formats; numbers in their shortest form.
        #expect(sheet.rows[3].cells == ["1904-01-01", "2023-03-26", "1985", "", "0.3", "-12.5"])
        #expect(sheet.rows[5].cells.count == 27)
        #expect(sheet.rows[5][column: 27] == "2019-03-25")
        #expect(sheet.rows[5].position(ofColumn: 27).a1Reference == "AA6")
    }

    @Test func hiddenSheetsCanBeReadByName() throws {
        let options = SpreadsheetOptions(sheetName: "Yashirin")
        let sheet = try XLSXReader(options: options).read(contentsOf: Fixture.url("edge-cases.xlsx"))
        #expect(sheet.rows.map(\.cells) == [["hidden"]])
        #expect(try XLSXReader().sheetNames(contentsOf: Fixture.url("edge-cases.xlsx")) == ["Yashirin", "Ro\u{02BB}yxat"])
    }

    @Test func theFormatComesFromTheBytesNotTheName() throws {
        let workbook = try Data(contentsOf: Fixture.url("participants.xlsx"))
        let sheet = try Spreadsheet.read(data: workbook, fileName: "list.csv")
        #expect(sheet.source == .xlsx(sheetName: "Qatnashchilar"))

        let error = #expect(throws: SpreadsheetError.self) {
            try Spreadsheet.read(data: Data("a,b\n".utf8), fileName: "list.xlsx")
        }
        #expect(error?.code == .damagedArchive)
    }

    @Test func passwordProtectedWorkbooksAreNamed() throws {
        // Excel stores an encrypted .xlsx in the same container format as a legacy .xls.
        let container = try Data(contentsOf: Fixture.url("participants.xls"))
        let error = #expect(throws: SpreadsheetError.self) {
            try Spreadsheet.read(data: container, fileName: "locked.xlsx")
        }
        #expect(error?.code == .unsupportedFormat)
        #expect(error?.message.contains("password-protected") == true)
    }

    @Test func openDocumentSpreadsheetsAreNamed() throws {
        let error = #expect(throws: SpreadsheetError.self) {
            try Spreadsheet.read(contentsOf: Fixture.url("participants.ods"))
        }
        #expect(error?.code == .unsupportedFormat)
        #expect(error?.message.contains("OpenDocument") == true)
    }

    /// openpyxl saves a formula it cannot calculate with an empty `<v/>`: that is no value, and the cell is listed.
    @Test func aFormulaWithAnEmptyValueElementHasNoValue() throws {
        let sheet = try XLSXReader().read(contentsOf: Fixture.url("openpyxl-formulas-without-values.xlsx"))
        #expect(sheet.formulasWithoutValue.map(\.line) == [2, 3, 4, 5])
        #expect(sheet.formulasWithoutValue.allSatisfy { $0.column == 1 })
        #expect(sheet.rows[1][column: 1] == "")
        #expect(sheet.rows[1][column: 5] == "G\u{02BB}ulomjon")
    }
}
