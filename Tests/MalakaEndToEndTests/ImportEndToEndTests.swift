import Foundation
import Testing

/// `participant import` and `attendance import` through the binary.
@Suite struct ImportEndToEndTests {
    static let fixtures = TemporaryProgramme.repositoryRoot.appendingPathComponent("Tests/ImportExportTests/__Fixtures__")

    static func fixture(_ name: String) -> String {
        fixtures.appendingPathComponent(name).path
    }

    /// The `--json` output of `participant import`, as far as the tests read it.
    struct ImportJSON: Decodable {
        struct Row: Decodable {
            var line: Int
            var name: String
            var outcome: String
            var participant: Int64?
        }

        var rows: [Row]
        var newlyEnrolled: Int
        var alreadyEnrolled: Int
        var written: Bool
    }

    /// A programme with the Samarkand training of 7–10 October 2019.
    func samarkand() throws -> (TemporaryProgramme, Int64) {
        let programme = try TemporaryProgramme()
        let event = try programme.createEvent([
            "--course", "PS-PARENTING", "--region", "Samarqand", "--district", "Samarqand tumani",
            "--start", "07.10.2019", "--days", "4", "--time", "14:00-17:00",
        ])
        return (programme, event)
    }

    @Test func aWorkbookIsImportedEnrolledAndItsSignInSheetRecorded() throws {
        let (programme, event) = try samarkand()
        let workbook = Self.fixture("participants-samarkand.xlsx")

        // When the list is imported with the event
        let first = try programme.json(ImportJSON.self, ["participant", "import", workbook, "--event", String(event)])

        // Then the three people are registered and enrolled
        #expect(first.written)
        #expect(first.rows.map(\.outcome) == ["added", "added", "added"])
        #expect(first.newlyEnrolled == 3)
        let people = try programme.json([ParticipantJSON].self, ["participant", "list"])
        #expect(people.map(\.fullName) == ["Toʻxtayeva Malika", "Abdullayeva Hulkar", "Gʻaniyev Sardor"])
        #expect(people.map(\.birthYear) == [1989, 1987, 1983])

        // When it is imported again, then nobody is added twice
        let again = try programme.succeed(["participant", "import", workbook, "--event", String(event)]).stdout
        #expect(again.contains("Already registered, not added again:"))
        #expect(again.contains("row 3: Toʻxtayeva Malika → participant \(people[0].id)"))
        #expect(again.contains("Enrolled 0 in event \(event) (3 enrolled already)."))
        #expect(try programme.json([ParticipantJSON].self, ["participant", "list"]).count == 3)

        // When the sign-in sheet of the same workbook is imported, then the marks are recorded
        let marked = try programme.succeed(["attendance", "import", String(event), workbook, "--sheet", "Davomat"]).stdout
        #expect(marked.contains("Recorded 12 marks for 3 people in event \(event)."))
        let sheet = try programme.json(AttendanceSheetJSON.self, ["attendance", "show", String(event)])
        #expect(sheet.row(people[0].id)?.marks == ["present", "present", "present", "present"])
        #expect(sheet.row(people[1].id)?.marks == ["present", "absent", "present", "late"])
        #expect(sheet.row(people[2].id)?.marks == ["present", "present", "absent", "excused"])
    }

    @Test(arguments: [
        ("uz-latin-bom-semicolon-crlf.csv", ["Gʻulomjon Oʻrinboyev", "Gulnora Karimova", "O\u{02BB}g\u{02BB}iloy Qurbonova"]),
        ("uz-cyrillic-comma-lf.csv", ["Ҳамроева Шоҳида Баҳодир қизи", "Раҳимов Бахтиёр"]),
        ("ru-windows1251-semicolon-crlf.csv", ["Ким Елена Викторовна", "Юсупов Рустам"]),
        ("ky-utf16le-tab-crlf.txt", ["Айгүл Өмүрбекова", "Нурлан уулу Бакыт"]),
        ("en-utf8-tab.tsv", ["Sevara Aliyeva", "Natalya Petrenko", "Meerim Sydykova"]),
    ])
    func everyEncodingSeparatorAndHeaderLanguage(_ file: String, _ names: [String]) throws {
        let programme = try TemporaryProgramme()

        try programme.succeed(["participant", "import", Self.fixture(file)])

        #expect(try programme.json([ParticipantJSON].self, ["participant", "list"]).map(\.fullName) == names)
    }

    @Test func badRowsAreListedWithLineAndColumnAndNothingIsWritten() throws {
        let programme = try TemporaryProgramme()
        let file = Self.fixture("bad-rows.csv")

        let refused = try programme.expectRefused(["participant", "import", file], status: 65, mentioning: [
            "bad-rows.csv: nothing was imported. 18 rows have problems", "--skip-invalid",
            "line 3, column 1 (F.I.Sh.): The name is empty.",
            "line 4, column 2 (Jinsi): “x” is not a sex",
            "line 13, column 7 (Viloyat): “Tashkent” could mean UZ-TK",
            "line 20, column 4 (Tugʻilgan sanasi): The date of birth “25.03.1991” and the birth year 1990 disagree.",
        ])
        #expect(refused.stderr.split(separator: "\n").count == 20, "the refusal and one line per problem")

        // A dry run lists the same, writes nothing, and exits as the real run would.
        let before = try programme.fingerprint()
        let dryRun = try programme.run(["participant", "import", file, "--dry-run"])
        #expect(dryRun.status == 65, "\(dryRun)")
        let dry = dryRun.stdout
        #expect(dry.contains("Would add 1 person:"))
        #expect(dry.contains("Rejected 18 rows:"))
        #expect(dry.contains("Without --dry-run the import would be refused"))
        #expect(try programme.fingerprint().changes(since: before) == nil)

        // With --skip-invalid the good row goes in.
        let skipped = try programme.succeed(["participant", "import", file, "--skip-invalid"]).stdout
        #expect(skipped.contains("Added 1 person:"))
        #expect(try programme.json([ParticipantJSON].self, ["participant", "list"]).map(\.fullName) == ["Good Person"])
    }

