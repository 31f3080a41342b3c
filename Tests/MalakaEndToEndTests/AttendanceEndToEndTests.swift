import Foundation
import Testing

@Suite struct AttendanceEndToEndTests {
    /// A parenting training with four people enrolled: the course completes at 80 %, and late counts as present.
    struct Training {
        let programme: TemporaryProgramme
        let event: Int64
        let gulomjon: Int64
        let gulnora: Int64
        let shohida: Int64
        let ogiloy: Int64

        init() throws {
            programme = try TemporaryProgramme()
            event = try programme.parentingEvent(capacity: 25)
            let people = try programme.addParticipants([
                "G\u{02BB}ulomjon O\u{02BB}rinboyev", "Gulnora Karimova", "Шоҳида Ҳамроева", "O\u{02BB}g\u{02BB}iloy Qurbonova",
            ])
            (gulomjon, gulnora, shohida, ogiloy) = (people[0], people[1], people[2], people[3])
            try programme.enroll(event, people)
        }

        @discardableResult
        func mark(_ date: String, _ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
            try programme.succeed(["attendance", "mark", String(event), "--date", date] + arguments,
                                  sourceLocation: sourceLocation).stdout
        }

        func sheet() throws -> AttendanceSheetJSON {
            try programme.json(AttendanceSheetJSON.self, ["attendance", "show", String(event)])
        }
    }

    @Test func aTrainersFourDays() throws {
        // Given the training, when four days are marked the way a trainer does
        let training = try Training()
        let id = { (person: Int64) in String(person) }
        let first = try training.mark("25.03.2019", ["--all-present"])
        try training.mark("2019-03-26", ["--all-present", "--except", id(training.ogiloy), "--late", "Karimova"])
        try training.mark("27.03.2019", ["--all-present", "--except", id(training.ogiloy), "шоҳида"])
        try training.mark("28.03.2019", ["--all-present", "--excused", "qurbonova"])

        // Then each day is confirmed
        #expect(first == "Recorded 4 attendance mark(s) for event \(training.event) on 25.03.2019.\n")

        // And the sheet shows the marks, rates and who completed under the 80 % rule
        let sheet = try training.sheet()
        #expect(sheet.event == training.event)
        #expect(sheet.title == "Positive parenting skills")
        #expect(sheet.minimumShare == 0.8)
        #expect(sheet.sessions == ["2019-03-25T09:00", "2019-03-26T09:00", "2019-03-27T09:00", "2019-03-28T09:00"])
        #expect(sheet.completed == 2)
        #expect(sheet.rows.map(\.participant) == [training.gulnora, training.gulomjon, training.ogiloy, training.shohida],
                "rows by name")
        let gulomjon = try #require(sheet.row(training.gulomjon))
        #expect(gulomjon.marks == ["present", "present", "present", "present"])
        #expect(gulomjon.attended == 4 && gulomjon.rate == 1 && gulomjon.completed)
        let gulnora = try #require(sheet.row(training.gulnora))
        #expect(gulnora.marks == ["present", "late", "present", "present"])
        #expect(gulnora.attended == 4 && gulnora.rate == 1 && gulnora.completed, "late counts as present")
        let shohida = try #require(sheet.row(training.shohida))
        #expect(shohida.marks == ["present", "present", "absent", "present"])
        #expect(shohida.attended == 3 && shohida.rate == 0.75 && !shohida.completed, "3 of 4 is under 80 %")
        let ogiloy = try #require(sheet.row(training.ogiloy))
        #expect(ogiloy.marks == ["present", "absent", "absent", "excused"])
        #expect(ogiloy.attended == 1 && ogiloy.rate == 0.25 && !ogiloy.completed, "excused does not count")

