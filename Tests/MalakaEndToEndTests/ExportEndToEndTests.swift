import Foundation
import Testing

/// `export`, `participant duplicates`, `participant merge` and cross-script search through the binary.
@Suite struct ExportEndToEndTests {
    /// The Urganch training with two people, one with a name that is a formula, marked on the first day.
    func programme() throws -> (TemporaryProgramme, Int64, [Int64]) {
        let programme = try TemporaryProgramme()
        let event = try programme.parentingEvent()
        let gulomjon = try programme.addParticipant("Gʻulomjon Oʻrinboyev", [
            "--phone", "+998 90 123 45 67", "--region", "Xorazm", "--sex", "male", "--birth-year", "1984",
        ])
        let formula = try programme.addParticipant("=HYPERLINK(\"http://evil.example\",\"x\")", ["--organisation", "@SUM(1)"])
        try programme.enroll(event, [gulomjon, formula])
        try programme.succeed(["attendance", "mark", String(event), "--date", "25.03.2019", "--all-present"])
        return (programme, event, [gulomjon, formula])
    }

    @Test func csvHasABOMNeutralisedFormulasAndANoteOnStandardError() throws {
        let (programme, _, _) = try programme()

        let result = try programme.succeed(["export", "participants"])

        #expect(result.stdout.hasPrefix("\u{FEFF}Id,Full name,"))
        #expect(result.stdout.contains("\r\n1,Gʻulomjon Oʻrinboyev,,male,1984,other,,'+998 90 123 45 67,UZ-XO,"))
        #expect(result.stdout.contains("\r\n2,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",,,,other,'@SUM(1),"))
        #expect(result.stderr.contains("note: This export holds the names and phone numbers of 2 people."))
    }

    @Test func exportsGoToAFileAsCSVOrJSON() throws {
        let (programme, event, _) = try programme()
        let csv = programme.path("attendance.csv")
        let json = programme.path("attendance.json")

        let wrote = try programme.succeed(["export", "attendance", "--event", String(event), "--out", csv])
        try programme.succeed(["export", "attendance", "--event", String(event), "--out", json])

        #expect(wrote.stdout == "Wrote 2 rows of attendance to \(csv).\n")
        let csvText = try String(contentsOfFile: csv, encoding: .utf8)
        #expect(csvText.contains("Event,Course,Session date,Start,End,Hours,Id,Full name,Other spelling,Status\r\n"))
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as! [String: Any]
        #expect((object["notice"] as? String)?.contains("names and phone numbers of 2 people") == true)
        #expect((object["rows"] as? [[String: Any]])?.count == 2)
        #expect((object["filters"] as? [String: Any])?["event"] as? Int == Int(event))
    }

    @Test func pseudonymisedExportsHaveNoNamesNorPhones() throws {
        let (programme, event, _) = try programme()

        let participants = try programme.succeed(["export", "participants", "--pseudonymize"])
        let enrollments = try programme.succeed(["export", "enrollments", "--event", String(event), "--pseudonymize", "--format", "json"])

        for output in [participants.stdout, enrollments.stdout] {
            #expect(!output.contains("Oʻrinboyev") && !output.contains("123 45 67") && !output.contains("HYPERLINK"))
        }
        let code = try #require(participants.stdout.split(separator: "\r\n")[1].split(separator: ",").first.map(String.init))
        #expect(code.hasPrefix("P-"))
        #expect(enrollments.stdout.contains("\"participant\": \"\(code)\""), "the same code in every export")
        #expect(participants.stderr.contains("replaced with codes"))
    }

    @Test func filtersAndMistakes() throws {
        let (programme, event, _) = try programme()

        let samarkand = try programme.succeed(["export", "enrollments", "--region", "Samarqand"]).stdout
        #expect(samarkand.split(separator: "\r\n").count == 1, "the header only")
        let march = try programme.succeed(["export", "attendance", "--from", "25.03.2019", "--to", "2019-03-25", "--separator", ";"]).stdout
        #expect(march.contains("\(event);PS-PARENTING;2019-03-25;09:00;12:00;3;1;Gʻulomjon Oʻrinboyev;;present"))

        try programme.expectRefused(["export", "people"], status: 64, mentioning: ["'people'", "participants"])
        try programme.expectRefused(["export", "participants", "--region", "Narnia"], status: 65, mentioning: ["“Narnia”"])
        try programme.expectRefused(["export", "attendance", "--event", "99"], status: 65, mentioning: ["no event 99"])
        try programme.expectRefused(["export", "attendance", "--from", "31.02.2019"], status: 64, mentioning: ["'31.02.2019'", "--from"])
        try programme.expectRefused(["export", "attendance", "--from", "2019-04-01", "--to", "2019-03-01"], status: 64,
                                    mentioning: ["before it starts"])
        try programme.expectRefused(["export", "participants", "--out", programme.path("no/such/folder/x.csv")], status: 74,
                                    mentioning: ["x.csv"])
    }