    @Test func aProbableDuplicateWaitsForADecision() throws {
        let programme = try TemporaryProgramme()
        let event = try programme.parentingEvent()
        let gulomjon = try programme.addParticipant("Gʻulomjon Oʻrinboyev", ["--sex", "male", "--birth-year", "1984", "--phone", "+998 90 123 45 67"])
        let list = programme.path("royxat.csv")
        try "ФИО;Пол;Год рождения;Телефон\nЎринбоев Ғуломжон Баҳодир ўғли;м;1984;90 123 45 67\nЛола Исмоилова;ж;1985;\n"
            .write(toFile: list, atomically: true, encoding: .utf8)

        // Asked by default: listed, nothing written
        try programme.expectRefused(["participant", "import", list, "--event", String(event)], status: 65, mentioning: [
            "1 row is probably someone already registered", "--on-duplicate link",
            "line 2: Ўринбоев Ғуломжон Баҳодир ўғли — probably participant \(gulomjon) Gʻulomjon Oʻrinboyev",
            "same name across scripts",
        ])

        // Linked: the registered person is enrolled, the other added
        let linked = try programme.json(ImportJSON.self, ["participant", "import", list, "--event", String(event), "--on-duplicate", "link"])
        #expect(linked.rows.map(\.outcome) == ["linked", "added"])
        #expect(linked.rows[0].participant == gulomjon)
        let enrolled = try programme.json(AttendanceSheetJSON.self, ["attendance", "show", String(event)]).rows.map(\.participant)
        #expect(Set(enrolled) == Set([gulomjon, linked.rows[1].participant!]))
    }

    @Test func fileLevelMistakesAreRefused() throws {
        let programme = try TemporaryProgramme()
        let latin = Self.fixture("uz-latin-bom-semicolon-crlf.csv")

        try programme.expectRefused(["participant", "import", programme.path("missing.csv")], status: 74, mentioning: ["missing.csv"])
        try programme.expectRefused(["participant", "import", latin, "--map", "Nowhere=name"], status: 64, mentioning: ["“Nowhere”", "F.I.Sh."])
        try programme.expectRefused(["participant", "import", latin, "--map", "B=shoe-size"], status: 64, mentioning: ["“shoe-size”"])
        try programme.expectRefused(["participant", "import", latin, "--encoding", "koi8"], status: 64, mentioning: ["“koi8”"])
        try programme.expectRefused(["participant", "import", latin, "--on-duplicate", "maybe"], status: 64, mentioning: ["maybe"])
        try programme.expectRefused(["participant", "import", latin, "--event", "99"], status: 65, mentioning: ["no event 99"])
        try programme.expectRefused(["participant", "import", latin, "--new", "40"], status: 64, mentioning: ["Line 40"])
        try programme.expectRefused(["participant", "import", Self.fixture("ru-windows1251-semicolon-crlf.csv"), "--encoding", "utf-8"],
                                    status: 65, mentioning: ["UTF-8"])
        try programme.expectRefused(["participant", "import", Self.fixture("participants-samarkand.xlsx"), "--sheet", "Nope"],
                                    status: 65, mentioning: ["Nope"])
        let noHeader = programme.path("no-header.csv")
        try "a;b\nc;d\n".write(toFile: noHeader, atomically: true, encoding: .utf8)
        try programme.expectRefused(["participant", "import", noHeader], status: 65, mentioning: ["no header row", "--map"])
    }

    @Test func aSignInSheetWithAWrongRowRecordsNothing() throws {
        let programme = try TemporaryProgramme()
        let event = try programme.parentingEvent()
        let people = try programme.addParticipants(["Gʻulomjon Oʻrinboyev", "Gulnora Karimova", "Oʻgʻiloy Qurbonova"])
        try programme.enroll(event, people)
        let sheet = programme.path("davomat.csv")
        try "F.I.Sh.;25.03.2019;26.03.2019\nGulnora Karimova;+;x\nNobody Atall;+;+\nГуломжон Ўринбоев;+;+\n"
            .write(toFile: sheet, atomically: true, encoding: .utf8)

        try programme.expectRefused(["attendance", "import", String(event), sheet], status: 65, mentioning: [
            "davomat.csv: no mark was recorded. 2 rows have problems",
            "line 2, column 3 (26.03.2019): “x” is not an attendance mark",
            "line 3, column 1 (F.I.Sh.): Nobody enrolled in event \(event) is called “Nobody Atall”",
        ])
        let recorded = try programme.succeed(["attendance", "import", String(event), sheet, "--skip-invalid"]).stdout
        #expect(recorded.contains("Recorded 2 marks for 1 person"))
        #expect(try programme.json(AttendanceSheetJSON.self, ["attendance", "show", String(event)]).row(people[0])?.marks
                    == ["present", "present", nil, nil])

        let wrongDay = programme.path("wrong-day.csv")
        try "F.I.Sh.;29.03.2019\nGulnora Karimova;+\n".write(toFile: wrongDay, atomically: true, encoding: .utf8)
        try programme.expectRefused(["attendance", "import", String(event), wrongDay], status: 65,
                                    mentioning: ["Column 2 (“29.03.2019”) names no session of event \(event)"])
    }
}
