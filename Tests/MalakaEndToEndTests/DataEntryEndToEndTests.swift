import Foundation
import Testing

/// Data right at the moment it comes in (issue 13): categories, languages, apostrophes, bulk edits.
@Suite struct DataEntryEndToEndTests {
    /// A parents' list as trainers send it: names and sex, no category or language column.
    static let parentsList = """
        F.I.Sh.;Jinsi;Tugʻilgan yili
        Gulnora Karimova;ayol;1987
        Malika Yusupova;ayol;1990
        Sardor Gʻaniyev;erkak;1983

        """

    func write(_ text: String, as name: String, in programme: TemporaryProgramme) throws -> String {
        let path = programme.path(name)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func aParentsListWithoutCategoryIsCountedAsParentsInTheReport() throws {
        let programme = try TemporaryProgramme()
        let event = try programme.parentingEvent()
        let list = try write(Self.parentsList, as: "ota-onalar.csv", in: programme)

        let summary = try programme.succeed(["participant", "import", list, "--event", String(event)]).stdout

        #expect(summary.contains("3 people with no category were registered as parent, the audience of PS-PARENTING"), "\(summary)")
        let people = try programme.json([ParticipantJSON].self, ["participant", "list", "--event", String(event)])
        #expect(people.map(\.category) == ["parent", "parent", "parent"])
        try programme.succeed(["attendance", "mark", String(event), "--date", "25.03.2019", "--all-present"])
        let output = try programme.succeed(["report", "regions", "--year", "2019", "--format", "json"]).stdout
        let report = try JSONDecoder().decode(RegionSummaryJSON.self, from: Data(output.utf8))
        #expect(report.total.participants.category["parent"] == 3)
        #expect((report.total.participants.category["other"] ?? 0) == 0)
    }

    @Test func setGivesAFieldForEveryRowThatLeavesItEmpty() throws {
        let programme = try TemporaryProgramme()
        let list = try write(Self.parentsList, as: "list.csv", in: programme)

        let summary = try programme.succeed([
            "participant", "import", list, "--set", "category=teacher", "--set", "region=Xorazm", "--set", "district=Urganch tumani",
        ]).stdout

        #expect(summary.contains("Given for rows that leave them empty (--set): category=teacher, district=Urganch tumani, region=Xorazm."), "\(summary)")
        let people = try programme.json([ParticipantJSON].self, ["participant", "list"])
        #expect(people.map(\.category) == ["teacher", "teacher", "teacher"])
        #expect(Set(people.map(\.region)) == ["UZ-XO"])
        #expect(people.allSatisfy { $0.district != nil })
    }

    @Test func aBadPresetIsRefusedOnceAndNothingIsWritten() throws {
        let programme = try TemporaryProgramme()
        let list = try write(Self.parentsList, as: "list.csv", in: programme)

        try programme.expectRefused(["participant", "import", list, "--set", "category=grandparent"],
                                    status: 64, mentioning: ["category", "grandparent"])
        try programme.expectRefused(["participant", "import", list, "--set", "name=Ali"],
                                    status: 64, mentioning: ["“name” cannot be given for a whole list"])
        try programme.expectRefused(["participant", "import", list, "--set", "organisation=Mahalla\u{202E}"],
                                    status: 64, mentioning: ["U+202E"])
    }

    @Test func aBulkEditChangesAnEventsPeopleAllOrNoneWithADryRunFirst() throws {
        let programme = try TemporaryProgramme()
        let event = try programme.createEvent([
            "--course", "SEM-INTERAGENCY", "--region", "Xorazm", "--start", "25.03.2019", "--days", "1", "--time", "09:00-12:00",
        ])
        let list = try write(Self.parentsList, as: "list.csv", in: programme)
        try programme.succeed(["participant", "import", list, "--event", String(event)])
        let outsider = try programme.addParticipant("Lola Ismoilova")
        #expect(try programme.json([ParticipantJSON].self, ["participant", "list"]).allSatisfy { $0.category == "other" },
                "a course for two audiences gives no category")

        // A dry run says what would change and writes nothing
        let before = try programme.fingerprint()
        let dry = try programme.succeed(["participant", "edit", "--event", String(event), "--category", "specialist", "--dry-run"]).stdout
        #expect(dry.contains("Would update 3 of 3 people."), "\(dry)")
        #expect(dry.contains("category other → specialist"), "\(dry)")
        #expect(try programme.fingerprint().changes(since: before) == nil)

        // Then the edit changes the event's people and nobody else
        let done = try programme.succeed(["participant", "edit", "--event", String(event), "--category", "specialist"]).stdout
        #expect(done.contains("Updated 3 of 3 people."), "\(done)")
        let people = try programme.json([ParticipantJSON].self, ["participant", "list"])
        #expect(people.filter { $0.id != outsider }.allSatisfy { $0.category == "specialist" })
        #expect(people.first { $0.id == outsider }?.category == "other")

        // A search selects by name; a bad value for one refuses all
        let searched = try programme.succeed(["participant", "edit", "--search", "yusupova", "--organisation", "Mahalla markazi"]).stdout
        #expect(searched.contains("Updated 1 of 1 person."), "\(searched)")
        try programme.expectRefused(["participant", "edit", "--event", String(event), "--region", "Nowhere"],
                                    status: 65, mentioning: ["Nowhere"])
        try programme.expectRefused(["participant", "edit", "--event", String(event), "--district", "Urganch"],
                                    status: 64, mentioning: ["Participant", "needs its region"])
        try programme.expectRefused(["participant", "edit", "--event", String(event), "--name", "Same Name"],
                                    status: 64, mentioning: ["one person at a time"])
        try programme.expectRefused(["participant", "edit", "1", "--event", String(event), "--category", "parent"],
                                    status: 64, mentioning: ["one of them"])
    }
}
