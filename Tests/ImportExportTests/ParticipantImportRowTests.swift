import Foundation
import Testing
@testable import TrainingCore

/// Bad rows, dry runs, duplicates and re-imports.
@Suite struct ParticipantImportRowTests {
    struct BadRow: Sendable, CustomTestStringConvertible {
        var line: Int
        var column: Int?
        var mentions: [String]
        var testDescription: String { "line \(line)" }
    }

    /// Each bad line of `bad-rows.csv`, its column and what the reason names.
    static let badRows: [BadRow] = [
        BadRow(line: 3, column: 1, mentions: ["name is empty"]),
        BadRow(line: 4, column: 2, mentions: ["“x”", "female or male"]),
        BadRow(line: 5, column: 3, mentions: ["1850"]),
        BadRow(line: 6, column: 4, mentions: ["“31.02.1987”", "not a day that exists"]),
        BadRow(line: 7, column: 4, mentions: ["“25.03.87”", "four digits"]),
        BadRow(line: 8, column: 5, mentions: ["“abc”", "not an age"]),
        BadRow(line: 9, column: 5, mentions: ["200"]),
        BadRow(line: 10, column: 5, mentions: ["age 10", "1990", "disagree"]),
        BadRow(line: 11, column: 6, mentions: ["“boss”", "parent"]),
        BadRow(line: 12, column: 7, mentions: ["“Narnia”"]),
        BadRow(line: 13, column: 7, mentions: ["“Tashkent”", "UZ-TK", "UZ-TO"]),
        BadRow(line: 14, column: 8, mentions: ["“Urgut”", "UZ-XO"]),
        BadRow(line: 15, column: 8, mentions: ["“Nowhere”", "region column"]),
        BadRow(line: 16, column: 9, mentions: ["“12-34”", "phone"]),
        BadRow(line: 17, column: 10, mentions: ["“fr”", "uz-Latn"]),
        BadRow(line: 18, column: 11, mentions: ["Coordinator", "no date"]),
        BadRow(line: 20, column: 4, mentions: ["25.03.1991", "1990", "disagree"]),
    ]

    func badRowsReport(_ configure: (inout ParticipantImportOptions) -> Void = { _ in }) throws -> (AppDatabase, ParticipantImportReport) {
        let database = try Programme.database()
        let report = try database.importParticipants(from: Fixture.sheet("bad-rows.csv"), options: Programme.options(configure))
        return (database, report)
    }

    @Test(arguments: badRows)
    func everyBadRowIsReportedWithItsLineColumnAndReason(_ bad: BadRow) throws {
        let (_, report) = try badRowsReport()

        let problems = report.problems.filter { $0.line == bad.line }
        try #require(problems.count == 1, "\(report.problems)")
        #expect(problems[0].column == bad.column)
        for fragment in bad.mentions {
            #expect(problems[0].description.contains(fragment), "\(problems[0])")
        }
        #expect(problems[0].description.hasPrefix("line \(bad.line), column \(bad.column!) ("))
    }

    @Test func aRowWithTwoProblemsReportsBoth() throws {
        let (_, report) = try badRowsReport()

        let problems = report.problems.filter { $0.line == 19 }
        #expect(problems.map(\.column) == [2, 3])
        #expect(problems[0].description.hasPrefix("line 19, column 2 (Jinsi): “x”"))
    }

    @Test func nothingIsWrittenWhenARowIsBad() throws {
        let (database, report) = try badRowsReport()

        #expect(!report.written)
        #expect(report.rejectedLines.count == 18)
        #expect(report.refusals.first?.message.contains("18 rows have problems") == true)
        #expect(report.added.map(\.line) == [2])
        #expect(try database.participants().isEmpty)
    }

    @Test func skipInvalidImportsTheGoodRows() throws {
        let (database, report) = try badRowsReport { $0.skipInvalid = true }

        #expect(report.written)
        #expect(report.refusals.isEmpty)
        #expect(try database.participants().map(\.fullName) == ["Good Person"])
    }

