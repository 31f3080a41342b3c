import Foundation
import GRDB
import Spreadsheets
import Testing
@testable import TrainingCore

@Suite struct ExportTests {
    /// The Urganch training with two people, marks for two days, and a third person elsewhere.
    func programme() throws -> (AppDatabase, EventDetail, [Participant]) {
        let database = try Programme.database()
        let event = try Programme.urganchTraining(database)
        let people = try database.addParticipants([
            ParticipantDraft(fullName: "Gʻulomjon Oʻrinboyev", alternateName: "Ғуломжон Ўринбоев", sex: .male, birthYear: 1984,
                             category: .parent, phone: "+998 90 123 45 67", region: "Xorazm", district: "Urganch tumani"),
            ParticipantDraft(fullName: "=HYPERLINK(\"http://evil.example\",\"Gulnora\")", sex: .female, category: .parent,
                             organisation: "@SUM(1+1)", phone: "+998 91 000 00 02", region: "Xorazm"),
            ParticipantDraft(fullName: "Lola Ismoilova", category: .teacher, region: "Samarqand",
                             consentDate: Programme.day("2019-03-01"), consentRecordedBy: "Coordinator"),
        ])
        try database.enroll(eventID: event.id, participantIDs: [people[0].id!, people[1].id!])
        try database.markAttendance(AttendanceMarks(eventID: event.id, date: Programme.day("2019-03-25"), everyoneElse: .present))
        try database.markAttendance(AttendanceMarks(eventID: event.id, date: Programme.day("2019-03-26"),
                                                    marks: [people[0].id!: .late, people[1].id!: .absent]))
        return (database, event, people)
    }

    func csvText(_ table: ExportTable) -> String {
        let data = table.csv()
        #expect(data.starts(with: [0xEF, 0xBB, 0xBF]), "UTF-8 with a byte-order mark")
        return String(decoding: data.dropFirst(3), as: UTF8.self)
    }

    @Test func participantsAsCSVWithFormulasNeutralised() throws {
        let (database, _, _) = try programme()

        let table = try database.export(.participants)
        let text = csvText(table)

        let lines = text.components(separatedBy: "\r\n")
        #expect(lines[0] == "Id,Full name,Other spelling,Sex,Birth year,Category,Organisation,Phone,Region,District,Locality,Language,Consent date,Consent recorded by")
        #expect(lines[1] == "1,Gʻulomjon Oʻrinboyev,Ғуломжон Ўринбоев,male,1984,parent,,'+998 90 123 45 67,UZ-XO,UZ-XO-URG,,uz-Latn,,")
        #expect(lines[2] == "2,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Gulnora\"\")\",,female,,parent,'@SUM(1+1),'+998 91 000 00 02,UZ-XO,,,uz-Latn,,")
        #expect(lines[3] == "3,Lola Ismoilova,,,,teacher,,,UZ-SA,,,uz-Latn,2019-03-01,Coordinator")
        #expect(lines.count == 5 && lines[4].isEmpty, "CRLF after every row")
        #expect(table.carriesNames)
        #expect(table.notice.contains("names and phone numbers of 3 people"))
    }

    @Test(arguments: ["=1+1", "+998", "-2", "@SUM(A1)", "\tx", "\rx"])
    func everyFormulaStartIsNeutralised(_ cell: String) {
        #expect(ExportTable.csvField(cell, separator: ",").hasPrefix("'") || ExportTable.csvField(cell, separator: ",").hasPrefix("\"'"))
    }

    @Test func anExportImportsBackIntoAnotherDatabase() throws {
        let (database, _, people) = try programme()
        let csv = try database.export(.participants).csv()
        let sheet = try Spreadsheet.read(data: csv, fileName: "export.csv")
        let other = try Programme.database()

        let report = try other.importParticipants(from: sheet, options: Programme.options())

        #expect(report.problems.isEmpty, "\(report.problems)")
        let copied = try other.participants()
        #expect(copied.map(\.fullName) == people.map(\.fullName), "the neutralising ' is dropped on import")
        #expect(copied.map(\.phone) == people.map(\.phone))
        #expect(copied.map(\.districtCode) == people.map(\.districtCode))
        #expect(copied.map(\.consentDate) == people.map(\.consentDate))
        #expect(report.columns.first?.leftOut == .notUsedByThisImport, "the Id column is left out")
    }

