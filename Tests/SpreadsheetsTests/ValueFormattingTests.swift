@testable import Spreadsheets
import Testing

@Suite("Cell references, Excel dates and numbers")
struct ValueFormattingTests {
    @Test(arguments: [(1, "A"), (26, "Z"), (27, "AA"), (52, "AZ"), (702, "ZZ"), (703, "AAA"), (16_384, "XFD")])
    func columnLetters(column: Int, letters: String) {
        #expect(CellPosition.columnLetter(for: column) == letters)
        #expect(CellPosition(a1Reference: "\(letters)1") == CellPosition(line: 1, column: column))
    }

    /// Excel writes characters XML cannot hold as `_xHHHH_`; `_x005F_` escapes the underscore of a literal `_x…_`.
    @Test(arguments: [
        ("Nur_x000D_\nMFY", "Nur\r\nMFY"), ("Ali_x001B_[2J", "Ali\u{1B}[2J"), ("_x005F_x0041_", "_x0041_"),
        ("a_x00e9_b", "a\u{E9}b"), ("no_x12_escape", "no_x12_escape"), ("_xZZZZ_", "_xZZZZ_"), ("plain", "plain"),
        ("_xD83D__xDE00_", "\u{1F600}"), ("lone_xD800_", "lone\u{FFFD}"),
    ])
    func excelCharacterEscapes(written: String, meant: String) {
        #expect(XMLPart.unescapingCharacters(written) == meant)
    }

    @Test func cellReferences() {
        #expect(CellPosition(a1Reference: "$C$7") == CellPosition(line: 7, column: 3))
        #expect(CellPosition(a1Reference: "c7")?.a1Reference == "C7")
        #expect(CellPosition(a1Reference: "7C") == nil)
        #expect(CellPosition(a1Reference: "C0") == nil)
        #expect(CellPosition(a1Reference: "ABCD1") == nil)
        #expect(CellRange(a1Range: "B2:A1")?.description == "A1:B2")
        #expect(CellRange(a1Range: "B2")?.contains(CellPosition(line: 2, column: 2)) == true)
    }

    @Test(arguments: [
        (1.0, "1900-01-01"), (59, "1900-02-28"), (60, "1900-02-29"), (61, "1900-03-01"),
        (25_569, "1970-01-01"), (36_526, "2000-01-01"), (43_549, "2019-03-25"), (2_958_465, "9999-12-31"),
    ])
    func dates1900(serial: Double, iso: String) {
        #expect(ExcelDate.format(serial: serial, as: .date, uses1904: false) == iso)
    }

    @Test func datesTimesAnd1904() {
        #expect(ExcelDate.format(serial: 0, as: .date, uses1904: true) == "1904-01-01")
        #expect(ExcelDate.format(serial: 43_549.6041666667, as: .dateTime, uses1904: false) == "2019-03-25T14:30:00")
        #expect(ExcelDate.format(serial: 0.999999999, as: .dateTime, uses1904: false) == "1900-01-01T00:00:00")
        #expect(ExcelDate.format(serial: 0.395833333333333, as: .time, uses1904: false) == "09:30:00")
        #expect(ExcelDate.format(serial: 1.5, as: .time, uses1904: false) == "36:00:00")
        #expect(ExcelDate.format(serial: -1, as: .date, uses1904: false) == nil)
        #expect(ExcelDate.format(serial: 0, as: .date, uses1904: false) == nil)
        #expect(ExcelDate.format(serial: 3_000_000, as: .date, uses1904: false) == nil)
    }

    @Test func numberFormats() {
        #expect(NumberFormatKind(builtInID: 14) == .date)
        #expect(NumberFormatKind(builtInID: 22) == .dateTime)
        #expect(NumberFormatKind(builtInID: 46) == .time)
        #expect(NumberFormatKind(builtInID: 4) == nil)
        #expect(NumberFormatKind(formatCode: "dd\\.mm\\.yyyy") == .date)
        #expect(NumberFormatKind(formatCode: "d/m/yy h:mm") == .dateTime)
        #expect(NumberFormatKind(formatCode: "[h]:mm:ss") == .time)
        #expect(NumberFormatKind(formatCode: "h:mm AM/PM") == .time)
        #expect(NumberFormatKind(formatCode: "mmmm") == .date)
        #expect(NumberFormatKind(formatCode: "[$-419]d mmmm yyyy\"г.\"") == .date)
        #expect(NumberFormatKind(formatCode: "General") == nil)
        #expect(NumberFormatKind(formatCode: "#,##0.00\\ \"so'm\"") == nil)
        #expect(NumberFormatKind(formatCode: "[Red]0.00;[Blue]-0.00") == nil)
        #expect(NumberFormatKind(formatCode: "0.00E+00") == nil)
    }

    @Test(arguments: [
        ("1985", "1985"), ("1985.0", "1985"), ("3.5", "3.5"), ("0.1", "0.1"), ("998901234567", "998901234567"),
        ("0.30000000000000004", "0.3"), ("1E3", "1000"), ("-0", "0"), ("12.345678901234567", "12.3456789012346"),
        ("abc", "abc"), ("0x1A", "0x1A"),
    ])
    func numbers(stored: String, shown: String) {
        #expect(ExcelNumber.format(stored) == shown)
    }
}
