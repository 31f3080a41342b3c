import Foundation
import Testing
@testable import TrainingCore

@Suite struct AttendanceImportTests {
    /// The Urganch training with the three people of `sign-in-urganch.csv` enrolled, registered in Latin script.
    func urganch() throws -> (AppDatabase, EventDetail, [Int64]) {
        let database = try Programme.database()
        let event = try Programme.urganchTraining(database)
        let people = try database.addParticipants([
            ParticipantDraft(fullName: "Gʻulomjon Oʻrinboyev", sex: .male, category: .parent),
            ParticipantDraft(fullName: "Gulnora Karimova", sex: .female, category: .parent),
            ParticipantDraft(fullName: "Oʻgʻiloy Qurbonova", sex: .female, category: .parent),
            ParticipantDraft(fullName: "Lola Ismoilova", sex: .female, category: .parent),
        ]).map { $0.id! }
        try database.enroll(eventID: event.id, participantIDs: people)
        return (database, event, people)
    }

    @Test(arguments: [
        ("+", AttendanceStatus.present), ("1", .present), ("v", .present), ("✓", .present), ("b", .present), ("bor", .present),
        ("н", .absent), ("yo'q", .absent), ("yoʻq", .absent), ("-", .absent), ("0", .absent), ("нб", .absent),
        ("kech", .late), ("late", .late), ("опоздал", .late), ("Опоздала", .late),
        ("sababli", .excused), ("уваж", .excused), ("уважительная", .excused), ("excused", .excused),
    ])
    func marksInTheWordsTrainersWrite(_ text: String, _ status: AttendanceStatus) throws {
        #expect(try AttendanceMarkReading.status(text) == status)
    }

    @Test func anEmptyCellIsNoMarkAndAnUnknownOneIsRefused() throws {
        #expect(try AttendanceMarkReading.status("  ") == nil)
        #expect(throws: MalakaError.self) { try AttendanceMarkReading.status("x") }
        #expect(throws: MalakaError.self) { try AttendanceMarkReading.status("б") }
    }

    @Test func aSignInSheetIsRecordedFindingPeopleInEitherScriptAndWordOrder() throws {
        let (database, event, people) = try urganch()

        let report = try database.importAttendance(eventID: event.id, from: Fixture.sheet("sign-in-urganch.csv"),
                                                   options: AttendanceImportOptions())

        #expect(report.problems.isEmpty, "\(report.problems)")
        #expect(report.written)
        #expect(report.sessionColumns.map(\.session?.date.iso) == ["2019-03-25", "2019-03-26", "2019-03-27", "2019-03-28"])
        #expect(report.rows.map(\.participantID) == Array(people.prefix(3)))
        #expect(report.rows.map(\.identification) == [.name, .name, .name])
        #expect(report.markCount == 11)
        let sheet = try database.attendanceSheet(eventID: event.id)
        func marks(_ id: Int64) -> [AttendanceStatus?] { sheet.rows.first { $0.participant.id == id }!.marks }
        #expect(marks(people[0]) == [.present, .present, .late, .present])
        #expect(marks(people[1]) == [.present, .absent, .excused, nil])
        #expect(marks(people[2]) == [.present, .absent, .absent, .absent])
        #expect(marks(people[3]) == [nil, nil, nil, nil])
    }

    @Test func importingTheSheetTwiceChangesNoMark() throws {
        let (database, event, _) = try urganch()
        _ = try database.importAttendance(eventID: event.id, from: Fixture.sheet("sign-in-urganch.csv"), options: AttendanceImportOptions())
        let before = try database.attendanceSheet(eventID: event.id).rows.map(\.marks)

        _ = try database.importAttendance(eventID: event.id, from: Fixture.sheet("sign-in-urganch.csv"), options: AttendanceImportOptions())

        #expect(try database.attendanceSheet(eventID: event.id).rows.map(\.marks) == before)
    }

    @Test func aNameInAnotherSpellingIsFoundAndSaidSo() throws {
        let (database, event, people) = try urganch()
        let sheet = try Fixture.csv("""
            ФИО;1;2
            Каримова Гулнора Рустамовна;+;+
            """)

        let report = try database.importAttendance(eventID: event.id, from: sheet, options: AttendanceImportOptions())

        #expect(report.rows.map(\.participantID) == [people[1]])
        guard case .similarName(let reasons) = report.rows.first?.identification else {
            Issue.record("expected a similar name: \(report.rows)")
            return
        }
        #expect(!reasons.isEmpty)
        #expect(report.sessionColumns.map(\.session?.date.iso) == ["2019-03-25", "2019-03-26"], "session numbers")
    }

