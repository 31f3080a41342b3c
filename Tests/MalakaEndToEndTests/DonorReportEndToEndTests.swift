import Foundation
import PDFTestSupport
import Testing

/// The filters a donor report needs, the same in every format, on the hand-computed ``DonorProgramme``.
@Suite struct DonorReportEndToEndTests {
    /// What one filter must give for the year 2019, worked out by hand from the fixture.
    struct Expected {
        var arguments: [String]
        var events: Int
        var sessions: Int
        var hours: Double
        var participations: Int
        var participants: Int
        var completed: Int
        var rate: Double
        var rows: Set<String>
        /// How the reports name the filter, as in “Filters: Kind: Meetings”.
        var filter: String
    }

    static let cases: [Expected] = [
        // Urganch only: Gulnora and Rustam came (Shohida only excused); Gulnora completed; 6 of 8 sessions credited.
        Expected(arguments: ["--organiser", "sos uzbekistan"], events: 1, sessions: 4, hours: 12, participations: 2,
                 participants: 2, completed: 1, rate: 0.75, rows: ["UZ-XO"], filter: "Organiser: sos uzbekistan"),
        // Urganch and the Chuy meeting: Rustam came to both and is one person; 7 of 9 sessions credited.
        Expected(arguments: ["--project", "Unicef-2019"], events: 2, sessions: 5, hours: 15, participations: 3,
                 participants: 2, completed: 2, rate: 0.7778, rows: ["UZ-XO", "KG-C"], filter: "Project: Unicef-2019"),
        // Both parenting trainings: Gulnora, Rustam and Aziz; 13 of 16.
        Expected(arguments: ["--course", "PS-PARENTING"], events: 2, sessions: 8, hours: 24, participations: 4,
                 participants: 3, completed: 2, rate: 0.8125, rows: ["UZ-XO", "UZ-SA"],
                 filter: "Course: PS-PARENTING (Positive parenting skills)"),
        Expected(arguments: ["--kind", "meeting"], events: 1, sessions: 1, hours: 3, participations: 1,
                 participants: 1, completed: 1, rate: 1, rows: ["KG-C"], filter: "Kind: Meetings"),
    ]