    @Test func aDryRunWritesNothing() throws {
        let database = try Programme.database()
        let event = try Programme.urganchTraining(database)

        let report = try database.importParticipants(
            from: Fixture.sheet("uz-latin-bom-semicolon-crlf.csv"), options: Programme.options { $0.dryRun = true; $0.eventID = event.id })

        #expect(!report.written)
        #expect(report.added.count == 3)
        #expect(report.newlyEnrolled == 3)
        #expect(try database.participants().isEmpty)
        #expect(try database.eventDetail(id: event.id).enrolledCount == 0)
    }

    @Test func importingTheSameFileTwiceAddsNobodyTwice() throws {
        let database = try Programme.database()
        let event = try Programme.urganchTraining(database)
        let options = Programme.options { $0.eventID = event.id }
        let first = try database.importParticipants(from: Fixture.sheet("uz-latin-bom-semicolon-crlf.csv"), options: options)

        let second = try database.importParticipants(from: Fixture.sheet("uz-latin-bom-semicolon-crlf.csv"), options: options)

        #expect(second.written)
        #expect(second.added.isEmpty)
        #expect(second.alreadyRegistered.map(\.participantID) == first.rows.map(\.participantID))
        #expect(second.newlyEnrolled == 0)
        #expect(second.alreadyEnrolled == 3)
        #expect(try database.participants().count == 3)
        #expect(try database.eventDetail(id: event.id).enrolledCount == 3)
    }

