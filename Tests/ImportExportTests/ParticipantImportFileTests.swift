import Foundation
import Testing
@testable import TrainingCore

/// One participant list per header language, each in another encoding and separator.
@Suite struct ParticipantImportFileTests {
    func imported(_ file: String, encoding: String? = nil, eventID: Int64? = nil,
                  in database: AppDatabase? = nil) throws -> (AppDatabase, ParticipantImportReport, [Participant]) {
        let database = try database ?? Programme.database()
        let report = try database.importParticipants(
            from: Fixture.sheet(file, encoding: encoding), options: Programme.options { $0.eventID = eventID })
        #expect(report.problems.isEmpty, "\(report.problems)")
        #expect(report.written)
        return (database, report, try database.participants())
    }

    @Test func uzbekLatinHeadersInUTF8WithBOMAndSemicolons() throws {
        let (_, report, people) = try imported("uz-latin-bom-semicolon-crlf.csv")

        #expect(report.source == "CSV, UTF-8, semicolon (;)")
        #expect(report.columns.map(\.field) == [nil, .fullName, .sex, .birthYear, .category, .region, .district, .phone, nil])
        #expect(report.columns[0].leftOut == .knownExtra)
        #expect(report.added.map(\.line) == [2, 3, 4])
        // Apostrophes are stored as the standard Uzbek letters
        #expect(people.map(\.fullName) == ["Gʻulomjon Oʻrinboyev", "Gulnora Karimova", "O\u{02BB}g\u{02BB}iloy Qurbonova"])
        #expect(people.map(\.sex) == [.male, .female, .female])
        #expect(people.map(\.birthYear) == [1984, 1990, 1992])
        #expect(people.map(\.category) == [.parent, .parent, .parent])
        #expect(people.map(\.regionCode) == ["UZ-XO", "UZ-XO", "UZ-XO"])
        #expect(people.map(\.districtCode) == ["UZ-XO-URG", "UZ-XO-XIV", nil])
        #expect(people.map(\.phone) == ["+998 90 123 45 67", "90 765 43 21", nil], "a dash is an empty cell")
    }

    @Test func uzbekCyrillicHeadersWithTheNameInThreeColumns() throws {
        let (_, _, people) = try imported("uz-cyrillic-comma-lf.csv")

        #expect(people.map(\.fullName) == ["Ҳамроева Шоҳида Баҳодир қизи", "Раҳимов Бахтиёр"], "the parts in the file's order")
        #expect(people.map(\.birthYear) == [1987, 1979])
        #expect(people.map(\.sex) == [.female, .male])
        #expect(people.map(\.districtCode) == ["UZ-XO-XIV", "UZ-XO-URG"])
        #expect(people[0].organisation == "\"Нур\" маҳалла\nфуқаролар йиғини", "a quoted newline and doubled quotes")
    }

    @Test func russianHeadersInWindows1251() throws {
        let (_, report, people) = try imported("ru-windows1251-semicolon-crlf.csv")

        #expect(report.source == "CSV, Windows-1251, semicolon (;)")
        #expect(people.map(\.fullName) == ["Ким Елена Викторовна", "Юсупов Рустам"])
        #expect(people.map(\.sex) == [.female, .male])
        #expect(people.map(\.category) == [.specialist, .civilServant])
        #expect(people.map(\.regionCode) == ["UZ-TO", "UZ-TO"])
        #expect(people.map(\.districtCode) == ["UZ-TO-QIB", "UZ-TO-ZAN"])
    }

    @Test func windows1251CanBeForced() throws {
        let (_, report, people) = try imported("ru-windows1251-semicolon-crlf.csv", encoding: "cp1251")

        #expect(report.source == "CSV, Windows-1251, semicolon (;)")
        #expect(people.count == 2)
    }

    @Test func kyrgyzHeadersInUTF16WithTabsAndAges() throws {
        let (_, report, people) = try imported("ky-utf16le-tab-crlf.txt")

        #expect(report.source == "CSV, UTF-16LE, tab")
        #expect(people.map(\.fullName) == ["Айгүл Өмүрбекова", "Нурлан уулу Бакыт"])
        #expect(people.map(\.birthYear) == [1986, 1981], "ages counted from 2019")
        #expect(people.map(\.category) == [.civilServant, .teacher])
        #expect(people.map(\.districtCode) == ["KG-C-ALA", "KG-C-SOK"])
        #expect(people[0].phone == "0555 123 456")
    }

    @Test func englishHeadersWithDatesOfBirthAndLanguages() throws {
        let (_, _, people) = try imported("en-utf8-tab.tsv")

        #expect(people.map(\.birthYear) == [1993, 1975, nil])
        #expect(people.map(\.category) == [.ngoStaff, .civilServant, .ngoStaff])
        #expect(people.map(\.regionCode) == ["UZ-TK", "KG-C", "KG-GB"])
        #expect(people.map(\.language) == [.english, .russian, .kyrgyz])
    }

    @Test func agesCountFromTheEventsYear() throws {
        let database = try Programme.database()
        let event = try database.createEvent(EventPlan(
            courseCode: "PS-PARENTING", region: "Chuy",
            sessions: EventPlan.consecutiveSessions(from: Programme.day("2015-05-04"), days: 1, time: TimeRange(parsing: "09:00-12:00"))))

        let (_, report, people) = try imported("ky-utf16le-tab-crlf.txt", eventID: event.id, in: database)

        #expect(people.map(\.birthYear) == [1982, 1977])
        #expect(report.newlyEnrolled == 2)
        #expect(try database.eventDetail(id: event.id).enrolledCount == 2)
    }

    @Test func aWorkbookMadeByASpreadsheetProgram() throws {
        // Given the workbook LibreOffice wrote: a title row, dates as date cells and as a serial
        // number, a region merged down three rows, a phone stored as a number
        let (_, report, people) = try imported("participants-samarkand.xlsx")

        #expect(report.source == "XLSX, sheet “Qatnashchilar”")
        #expect(report.isWorksheet)
        #expect(report.headerLine == 2, "the title row above the header is skipped")
        #expect(people.map(\.fullName) == ["Toʻxtayeva Malika", "Abdullayeva Hulkar", "Gʻaniyev Sardor"])
        #expect(people.map(\.birthYear) == [1989, 1987, 1983], "a date cell, a serial (31861 = 1987-03-25), a date as text")
        #expect(people.map(\.regionCode) == ["UZ-SA", "UZ-SA", "UZ-SA"], "the merged region fills every row")
        #expect(people.map(\.districtCode) == ["UZ-SA-SAM", "UZ-SA-URG", "UZ-SA-SAM"])
        #expect(people.map(\.phone) == ["998901112233", nil, "+998 93 444 55 66"])
    }

    @Test func anotherWorksheetIsChosenByName() throws {
        let sheet = try Fixture.sheet("participants-samarkand.xlsx", sheetName: "Davomat")
        #expect(sheet.source == .xlsx(sheetName: "Davomat"))
    }
}