    @Test func emptyCellsCanBeRecordedAsAbsent() throws {
        let (database, event, people) = try urganch()

        _ = try database.importAttendance(eventID: event.id, from: Fixture.sheet("sign-in-urganch.csv"),
                                          options: AttendanceImportOptions(emptyIsAbsent: true))

        let row = try database.attendanceSheet(eventID: event.id).rows.first { $0.participant.id == people[1] }!
        #expect(row.marks == [.present, .absent, .excused, .absent])
    }

    @Test func badRowsAreReportedAndNothingIsRecorded() throws {
        let (database, event, people) = try urganch()
        _ = try database.addParticipant(ParticipantDraft(fullName: "Nodira Yoʻldosheva"))
        let sheet = try Fixture.csv("""
            Id;F.I.Sh.;25.03;26.03
            ;Gulnora Karimova;+;x
            ;Nodira Yo'ldosheva;+;+
            ;Nobody Atall;+;+
            \(people[0]);Lola Ismoilova;+;+
            99;;+;+
            ;Gulnora Karimova;+;+
            ;Lola Ismoilova;+;+
            """)

        let report = try database.importAttendance(eventID: event.id, from: sheet, options: AttendanceImportOptions())

        #expect(!report.written)
        #expect(report.problems.map(\.line) == [2, 3, 4, 5, 6])
        #expect(report.problems[0].description.hasPrefix("line 2, column 4 (26.03): “x” is not an attendance mark"))
        #expect(report.problems[1].reason.contains("not enrolled in event \(event.id)"))
        #expect(report.problems[2].reason.contains("Nobody enrolled"))
        #expect(report.problems[3].reason.contains("is Gʻulomjon Oʻrinboyev, but this row says “Lola Ismoilova”"))
        #expect(report.problems[4].reason.contains("no participant 99"))
        #expect(report.rows.map(\.line) == [7, 8])
        #expect(try database.attendanceSheet(eventID: event.id).rows.allSatisfy { $0.marks.allSatisfy { $0 == nil } })

        let skipping = try database.importAttendance(eventID: event.id, from: sheet, options: AttendanceImportOptions(skipInvalid: true))
        #expect(skipping.written)
        #expect(skipping.markCount == 4)
    }

    @Test func aPersonOnTwoRowsIsRefused() throws {
        let (database, event, _) = try urganch()
        let sheet = try Fixture.csv("F.I.Sh.;25.03.2019\nGulnora Karimova;+\nKarimova Gulnora;н\n")

        let report = try database.importAttendance(eventID: event.id, from: sheet, options: AttendanceImportOptions())

        #expect(report.problems.map(\.line) == [3])
        #expect(report.problems[0].reason.contains("line 2 already"))
    }

    @Test func aColumnThatIsNoSessionRefusesTheSheet() throws {
        let (database, event, _) = try urganch()
        let sheet = try Fixture.csv("F.I.Sh.;25.03.2019;29.03.2019\nGulnora Karimova;+;+\n")

        #expect {
            try database.importAttendance(eventID: event.id, from: sheet, options: AttendanceImportOptions())
        } throws: { error in
            let message = (error as? MalakaError)?.message ?? ""
            guard case .correctSessionHeaderOrIgnore(_, column: "3")? = (error as? MalakaError)?.remedy else { return false }
            return message.contains("Column 3 (“29.03.2019”)")
        }
        // Leaving it out with --map lets the rest in.
        let report = try database.importAttendance(eventID: event.id, from: sheet, options: AttendanceImportOptions(map: ["3=ignore"]))
        #expect(report.markCount == 1)
    }

    @Test func aWorksheetWithDateCellsAsHeaders() throws {
        // Given the Samarkand training and its three people
        let database = try Programme.database()
        let event = try Programme.samarkandTraining(database)
        _ = try database.importParticipants(from: Fixture.sheet("participants-samarkand.xlsx"),
                                            options: Programme.options { $0.eventID = event.id })

        // When the “Davomat” sheet of the same workbook is imported
        let report = try database.importAttendance(
            eventID: event.id, from: Fixture.sheet("participants-samarkand.xlsx", sheetName: "Davomat"), options: AttendanceImportOptions())

        // Then every person is found, in Latin or Cyrillic, surname first or last
        #expect(report.problems.isEmpty, "\(report.problems)")
        #expect(report.rows.count == 3)
        #expect(report.markCount == 12)
        let sheet = try database.attendanceSheet(eventID: event.id)
        #expect(sheet.rows.map(\.marks) == [
            [.present, .absent, .present, .late],   // Abdullayeva Hulkar
            [.present, .present, .absent, .excused], // Gʻaniyev Sardor
            [.present, .present, .present, .present], // Toʻxtayeva Malika
        ])
    }
}