    @Test func theSamePersonTwiceInOneFileIsAddedOnce() throws {
        let database = try Programme.database()
        let sheet = try Fixture.csv("""
            F.I.Sh.;Tugʻilgan yili
            Gulnora Karimova;1990
            Lola Ismoilova;1990
            KARIMOVA Gulnora;1990
            Gulnora Karimova;1991
            """)

        let report = try database.importParticipants(from: sheet, options: Programme.options())

        #expect(report.rows.map(\.outcome) == [.add(similar: []), .add(similar: []), .sameAsLine(2), .add(similar: [])],
                "another birth year is another person")
        #expect(report.rows[2].participantID == report.rows[0].participantID)
        #expect(try database.participants().count == 3)
    }

    // MARK: Probable duplicates

    /// A database where Gulnora Karimova, born 1990, is registered in Latin script.
    func databaseWithGulnora() throws -> (AppDatabase, Participant) {
        let database = try Programme.database()
        let gulnora = try database.addParticipant(ParticipantDraft(fullName: "Gulnora Karimova", sex: .female, birthYear: 1990,
                                                                   category: .parent, region: "Xorazm"))
        return (database, gulnora)
    }

    static let cyrillicGulnora = """
        ФИО;Пол;Год рождения
        Каримова Гулнора Рустамовна;ж;1990
        Лола Исмоилова;ж;1985
        """

    @Test func aProbableDuplicateIsListedAndNothingWrittenUntilTheUserChooses() throws {
        let (database, gulnora) = try databaseWithGulnora()

        let report = try database.importParticipants(from: Fixture.csv(Self.cyrillicGulnora), options: Programme.options())

        #expect(!report.written)
        let undecided = try #require(report.undecided.first)
        #expect(undecided.line == 2)
        guard case .undecided(let candidates) = undecided.outcome else { return }
        #expect(candidates.map(\.participantID) == [gulnora.id!])
        #expect(candidates[0].isProbable)
        #expect(candidates[0].reasons.contains { $0.contains("across scripts") }, "\(candidates[0].reasons)")
        #expect(report.refusals.contains { $0.remedy == .chooseLinkOrNew })
        #expect(try database.participants().count == 1)
    }

    @Test func linkTakesTheRowAsTheRegisteredPersonAndEnrollsThem() throws {
        let (database, gulnora) = try databaseWithGulnora()
        let event = try Programme.urganchTraining(database)

        let report = try database.importParticipants(
            from: Fixture.csv(Self.cyrillicGulnora), options: Programme.options { $0.onDuplicate = .link; $0.eventID = event.id })

        #expect(report.written)
        #expect(report.linked.map(\.participantID) == [gulnora.id])
        #expect(report.added.map(\.fullName) == ["Лола Исмоилова"])
        #expect(try database.participants().count == 2)
        #expect(try database.attendanceSheet(eventID: event.id).rows.map(\.participant.id).contains(gulnora.id))
        #expect(try database.participant(id: gulnora.id!) == gulnora, "the registered record is not changed")
    }

    @Test func newAddsTheRowAsANewPersonAndSaysWhoItResembles() throws {
        let (database, gulnora) = try databaseWithGulnora()

        let report = try database.importParticipants(
            from: Fixture.csv(Self.cyrillicGulnora), options: Programme.options { $0.onDuplicate = .new })

        #expect(report.written)
        #expect(report.addedDespiteSimilar.map(\.line) == [2])
        guard case .add(let similar) = report.addedDespiteSimilar[0].outcome else { return }
        #expect(similar.first?.participantID == gulnora.id)
        #expect(try database.participants().count == 3)
    }

    @Test func decisionsCanBeGivenLineByLine() throws {
        let (database, gulnora) = try databaseWithGulnora()
        let sheet = try Fixture.csv(Self.cyrillicGulnora + "\nГулнора Каримова;ж;1990")

        let report = try database.importParticipants(from: sheet, options: Programme.options {
            $0.linkLines = [2: gulnora.id!]
            $0.newLines = [4]
        })

        #expect(report.written)
        #expect(report.rows.map(\.outcome.kind) == ["link", "add", "add"])
        #expect(try database.participants().count == 3)
    }

    @Test func aLinkToNobodyOrALineThatIsNoRowIsRefused() throws {
        let (database, _) = try databaseWithGulnora()

        #expect(throws: MalakaError(.usage, .unknownParticipant, "names nobody: there is no participant 99.", subject: .participant(99),
                                    location: .input(.link(line: 2, participant: 99)), remedy: .searchParticipants)) {
            try database.importParticipants(from: Fixture.csv(Self.cyrillicGulnora), options: Programme.options { $0.linkLines = [2: 99] })
        }
        #expect(throws: MalakaError.self) {
            try database.importParticipants(from: Fixture.csv(Self.cyrillicGulnora), options: Programme.options { $0.newLines = [40] })
        }
    }

    @Test func aFullEventRefusesTheImport() throws {
        let database = try Programme.database()
        let event = try Programme.urganchTraining(database, capacity: 2)

        let report = try database.importParticipants(
            from: Fixture.sheet("uz-latin-bom-semicolon-crlf.csv"), options: Programme.options { $0.eventID = event.id })

        #expect(!report.written)
        #expect(report.refusals.contains { $0.message.contains("has 2 places") })
        #expect(try database.participants().isEmpty)
    }

    @Test func aCancelledOrUnknownEventIsRefused() throws {
        let database = try Programme.database()
        let event = try Programme.urganchTraining(database)
        _ = try database.cancelEvent(id: event.id, reason: "Flood")

        #expect(throws: MalakaError.self) {
            try database.importParticipants(from: Fixture.sheet("en-utf8-tab.tsv"), options: Programme.options { $0.eventID = event.id })
        }
        #expect(throws: MalakaError.self) {
            try database.importParticipants(from: Fixture.sheet("en-utf8-tab.tsv"), options: Programme.options { $0.eventID = 99 })
        }
        #expect(try database.participants().isEmpty)
    }
}

extension ParticipantImportReport.Outcome {
    var kind: String {
        switch self {
        case .add: "add"
        case .alreadyRegistered: "alreadyRegistered"
        case .sameAsLine: "sameAsLine"
        case .link: "link"
        case .undecided: "undecided"
        }
    }
}
