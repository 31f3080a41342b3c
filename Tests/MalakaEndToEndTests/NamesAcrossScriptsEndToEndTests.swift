import Foundation
import Testing

/// People and trainers named on the command line in either script (issue 13).
@Suite struct NamesAcrossScriptsEndToEndTests {
    @Test func attendanceFindsAPersonTypedInTheOtherScriptAndRefusesAnAmbiguousName() throws {
        let programme = try TemporaryProgramme()
        let event = try programme.parentingEvent()
        let cyrillic = try programme.addParticipant("Гулнора Рўзметова")
        let other = try programme.addParticipant("Gulnora Karimova")
        try programme.enroll(event, [cyrillic, other])

        // The Latin spelling, in another word order, finds the Cyrillic record
        try programme.succeed(["attendance", "mark", String(event), "--date", "25.03.2019", "--all-present",
                               "--except", "Roʻzmetova Gulnora"])
        let sheet = try programme.json(AttendanceSheetJSON.self, ["attendance", "show", String(event)])
        #expect(sheet.row(cyrillic)?.marks.first == "absent")
        #expect(sheet.row(other)?.marks.first == "present")

        // “Gulnora” could be either: refused, listing both, nothing marked
        try programme.expectRefused(["attendance", "mark", String(event), "--date", "26.03.2019", "--absent", "Gulnora"],
                                    status: 65, mentioning: ["Гулнора Рўзметова (\(cyrillic))", "Gulnora Karimova (\(other))"])
    }

    @Test func enrollAndUnenrollTakeNamesInEitherScript() throws {
        let programme = try TemporaryProgramme()
        let event = try programme.parentingEvent()
        let person = try programme.addParticipant("Gʻulomjon Oʻrinboyev")
        try programme.addParticipant("Gulnora Karimova")
        try programme.addParticipant("Gulnora Rahimova")

        try programme.succeed(["enroll", String(event), "Ўринбоев"])
        #expect(try programme.json([ParticipantJSON].self, ["participant", "list", "--event", String(event)]).map(\.id) == [person])
        try programme.expectRefused(["enroll", String(event), "Гулнора"], status: 65, mentioning: ["Gulnora Karimova", "Gulnora Rahimova"])
        try programme.succeed(["unenroll", String(event), "o'rinboyev"])
        #expect(try programme.json([ParticipantJSON].self, ["participant", "list", "--event", String(event)]).isEmpty)
    }

    @Test func aTrainerWrittenInBothScriptsIsOneTrainerToTheConflictCheck() throws {
        let programme = try TemporaryProgramme()
        let first = try programme.parentingEvent(trainer: "Dilnoza Yusupova")
        try programme.expectRefused([
            "event", "create", "--course", "PS-PARENTING", "--region", "Samarqand", "--start", "26.03.2019", "--days", "2",
            "--time", "10:00-13:00", "--trainer", "Юсупова Дилноза",
        ], status: 65, mentioning: ["Trainer Dilnoza Yusupova", "event \(first)"])
    }

    @Test func theDocumentLanguageIsInferredFromTheNameAndTheRegion() throws {
        let programme = try TemporaryProgramme()
        let cases: [(String, [String], String?)] = [
            ("Шоҳида Ҳамроева", [], "uz-Cyrl"), ("Айгүл Өмүрбекова", [], "ky"), ("Наталья Петренко", [], "ru"),
            ("Бакыт Сыдыков", ["--region", "Chuy"], "ky"), ("Lola Ismoilova", ["--region", "Xorazm"], "uz-Latn"),
            ("Meerim Sydykova", ["--region", "Chuy"], nil), ("Гулнора Рўзметова", ["--language", "ru"], "ru"),
        ]
        for (name, arguments, language) in cases {
            let person = try programme.json(ParticipantJSON.self, ["participant", "add", "--name", name] + arguments)
            #expect(person.language == language, "\(name)")
        }

        let list = programme.path("list.csv")
        try "F.I.Sh.\nШоҳида Ҳамроева\nAygul Omurbekova\nБермет Өмүрова\n".write(toFile: list, atomically: true, encoding: .utf8)
        let fresh = try TemporaryProgramme()
        let summary = try fresh.succeed(["participant", "import", list]).stdout
        #expect(summary.contains("Document language inferred from the name's script and the region for 3 people: 1 ky, 1 uz-Cyrl, 1 uz-Latn"), "\(summary)")
    }

    @Test func aCertificateInAnotherScriptThanItsNameIsRefusedOfferingATransliteration() throws {
        let training = try CertificatesEndToEndTests.Training([("Ғуломжон Ўринбоев", "uz-Latn")])
        let person = training.people[0]

        try training.programme.expectRefused(training.issueArguments(["--out", "certificates"]), status: 65, mentioning: [
            "“Ғуломжон Ўринбоев” on a uz-Latn certificate", "“Gʻulomjon Oʻrinboyev”",
            "malaka participant edit \(person) --alt-name \"Gʻulomjon Oʻrinboyev\"", "--allow-other-script",
        ])

        // With the other spelling registered, it prints that; asked for, it prints the name as it is
        try training.programme.succeed(["participant", "edit", String(person), "--alt-name", "Gʻulomjon Oʻrinboyev"])
        let issued = try training.issue(["--out", "certificates", "--json"])
        #expect(issued.first?.name == "Gʻulomjon Oʻrinboyev")
        let other = try CertificatesEndToEndTests.Training([("Ғуломжон Ўринбоев", "en")])
        let asIs = try other.issue(["--out", "certificates", "--json", "--allow-other-script"])
        #expect(asIs.first?.name == "Ғуломжон Ўринбоев")
    }

    @Test func invisibleAndOverlongTextIsRefusedFromTheCommandLineAsFromFiles() throws {
        let programme = try TemporaryProgramme()
        for (option, text, character) in [
            ("--name", "Malika\u{1B}[2J Yusupova", "U+001B"), ("--organisation", "NNT \u{202E}kilkshat", "U+202E"),
            ("--name", "Malika\u{200B} Yusupova", "U+200B"), ("--locality", "Navbahor\u{2028}MFY", "U+2028"),
        ] {
            var arguments = ["participant", "add", "--name", "Lola Ismoilova"]
            if option == "--name" { arguments = ["participant", "add"] }
            try programme.expectRefused(arguments + [option, text], status: 65, mentioning: [character])
        }
        try programme.expectRefused(["participant", "add", "--name", String(repeating: "Abdurahmonov ", count: 20)],
                                    status: 65, mentioning: ["at most 150"])
        try programme.expectRefused([
            "event", "create", "--course", "PS-PARENTING", "--region", "Xorazm", "--start", "25.03.2019", "--days", "1",
            "--time", "09:00-12:00", "--venue", "Mahalla\u{200D} markazi",
        ], status: 65, mentioning: ["venue", "U+200D"])
        try programme.expectRefused([
            "event", "create", "--course", "PS-PARENTING", "--region", "Xorazm", "--start", "25.03.2019", "--days", "1",
            "--time", "09:00-12:00", "--trainer", "Dilnoza\u{1B}]0;x\u{7} Yusupova",
        ], status: 65, mentioning: ["trainer", "U+001B"])
        // The same characters in a file are refused the same way
        let list = programme.path("list.csv")
        try "F.I.Sh.;Tashkilot\nLola Ismoilova;NNT\u{200B}\n".write(toFile: list, atomically: true, encoding: .utf8)
        let imported = try programme.run(["participant", "import", list])
        #expect(imported.status == 65 && imported.stderr.contains("U+200B"), "\(imported)")
    }
}
