import Spreadsheets
import Testing

@Suite("Sheet helpers")
struct SheetTests {
    @Test func fillingMergedCellsStaysInsideTheTable() throws {
        let sheet = Sheet(
            rows: [
                SheetRow(line: 1, cells: ["Xorazm", "", "x"]),
                SheetRow(line: 3, cells: ["", "b"]),
                SheetRow(line: 9, cells: ["z"]),
            ],
            source: .xlsx(sheetName: "S"),
            mergedCells: [try #require(CellRange(a1Range: "A1:ZZ5")), try #require(CellRange(a1Range: "C9:C12"))])
        let filled = sheet.fillingMergedCells()
        #expect(filled.rows.map(\.cells) == [
            ["Xorazm", "Xorazm", "Xorazm"],
            ["Xorazm", "Xorazm", "Xorazm"],
            ["z"],
        ])
        #expect(filled.rows.map(\.line) == [1, 3, 9])
    }

    @Test func blankMeansEmptyOrWhitespace() {
        #expect(SheetRow(line: 1, cells: []).isBlank)
        #expect(SheetRow(line: 1, cells: ["", " ", "\u{00A0}\t"]).isBlank)
        #expect(!SheetRow(line: 1, cells: ["", "0"]).isBlank)
    }
}