        // And the table says the same to a person
        let table = try training.programme.succeed(["attendance", "show", String(training.event)]).stdout
        #expect(table.contains("Event \(training.event): Positive parenting skills"))
        #expect(table.contains("Completion: at least 80% of 4 sessions."))
        #expect(table.contains("25.03  26.03  27.03  28.03  Rate  Completed"))
        #expect(cells(of: "Gulnora Karimova", in: table) == ["P", "L", "P", "P", "100%", "yes"])
        #expect(cells(of: "Шоҳида Ҳамроева", in: table) == ["P", "P", "A", "P", "75%", "no"])
        #expect(cells(of: "O\u{02BB}g\u{02BB}iloy Qurbonova", in: table) == ["P", "A", "A", "E", "25%", "no"])
        #expect(table.hasSuffix("2 of 4 completed.\n"))
    }

    @Test func fourOfFiveSessionsMeetsTheEightyPercentRule() throws {
        // Given a five-session monitoring training (80 %) with two people
        let programme = try TemporaryProgramme()
        let event = try programme.createEvent([
            "--course", "CR-MONITORING", "--region", "Chuy", "--session", "2019-09-16", "--session", "2019-09-17",
            "--session", "2019-09-18", "--session", "2019-09-19", "--session", "2019-09-20@09:00-13:00",
            "--time", "09:00-13:00",
        ])
        let people = try programme.addParticipants(["Айгүл Өмүрбекова", "Нурлан уулу Бакыт"])
        try programme.enroll(event, people)

        // When the first misses one day and the second misses two, coming late once
        for (day, arguments) in [
            ("16.09.2019", ["--all-present"]), ("17.09.2019", ["--all-present", "--except", "Өмүрбекова"]),
            ("18.09.2019", ["--all-present", "--except", "бакыт"]), ("19.09.2019", ["--all-present", "--absent", "Бакыт"]),
            ("20.09.2019", ["--present", String(people[0]), "--late", String(people[1])]),
        ] {
            try programme.succeed(["attendance", "mark", String(event), "--date", day] + arguments)
        }

        // Then four of five is exactly 80 % and completes; three of five does not
        let sheet = try programme.json(AttendanceSheetJSON.self, ["attendance", "show", String(event)])
        let aigul = try #require(sheet.row(people[0]))
        let nurlan = try #require(sheet.row(people[1]))
        #expect(aigul.attended == 4 && aigul.rate == 0.8 && aigul.completed)
        #expect(nurlan.marks == ["present", "present", "absent", "absent", "late"])
        #expect(nurlan.attended == 3 && nurlan.rate == 0.6 && !nurlan.completed)
        #expect(sheet.completed == 1)
        #expect(try programme.succeed(["attendance", "show", String(event)]).stdout.hasSuffix("1 of 2 completed.\n"))
    }

    @Test func markingADayAgainReplacesItsMarks() throws {
        let training = try Training()
        try training.mark("2019-03-25", ["--all-present"])

        let again = try training.mark("2019-03-25", ["--absent", "Karimova"])

        #expect(again == "Recorded 1 attendance mark(s) for event \(training.event) on 25.03.2019.\n")
        let sheet = try training.sheet()
        #expect(sheet.row(training.gulnora)?.marks.first == "absent")
        #expect(sheet.row(training.gulomjon)?.marks.first == "present", "the others keep their mark")
        #expect(sheet.row(training.gulomjon)?.marks.dropFirst().allSatisfy { $0 == nil } == true)
    }

    @Test func aDayWithTwoSessionsNeedsTheStartTime() throws {
        // Given an event with a morning and an afternoon session on one day
        let programme = try TemporaryProgramme()
        let event = try programme.createEvent([
            "--course", "CYF-MUNICIPALITY", "--region", "Xorazm",
            "--session", "2019-05-14@09:00-12:00", "--session", "2019-05-14@14:00-17:00",
        ])
        let gulnora = try programme.addParticipant("Gulnora Karimova")
        try programme.enroll(event, [gulnora])
        let mark = ["attendance", "mark", String(event), "--date", "2019-05-14", "--all-present"]

        // Then marking the day needs --start-time, which must be one of its sessions
        try programme.expectRefused(mark, status: 64, mentioning: ["2019-05-14", "09:00, 14:00", "--start-time"])
        try programme.expectRefused(mark + ["--start-time", "10:00"], status: 65, mentioning: ["10:00", "09:00, 14:00"])
        try programme.succeed(mark + ["--start-time", "14:00"])
        let sheet = try programme.json(AttendanceSheetJSON.self, ["attendance", "show", String(event)])
        #expect(sheet.sessions == ["2019-05-14T09:00", "2019-05-14T14:00"])
        #expect(sheet.row(gulnora)?.marks == [nil, "present"])
    }

    @Test func badMarksAreRefusedAndChangeNothing() throws {
        // Given the training with a day already marked, and someone registered but not enrolled
        let training = try Training()
        try training.mark("2019-03-25", ["--all-present", "--late", "Karimova"])
        let outsider = try training.programme.addParticipant("Lola Ismoilova")
        let event = String(training.event)
        func refuse(_ arguments: [String], _ status: Int32, _ mentions: [String],
                    sourceLocation: SourceLocation = #_sourceLocation) throws {
            try training.programme.expectRefused(["attendance", "mark"] + arguments, status: status,
                                                 mentioning: mentions, sourceLocation: sourceLocation)
        }

        // Then each mistake is named, and nothing is written
        try refuse([event, "--date", "2019-03-26", "--present", String(outsider)], 65,
                   ["Lola Ismoilova (\(outsider))", "not enrolled", "malaka enroll \(event) \(outsider)"])
        try refuse([event, "--date", "2019-03-26", "--all-present", "--late", String(outsider)], 65,
                   ["Lola Ismoilova (\(outsider))", "not enrolled"])
        try refuse([event, "--date", "2019-03-26", "--all-present", "--late", "Ismoilova"], 65,
                   ["“Ismoilova”", "enrolled"])
        try refuse([event, "--date", "2019-04-01", "--all-present"], 65,
                   ["2019-04-01", "no session", "2019-03-25, 2019-03-26, 2019-03-27, 2019-03-28"])
        try refuse([event, "--date", "2019-03-24", "--all-present"], 65, ["2019-03-24", "no session"])
        try refuse([event, "--date", "31.02.2019", "--all-present"], 64, ["'31.02.2019'", "--date"])
        try refuse([event, "--date", "2019-13-01", "--all-present"], 64, ["'2019-13-01'", "--date"])
        try refuse(["99", "--date", "2019-03-26", "--all-present"], 65, ["event 99"])
        try refuse([event, "--date", "2019-03-26", "--present", "99"], 65, ["participant 99"])
        try refuse([event, "--date", "2019-03-26", "--present", "ova"], 65, ["“ova”", "Gulnora Karimova", "Qurbonova"])
        try refuse([event, "--date", "2019-03-26", "--present", "Karimova", "--late", String(training.gulnora)], 64,
                   ["Participant \(training.gulnora)", "both present and late"])
        try refuse([event, "--date", "2019-03-26", "--except", "Karimova"], 64, ["--except", "--all-present"])
        try refuse([event, "--date", "2019-03-26"], 64, ["--all-present"])
        try refuse([event, "--all-present"], 64, ["--date"])
        try training.programme.expectRefused(["attendance", "show", "99"], status: 65, mentioning: ["event 99"])
    }

    /// The cells after a person's name in the attendance table.
    private func cells(of name: String, in table: String) -> [String] {
        guard let line = table.split(separator: "\n").first(where: { $0.contains(" \(name) ") }),
              let range = line.range(of: name)
        else { return [] }
        return line[range.upperBound...].split(separator: " ").map(String.init)
    }
}