    @Test(arguments: cases.indices)
    func eachFilterGivesTheSameNumbersInEveryFormat(index: Int) throws {
        let expected = Self.cases[index]
        let donor = try DonorProgramme()
        let arguments = ["--year", "2019"] + expected.arguments

        // JSON: the totals, the rows with something held, and the filter named
        let json = try donor.report(arguments)
        #expect(json.total.events["total"] == expected.events)
        #expect(json.total.sessions == expected.sessions)
        #expect(json.total.hours == expected.hours)
        #expect(json.total.participations.total == expected.participations)
        #expect(json.total.participants.total == expected.participants)
        #expect(json.total.completed == expected.completed)
        #expect(json.total.attendanceRate == expected.rate)
        #expect(json.rows.count == 23, "JSON keeps every region")
        #expect(Set(json.rows.filter { $0.events["total"]! > 0 }.compactMap(\.code)) == expected.rows)

        // CSV: the total row under its headings
        let csv = try donor.programme.succeed(["report", "regions", "--format", "csv"] + arguments).stdout
        let lines = csv.dropFirst().split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let headings = lines[0]
        let total = try #require(lines.last)
        func cell(_ heading: String) -> String? { headings.firstIndex(of: heading).map { total[$0] } }
        #expect(cell("Events") == String(expected.events))
        #expect(cell("Sessions") == String(expected.sessions))
        #expect(cell("Training hours") == String(Int(expected.hours)))
        #expect(cell("Participations") == String(expected.participations))
        #expect(cell("Unique participants") == String(expected.participants))
        #expect(cell("Completed") == String(expected.completed))
        #expect(lines.count == 23 + 2, "CSV keeps every region: the heading, 23 regions and the total")

        // Table: the filter, only the regions where something was held, and the same total
        let table = try donor.programme.succeed(["report", "regions"] + arguments).stdout
        #expect(table.contains("Filters: \(expected.filter)\n"))
        let totalLine = try #require(table.split(separator: "\n").first { $0.hasPrefix("Total") })
        let numbers = totalLine.split(separator: " ").dropFirst().map(String.init)
        // Events, sessions, hours, participations, unique participants, completed, certificates, rate
        #expect(Array(numbers.prefix(6)) == [expected.events, expected.sessions, Int(expected.hours), expected.participations,
                                              expected.participants, expected.completed].map(String.init))
        for (code, name) in ["UZ-XO": "Khorezm Region", "UZ-SA": "Samarkand Region", "KG-C": "Chüy Region"] {
            #expect(table.contains("\n\(name) ") == expected.rows.contains(code), "\(name) is shown only where something was held")
        }
        #expect(!table.contains("\nAndijan Region "), "empty regions are left out of the table")

        // PDF: the filter and the totals on page 1
        let pdf = donor.programme.path("summary.pdf")
        try donor.programme.succeed(["report", "regions", "--format", "pdf", "--out", pdf] + arguments)
        let page1 = try PDFTools.textLines(of: URL(fileURLWithPath: pdf), page: 1).joined(separator: " ")
        #expect(page1.contains("Filters: \(expected.filter)"), "the filter is printed: \(page1)")
        #expect(page1.contains("Total"))
    }

    @Test func anOrganiserOrProjectNoEventHasIsRefusedWithTheOnesThatExist() throws {
        let donor = try DonorProgramme()
        try donor.programme.expectRefused(["report", "regions", "--year", "2019", "--organiser", "Save the Children"], status: 65,
                                          mentioning: ["Save the Children", "SOS Uzbekistan", "UNICEF Kyrgyzstan"])
        try donor.programme.expectRefused(["report", "regions", "--year", "2019", "--project", "USAID"], status: 65,
                                          mentioning: ["USAID", "EU-2019", "UNICEF-2019"])
    }

    @Test func theTableShowsEmptyRegionsOnlyWhenAsked() throws {
        let donor = try DonorProgramme()
        let all = try donor.programme.succeed(["report", "regions", "--year", "2019", "--show-empty"]).stdout
        #expect(all.contains("\nAndijan Region "))
        let held = try donor.programme.succeed(["report", "regions", "--year", "2019"]).stdout
        #expect(!held.contains("\nAndijan Region "))
        #expect(held.contains("\nKhorezm Region ") && held.contains("\nSamarkand Region ") && held.contains("\nChüy Region "))
    }

    @Test func theRegionCSVCanBeWrittenForARussianLocaleExcel() throws {
        let donor = try DonorProgramme()
        let comma = try donor.programme.succeed(["report", "regions", "--year", "2019", "--format", "csv"]).stdout
        let semicolon = try donor.programme.succeed(["report", "regions", "--year", "2019", "--format", "csv", "--separator", ";"]).stdout
        // The attendance rate of 2019: 14 of 17 sessions credited, 82.4 %
        #expect(comma.contains(",82.4\r\n"))
        #expect(semicolon.contains(";82,4\r\n"))
        // Field for field, the same file: only separators and decimal marks differ
        let split = { (text: String, separator: Character) in
            text.split(separator: "\r\n").map { $0.split(separator: separator, omittingEmptySubsequences: false).map(String.init) }
        }
        let plain = split(comma, ",")
        let local = split(semicolon, ";")
        #expect(plain.count == local.count)
        for (a, b) in zip(plain.dropFirst(), local.dropFirst()) {
            #expect(a.map { $0.replacingOccurrences(of: ".", with: ",") } == b)
        }
        let pointed = try donor.programme.succeed(["report", "regions", "--year", "2019", "--format", "csv", "--separator", ";", "--decimal", "point"]).stdout
        #expect(pointed.contains(";82.4\r\n"))
        try donor.programme.expectRefused(["report", "regions", "--year", "2019", "--format", "csv", "--separator", "|"], status: 64,
                                          mentioning: ["--separator"])
    }

    @Test func theEventListOfASmallProgrammeDoesNotTakeAPagePerRegion() throws {
        let donor = try DonorProgramme()
        let pdf = donor.programme.path("year.pdf")
        try donor.programme.succeed(["report", "regions", "--year", "2019", "--format", "pdf", "--out", pdf])
        let info = try PDFTools.info(of: URL(fileURLWithPath: pdf))
        // Totals and table, charts, who was reached, then the three regions' events on one page (not three)
        #expect(info["Pages"] == "4", "\(info)")
        let last = try PDFTools.textLines(of: URL(fileURLWithPath: pdf), page: 4).joined(separator: "\n")
        for name in ["Khorezm Region", "Samarkand Region", "Chüy Region"] {
            #expect(last.contains(name), "\(last)")
        }
    }

    @Test func theEventReportAndTheFollowUpListNameThePeopleAndAreReadableByTheOwnerOnly() throws {
        let donor = try DonorProgramme()
        let urganch = String(donor.events["urganch"]!)
        let report = try donor.programme.succeed(["report", "event", urganch])
        #expect(report.stdout.hasPrefix("PERSONAL DATA: names 3 people."))
        #expect(report.stdout.contains("Sessions: 4 held of 4 · People: 3 · Attendance rate: 50% · Completed: 1 of 3 · Certificates: 0"))

        let followUp = try donor.programme.succeed(["report", "follow-up", urganch, "--format", "json"])
        #expect(followUp.stderr.contains("Personal data."))
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(followUp.stdout.utf8)) as? [String: Any])
        let people = try #require(rows["rows"] as? [[String: Any]])
        #expect(people.compactMap { $0["fullName"] as? String }.sorted() == ["Rustam Aliyev", "Шоҳида Ҳамроева"])
        let rustam = try #require(people.first { $0["fullName"] as? String == "Rustam Aliyev" })
        #expect(rustam["missed"] as? String == "2019-03-27 09:00 absent; 2019-03-28 09:00 absent")
        #expect(rustam["sessionsNeeded"] as? Int == 2)
        #expect(rows["notice"] as? String != nil)

        for (command, name) in [("event", "event.csv"), ("follow-up", "follow-up.csv"), ("event", "event.txt")] {
            let path = donor.programme.path(name)
            try donor.programme.succeed(["report", command, urganch, "--out", path] + (name.hasSuffix(".csv") ? ["--format", "csv"] : []))
            let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
            #expect(permissions == 0o600, "\(name): \(String(permissions ?? 0, radix: 8))")
        }
        let csv = try String(contentsOfFile: donor.programme.path("follow-up.csv"), encoding: .utf8)
        #expect(csv.contains("Шоҳида Ҳамроева") && csv.contains("Rustam Aliyev") && !csv.contains("Gulnora"))
    }
}
