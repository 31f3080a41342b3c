import Foundation
import PDFTestSupport
import Testing

@Suite struct DemoEndToEndTests {
    @Test func theSampleProgrammeBuildsAndReportsCompletions() throws {
        // Given the demo script and an empty output directory
        let programme = try TemporaryProgramme(.noDatabase)
        let script = TemporaryProgramme.repositoryRoot.appendingPathComponent("demo/sample-programme.sh")
        let malaka = try #require(MalakaProcess.executable)
        let output = programme.path("demo-output")

        // When it runs
        let run = try MalakaProcess.run([script.path, malaka.path, output], in: programme.directory,
                                        program: URL(fileURLWithPath: "/bin/bash"))
        let text = run.stdout

        // Then it succeeds and tells who completed, and the database says the same
        try #require(run.status == 0, "\(run)")
        #expect(run.stderr.isEmpty, "\(run.stderr)")
        #expect(text.contains("Course catalogue: 7 added, 0 updated, 0 unchanged."))
        #expect(text.contains("Cancelled event 6"))
        #expect(text.contains("Enrolled 10 people in event 1."))
        #expect(text.contains("8 of 10 completed."))
        #expect(text.contains("7 of 8 completed."))
        // The study tour has its two legs, the double booking is refused, and the calendar is clean
        #expect(text.contains("Urganch tuman hokimligi"))
        #expect(text.contains("16.04.2019–17.04.2019  Toshkent shahar ijtimoiy xizmatlar markazi"))
        #expect(text.contains("error: Trainer Dilnoza Yusupova is booked in event 1 (Positive parenting skills, Mahalla markazi"))
        #expect(text.contains("No conflicts: no trainer, venue or participant is booked twice at once."))
        #expect(FileManager.default.fileExists(atPath: output + "/sample-programme.ics"))
        #expect(text.components(separatedBy: "G\u{02BB}ulomjon O\u{02BB}rinboyev").count - 1 >= 3,
                "the Khorezm sheet and both searches show him")
        let database = output + "/sample-programme.sqlite"
        let sheet = try MalakaProcess.run(["attendance", "show", "1", "--json", "--db", database])
        try #require(sheet.status == 0, "\(sheet)")
        let khorezm = try JSONDecoder().decode(AttendanceSheetJSON.self, from: Data(sheet.stdout.utf8))
        #expect(khorezm.completed == 8)
        #expect(khorezm.rows.count == 10)

        // The follow-up list names exactly the people the attendance view shows as not completed, event by event
        let events = try JSONDecoder().decode([EventJSON].self, from: Data(MalakaProcess.run(["event", "list", "--json", "--db", database]).stdout.utf8))
        var notCompleted = Set<String>()
        for event in events where event.status != "cancelled" {
            let view = try JSONDecoder().decode(AttendanceSheetJSON.self, from: Data(MalakaProcess.run(
                ["attendance", "show", String(event.id), "--json", "--db", database]).stdout.utf8))
            notCompleted.formUnion(view.rows.filter { !$0.completed }.map { "\(event.id)/\($0.participant)" })
        }
        let followUp = try MalakaProcess.run(["report", "follow-up", "--format", "json", "--db", database])
        try #require(followUp.status == 0, "\(followUp)")
        let listed = try #require(try JSONSerialization.jsonObject(with: Data(followUp.stdout.utf8)) as? [String: Any])
        let rows = try #require(listed["rows"] as? [[String: Any]])
        #expect(Set(rows.map { "\($0["event"] as! Int)/\($0["participant"] as! Int)" }) == notCompleted)
        #expect(!notCompleted.isEmpty, "the demo has people who did not complete")

        // The year's numbers go to DHIS2 in the documented format
        let mapping = TemporaryProgramme.repositoryRoot.appendingPathComponent("courses/dhis2/mapping.yaml").path
        let dhis2 = try MalakaProcess.run(["report", "dhis2", "--year", "2019", "--mapping", mapping, "--db", database])
        try #require(dhis2.status == 0, "\(dhis2)")
        #expect(DataValueSetSchema.problems(in: Data(dhis2.stdout.utf8)) == [])

        // And it issued the certificates as files and bundles, and says where they are
        #expect(text.contains("Issued 8 certificates for event 1: 8 new, 0 issued before."))
        #expect(text.contains("Issued UZ-2019-000025 to Baxtiyor Rahimov in place of UZ-2019-000007, which is now superseded."))
        // The offline check: his first certificate is superseded, Gʻulomjon Oʻrinboyev's stands
        #expect(text.contains("VALID: UZ-2019-000004\n"), "\(text)")
        #expect(text.contains("SUPERSEDED: UZ-2019-000007\n"), "\(text)")
        #expect(text.contains("It was replaced by UZ-2019-000025."), "\(text)")
        #expect(text.contains("Its certificates are in \(output)/certificates/"))
        let files = try FileManager.default.contentsOfDirectory(atPath: output + "/certificates/khorezm")
        #expect(files.count == 9, "eight, and the re-issue: \(files)")
        #expect(files.contains("UZ-2019-000004_Gulomjon_Orinboyev.pdf"))
        for bundle in ["khorezm", "samarkand", "tashkent", "chuy", "study-tour"] {
            #expect(FileManager.default.fileExists(atPath: output + "/certificates/\(bundle).pdf"), "\(bundle)")
        }

        // And it prints the year's table and writes the PDF and the CSV, with the sample programme's numbers:
        // five events held (the Bishkek meeting was cancelled) in 19 sessions (the study tour's two legs of two days),
        // 82 hours, 34 participations by 29 people, 30 completed and each holds one valid certificate
        #expect(text.contains("Region summary — Uzbekistan — 2019"))
        let pdf = output + "/region-summary-2019.pdf"
        let summary = try PDFTools.layoutLines(of: URL(fileURLWithPath: pdf))
        let total = try #require(summary.first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("Total ") })
        #expect(total.split(separator: " ").suffix(8).joined(separator: " ") == "5 19 82 34 29 30 30 93.9%")
        let csv = String(decoding: try Data(contentsOf: URL(fileURLWithPath: output + "/region-summary-2019.csv")).dropFirst(3), as: UTF8.self)
        let lines = csv.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let heading = { (name: String) in lines[0].firstIndex(of: name)! }
        let khorezmRow = try #require(lines.first { $0[0] == "UZ-XO" })
        #expect(khorezmRow[heading("Events")] == "2" && khorezmRow[heading("Events: Study tours")] == "1")
        #expect(khorezmRow[heading("Participations")] == "15", "10 parents and the 5 Tashkent specialists on the study tour")
        #expect(khorezmRow[heading("Completed")] == "13")
        let all = try #require(lines.last)
        #expect(all[heading("Unique participants")] == "29", "every person registered took part, each counted once")
        #expect(all[heading("Participations")] == "34")
        for name in ["Gʻulomjon", "Karimova", "Өмүрбекова"] {
            #expect(!csv.contains(name) && !summary.joined().contains(name), "no participant is named")
        }
    }
}
