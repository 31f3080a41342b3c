import MalakaSupport
import Testing

@Suite struct PlainTextTableTests {
    @Test func leftAlignedColumnsWithoutTrailingSpaces() {
        let table = PlainTextTable(header: ["ID", "Name"], rows: [["1", "Gʻulomjon"], ["12", "Aziza"]])
        #expect(table.text == """
            ID  Name
            --  ---------
            1   Gʻulomjon
            12  Aziza

            """)
    }

    @Test func rightAlignedNumbers() {
        var table = PlainTextTable(header: ["Region", "Events"], alignments: [.left, .right])
        table.append(["Xorazm", "7"])
        table.widen(["Total", "1234"])
        #expect(table.text + table.line(["Total", "1234"]) == """
            Region  Events
            ------  ------
            Xorazm       7
            Total     1234

            """)
    }

    @Test func widthsCountCharactersNotBytes() {
        let table = PlainTextTable(header: ["A", "B"], rows: [["Ўринбоев", "x"]])
        #expect(table.line(["a", "b"]) == "a         b\n")
    }
}