    @Test func filtersByEventRegionAndPeriod() throws {
        let (database, event, people) = try programme()

        #expect(try database.export(.participants, filter: ExportFilter(region: "Samarqand")).rows.count == 1)
        #expect(try database.export(.participants, filter: ExportFilter(eventID: event.id)).rows.count == 2)
        #expect(try database.export(.participants, filter: ExportFilter(from: Programme.day("2020-01-01"))).rows.isEmpty)
        #expect(try database.export(.enrollments, filter: ExportFilter(region: "Xorazm")).rows.count == 2)
        #expect(try database.export(.enrollments, filter: ExportFilter(region: "Samarqand")).rows.isEmpty)
        let attendance = try database.export(.attendance, filter: ExportFilter(to: Programme.day("2019-03-25")))
        #expect(attendance.rows.count == 2)
        #expect(attendance.rows.allSatisfy { $0[2] == .text("2019-03-25") })
        #expect(try database.export(.attendance, filter: ExportFilter(eventID: event.id)).rows.count == 4)
        #expect(throws: MalakaError.self) { try database.export(.attendance, filter: ExportFilter(eventID: 99)) }
        #expect(throws: MalakaError.self) {
            try database.export(.attendance, filter: ExportFilter(from: Programme.day("2019-03-26"), to: Programme.day("2019-03-25")))
        }
        _ = people
    }

    @Test func enrollmentsCarryAttendanceAndCompletion() throws {
        let (database, event, _) = try programme()

        let table = try database.export(.enrollments, filter: ExportFilter(eventID: event.id))

        let credited = table.columns.firstIndex { $0.key == "sessionsCredited" }!
        let completed = table.columns.firstIndex { $0.key == "completed" }!
        #expect(table.rows.map { $0[credited] } == [.integer(1), .integer(2)], "ordered by name; late counts as present")
        #expect(table.rows.map { $0[completed] } == [.bool(false), .bool(false)])
        #expect(csvText(table).contains(",1,4,no\r\n"))
    }

    @Test func jsonSaysItCarriesNames() throws {
        let (database, _, _) = try programme()

        let data = try database.export(.attendance).json()
        let object = try JSONSerialization.jsonObject(with: data) as! [String: Any]

        #expect((object["notice"] as? String)?.contains("names and phone numbers of 2 people") == true)
        #expect(object["export"] as? String == "attendance")
        #expect(object["pseudonymized"] as? Bool == false)
        let rows = object["rows"] as! [[String: Any]]
        #expect(rows.count == 4)
        #expect(rows[0]["status"] as? String == "present")
        #expect(rows[0]["hours"] as? Double == 3)
        #expect(String(decoding: data, as: UTF8.self).hasPrefix("{\n  \"notice\": "), "the notice comes first")
    }

    @Test func pseudonymisedExportsUseStableCodesAndNeverTheSecret() throws {
        let (database, _, people) = try programme()

        let first = try database.export(.participants, pseudonymize: true)
        let again = try database.export(.attendance, pseudonymize: true)

        #expect(!first.carriesNames)
        #expect(first.notice.contains("replaced with codes"))
        let code = first.rows[0][0]
        guard case .text(let text) = code else { Issue.record("no code: \(code)"); return }
        #expect(text.hasPrefix("P-") && text.count == 14)
        #expect(first.rows[0][1] == code, "the name is the person's code")
        #expect(first.rows[0][2] == .null, "no other spelling")
        #expect(first.rows[0][7] != .text(people[0].phone!))
        #expect(first.rows[2][13] == .null, "staff names go too")
        #expect(again.rows.contains { $0[6] == code }, "the same code in every export")
        let secret = try #require(try database.pseudonymSecret())
        for table in [first, again] {
            let text = String(decoding: table.csv() + table.json(), as: UTF8.self)
            #expect(!text.contains(secret))
            #expect(!text.contains("Oʻrinboyev") && !text.contains("+998 90 123 45 67"))
        }
        // Another database, another secret, other codes.
        let other = try Programme.database()
        _ = try other.addParticipant(ParticipantDraft(fullName: "Someone"))
        #expect(try other.export(.participants, pseudonymize: true).rows[0][0] != code)
    }

    @Test func certificatesAreExported() throws {
        let (database, event, people) = try programme()
        try database.writeForTests { db in
            try db.execute(sql: """
                INSERT INTO certificate (serial, series, sequence, eventId, participantId, template, language, issueDate,
                  printedName, contentSHA256, status, createdAt)
                VALUES ('UZ-2019-000001', 'UZ-2019-', 1, ?, ?, 'parenting', 'uz-Latn', '2019-03-29', 'Gʻulomjon Oʻrinboyev', ?, 'valid', '2019-03-29 10:00:00')
                """, arguments: [event.id, people[0].id!, String(repeating: "a", count: 64)])
        }

        let table = try database.export(.certificates, filter: ExportFilter(from: Programme.day("2019-03-01")))

        #expect(table.rows.count == 1)
        #expect(table.rows[0][0] == .text("UZ-2019-000001"))
        #expect(table.rows[0][5] == .text("Gʻulomjon Oʻrinboyev"))
        #expect(try database.export(.certificates, pseudonymize: true).rows[0][5] != .text("Gʻulomjon Oʻrinboyev"))
    }
}

extension AppDatabase {
    func pseudonymSecret() throws -> String? {
        try dbWriter.read { try String.fetchOne($0, sql: "SELECT value FROM meta WHERE key = 'pseudonym-secret'") }
    }

    func writeForTests(_ updates: (Database) throws -> Void) throws {
        try dbWriter.write(updates)
    }
}