    @Test func duplicatesAreListedAndMerged() throws {
        let (programme, event, people) = try programme()
        // A second record of a registered person, made on purpose (--new) to be found and merged
        let cyrillic = try programme.addParticipant("Ғуломжон Ўринбоев", ["--birth-year", "1984", "--phone", "90 123 45 67", "--new"])
        let other = try programme.createEvent([
            "--course", "PS-PARENTING", "--region", "Xorazm", "--start", "01.04.2019", "--days", "1", "--time", "09:00-12:00",
        ])
        try programme.enroll(other, [cyrillic])
        try programme.succeed(["attendance", "mark", String(other), "--date", "01.04.2019", "--all-present"])

        // Listed with the score and reasons
        let listed = try programme.succeed(["participant", "duplicates"]).stdout
        #expect(listed.contains("1.00   \(people[0])   Gʻulomjon Oʻrinboyev"))
        #expect(listed.contains("same name across scripts"))
        #expect(listed.contains("1 pair (1 likely one person)."))

        // Merged: the participation moves, the other spelling is kept
        let merged = try programme.succeed(["participant", "merge", String(people[0]), String(cyrillic)]).stdout
        #expect(merged.contains("Merged participant \(cyrillic) (Ғуломжон Ўринбоев) into \(people[0])"))
        #expect(merged.contains("1 participation(s), 1 attendance mark(s)"))
        #expect(merged.contains("Taken from the other record: alternate-name."))
        let kept = try programme.json(ParticipantJSON.self, ["participant", "show", String(people[0])])
        #expect(kept.alternateName == "Ғуломжон Ўринбоев")
        #expect(try programme.json(AttendanceSheetJSON.self, ["attendance", "show", String(other)]).rows.map(\.participant) == [people[0]])
        try programme.expectRefused(["participant", "show", String(cyrillic)], status: 65, mentioning: ["no participant \(cyrillic)"])
        #expect(try programme.json([ParticipantJSON].self, ["participant", "search", "ўринбоев"]).map(\.id) == [people[0]])
        _ = event
    }

    @Test func aMergeOfTwoPeopleMarkedDifferentlyChangesNothing() throws {
        let (programme, event, people) = try programme()
        let twin = try programme.addParticipant("Gulomjon Orinboyev", ["--new"])
        try programme.enroll(event, [twin])
        try programme.succeed(["attendance", "mark", String(event), "--date", "26.03.2019", "--present", String(people[0]), "--absent", String(twin)])

        try programme.expectRefused(["participant", "merge", String(people[0]), String(twin)], status: 65, mentioning: [
            "cannot be one person", "on 26.03.2019 at 09:00 the first is marked present and the second absent", "Nothing was changed.",
        ])
        try programme.expectRefused(["participant", "merge", String(people[0]), String(people[0])], status: 64, mentioning: ["two different"])
        try programme.expectRefused(["participant", "merge", String(people[0]), "99"], status: 65, mentioning: ["no participant 99"])
        try programme.expectRefused(["participant", "duplicates", "--min-score", "3"], status: 64, mentioning: ["between 0 and 1"])
    }

    @Test func searchFindsAPersonInEitherScript() throws {
        let programme = try TemporaryProgramme()
        let gulnora = try programme.addParticipant("Gulnora Karimova")
        let shohida = try programme.addParticipant("Шоҳида Ҳамроева")

        #expect(try programme.json([ParticipantJSON].self, ["participant", "search", "Каримова"]).map(\.id) == [gulnora])
        #expect(try programme.json([ParticipantJSON].self, ["participant", "search", "hamroyeva", "shohida"]).map(\.id) == [shohida])
    }
}
