import Foundation
@testable import Spreadsheets
import Testing

@Suite("CSV encodings and separators")
struct CSVEncodingTests {
    @Test func utf8WithCommasAndLineFeeds() throws {
        let sheet = try CSVReader().read(contentsOf: Fixture.url("utf8-comma-lf.csv"))
        #expect(sheet.source == .csv(encoding: .utf8, separator: .comma))
        #expect(sheet.fileName == "utf8-comma-lf.csv")
        #expect(sheet.rows.map(\.line) == [1, 2, 3, 4])
        #expect(sheet.rows[0].cells == ["Familiya", "Ism", "Tug\u{02BB}ilgan sana", "Viloyat"])
        #expect(sheet.rows[1].cells == ["O\u{02BB}rinboyev", "G\u{02BB}ulomjon", "25.03.1985", "Xorazm"])
        #expect(sheet.rows[2].cells == ["Ўринбоев", "Ғуломжон", "01.12.1990", "Samarqand, Urgut"])
    }

    @Test func utf8WithBOMSemicolonsAndCRLF() throws {
        let sheet = try CSVReader().read(contentsOf: Fixture.url("utf8-bom-semicolon-crlf.csv"))
        #expect(sheet.source == .csv(encoding: .utf8, separator: .semicolon))
        #expect(sheet.rows[0].cells == ["Фамилия", "Имя", "Дата рождения", "Район"])
        #expect(sheet.rows[2].cells == ["Иванов", "Сергей", "1,5", "Мирзо-Улугбек; махалля \"Нур\""])
        // Blank rows stay, with their lines; the trailing empty lines go.
        #expect(sheet.rows.map(\.line) == [1, 2, 3, 4, 5, 6])
        #expect(sheet.rows.map(\.isBlank) == [false, false, false, true, true, false])
        #expect(sheet.rows[4].cells == ["", "", "", ""])
        #expect(sheet.rows[5].cells == ["Ёлдошев", "Ёқуб", "", "Чиланзар"])
    }

    @Test func blankRowsCanBeSkippedKeepingLineNumbers() throws {
        let options = SpreadsheetOptions(skipsBlankRows: true)
        let sheet = try CSVReader(options: options).read(contentsOf: Fixture.url("utf8-bom-semicolon-crlf.csv"))
        #expect(sheet.rows.map(\.line) == [1, 2, 3, 6])
    }

    @Test func utf16LittleEndianWithBOMAndTabs() throws {
        let sheet = try CSVReader().read(contentsOf: Fixture.url("utf16le-bom-tab-crlf.txt"))
        #expect(sheet.source == .csv(encoding: .utf16LittleEndian, separator: .tab))
        #expect(sheet.rows.map(\.cells) == [
            ["Familiya", "Ism", "Tuman"],
            ["G\u{02BB}ulomov", "Dilnoza", "Xiva"],
            ["Ўринбоева", "Нодира", "Urganch\tshahri"],
        ])
    }

    @Test func utf16BigEndianWithoutBOMIsRecognisedByItsNULBytes() throws {
        let sheet = try CSVReader().read(contentsOf: Fixture.url("utf16be-nobom-comma.csv"))
        #expect(sheet.source == .csv(encoding: .utf16BigEndian, separator: .comma))
        #expect(sheet.rows.map(\.cells) == [["Name", "Region"], ["Айгерим", "KG-O"]])
    }

    @Test func windows1251IsDetected() throws {
        let sheet = try CSVReader().read(contentsOf: Fixture.url("windows1251-semicolon-crlf.csv"))
        #expect(sheet.source == .csv(encoding: .windows1251, separator: .semicolon))
        #expect(sheet.rows[0].cells == ["Фамилия", "Имя", "Отчество", "Дата рождения", "Категория"])
        #expect(sheet.rows[3].cells == ["Ёлкина", "Наталья", "Сергеевна", "15.05.1990", "учитель; школа №5"])
        #expect(sheet.rows[4].cells == ["Ўринбоев", "Гайрат", "", "", ""])
        #expect(sheet.rows.map(\.line) == [1, 2, 3, 4, 5])
    }

    @Test func forcedEncodingsWin() throws {
        let forced1251 = SpreadsheetOptions(encoding: .windows1251)
        let misread = try CSVReader(options: forced1251).read(contentsOf: Fixture.url("utf8-comma-lf.csv"))
        #expect(misread.source == .csv(encoding: .windows1251, separator: .comma))
        #expect(misread.rows[2].cells[0] != "Ўринбоев")

        let forced16 = SpreadsheetOptions(encoding: .utf16)
        let sheet = try CSVReader(options: forced16).read(contentsOf: Fixture.url("utf16le-bom-tab-crlf.txt"))
        #expect(sheet.source == .csv(encoding: .utf16LittleEndian, separator: .tab))

        let forcedUTF8 = SpreadsheetOptions(encoding: .utf8)
        let error = #expect(throws: SpreadsheetError.self) {
            try CSVReader(options: forcedUTF8).read(contentsOf: Fixture.url("windows1251-semicolon-crlf.csv"))
        }
        #expect(error?.code == .invalidEncoding)
        #expect(error?.line == 1)
        #expect(error?.column == 1)
        #expect(error?.byteOffset == 0)
    }

    @Test func forcedSeparatorWins() throws {
        let options = SpreadsheetOptions(separator: .comma)
        let sheet = try CSVReader(options: options).read(contentsOf: Fixture.url("utf8-bom-semicolon-crlf.csv"))
        #expect(sheet.rows[2].cells == ["Иванов;Сергей;1", "5;\"Мирзо-Улугбек; махалля \"\"Нур\"\"\""])
    }

    @Test func tabsAreDetectedDespiteCommasAndSemicolonsInText() throws {
        let sheet = try CSVReader().read(contentsOf: Fixture.url("tab-separated.tsv"))
        #expect(sheet.source == .csv(encoding: .utf8, separator: .tab))
        #expect(sheet.rows[2].cells == ["2", "Sobirov", "mahalla faoli; o'qituvchi"])
    }

    @Test(arguments: [
        ("a;b;c\n1;2,5;3\n4;5,5;6\n", CSVSeparator.semicolon),
        ("a,b,c\n\"x;y\",2,3\n", .comma),
        ("Name\tNote\nA\tb, c; d\n", .tab),
        ("only one column\nsecond\n", .comma),
        ("Ism;Familiya\nAziz;Karimov, Bobur\n", .semicolon),
    ])
    func separatorDetection(text: String, expected: CSVSeparator) throws {
        let sheet = try CSVReader().read(data: Data(text.utf8))
        #expect(sheet.source == .csv(encoding: .utf8, separator: expected))
    }

    @Test func windows1251TableAgreesWithFoundation() throws {
        for byte in UInt8(0x80)...UInt8(0xFF) where byte != 0x98 {
            let ours = [byte].withUnsafeBufferPointer { bytes -> String in
                var output: [UInt8] = []
                #expect(Windows1251.decode(bytes, into: &output) == nil)
                return String(decoding: output, as: UTF8.self)
            }
            #expect(ours == String(data: Data([byte]), encoding: .windowsCP1251), "byte 0x\(String(byte, radix: 16))")
        }
    }
}

extension Windows1251.Stop: Equatable {
    public static func == (lhs: Windows1251.Stop, rhs: Windows1251.Stop) -> Bool {
        switch (lhs, rhs) {
        case let (.undefinedByte(a), .undefinedByte(b)), let (.nul(a), .nul(b)): a == b
        default: false
        }
    }
}
