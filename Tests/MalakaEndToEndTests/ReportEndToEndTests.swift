import Foundation
import PDFTestSupport
import Testing

@Suite struct ReportEndToEndTests {
    /// Three events of 2019 and two that do not count, built through the command line.
    ///
    /// - Urganch parenting training, 25–28 March: Gulnora P P P P, Rustam P L A A, Shohida E E E E.
    /// - Urgut parenting training, 7–10 October: Gulnora P P P P (a second region), Aziz P P P A.
    /// - Coordination meeting in Khorezm without a district, 31 December (the last day): Rustam P, Aziz A.
    /// - A training in Samarkand, cancelled; a planned training in Chuy in 2099.
    ///
    /// Gulnora: female, 1984, parent. Rustam: male, no birth year. Shohida: female, 1990. Aziz: no sex, 2001, youth.
    struct Programme {
        let programme: TemporaryProgramme
        var events: [String: Int64] = [:]
        var people: [String: Int64] = [:]

        init() throws {
            programme = try TemporaryProgramme()
            people["Gulnora"] = try programme.addParticipant("Gulnora Karimova", ["--sex", "female", "--birth-year", "1984", "--category", "parent"])
            people["Rustam"] = try programme.addParticipant("Rustam Aliyev", ["--sex", "male", "--category", "parent"])
            people["Shohida"] = try programme.addParticipant("Шоҳида Ҳамроева", ["--sex", "female", "--birth-year", "1990", "--category", "parent"])
            people["Aziz"] = try programme.addParticipant("Aziz Tursunov", ["--birth-year", "2001", "--category", "youth"])
            events["urganch"] = try programme.parentingEvent()
            events["urgut"] = try programme.createEvent(["--course", "PS-PARENTING", "--region", "Samarqand", "--district", "Urgut",
                                                          "--start", "07.10.2019", "--days", "4", "--time", "09:00-12:00"])
            events["meeting"] = try programme.createEvent(["--course", "COORD-MEETING", "--region", "UZ-XO",
                                                            "--session", "31.12.2019", "--time", "10:00-13:00"])
            events["cancelled"] = try programme.createEvent(["--course", "PS-PARENTING", "--region", "Samarqand",
                                                              "--start", "04.11.2019", "--days", "4", "--time", "09:00-12:00"])
            events["future"] = try programme.createEvent(["--course", "CR-MONITORING", "--region", "Chuy",
                                                           "--start", "06.01.2099", "--days", "5", "--time", "09:00-13:00"])
            try enroll("urganch", ["Gulnora", "Rustam", "Shohida"])
            try enroll("urgut", ["Gulnora", "Aziz"])
            try enroll("meeting", ["Rustam", "Aziz"])
            try enroll("cancelled", ["Shohida"])
            try mark("urganch", ["2019-03-25": "P P E", "2019-03-26": "P L E", "2019-03-27": "P A E", "2019-03-28": "P A E"],
                     order: ["Gulnora", "Rustam", "Shohida"])
            try mark("urgut", ["2019-10-07": "P P", "2019-10-08": "P P", "2019-10-09": "P P", "2019-10-10": "P A"], order: ["Gulnora", "Aziz"])
            try mark("meeting", ["2019-12-31": "P A"], order: ["Rustam", "Aziz"])
            try programme.succeed(["event", "cancel", String(events["cancelled"]!), "--reason", "Venue closed"])
        }

        private func enroll(_ event: String, _ names: [String]) throws {
            try programme.enroll(events[event]!, names.map { people[$0]! })
        }

        private func mark(_ event: String, _ days: [String: String], order: [String]) throws {
            let options = ["P": "--present", "L": "--late", "E": "--excused", "A": "--absent"]
            for (day, letters) in days {
                var arguments = ["attendance", "mark", String(events[event]!), "--date", day]
                for (name, letter) in zip(order, letters.split(separator: " ")) {
                    arguments += [options[String(letter)]!, String(people[name]!)]
                }
                try programme.succeed(arguments)
            }
        }

        func report(_ arguments: [String]) throws -> RegionSummaryJSON {
            let result = try programme.succeed(["report", "regions", "--format", "json"] + arguments)
            return try JSONDecoder().decode(RegionSummaryJSON.self, from: Data(result.stdout.utf8))
        }
    }

    @Test func aYearByRegionCountsHeldEventsAndPeopleOnce() throws {
        let programme = try Programme()
        let summary = try programme.report(["--year", "2019"])
        #expect(summary.report == "region-summary")
        #expect(summary.period.from == "2019-01-01" && summary.period.to == "2019-12-31")
        #expect(summary.rows.count == 23, "every region of both countries")
        let total = summary.total
        #expect(total.events == ["total": 3, "training": 2, "seminar": 0, "study-tour": 0, "meeting": 1, "round-table": 0])
        #expect(total.sessions == 9)
        #expect(total.hours == 27)
        #expect(total.participations.total == 5, "Shohida was only excused; the cancelled and the 2099 events count for nobody")
        #expect(total.participants.total == 3, "Gulnora came in two regions and is one person")
        #expect(total.participants.sex == ["female": 1, "male": 1, "unknown": 1])
        #expect(total.participants.age == ["under-18": 0, "18-29": 1, "30-44": 1, "45-59": 0, "60+": 0, "unknown": 1])
        #expect(total.participants.category["youth"] == 1 && total.participants.category["parent"] == 2)
        #expect(total.completed == 3)
        #expect(total.attendanceRate == 0.8235, "14 of 17 sessions")
        let khorezm = try #require(summary.row("UZ-XO"))
        #expect(khorezm.events["total"] == 2)
        #expect(khorezm.participations.total == 3)
        #expect(khorezm.participants.total == 2)
        #expect(khorezm.hours == 15)
        let samarkand = try #require(summary.row("UZ-SA"))
        #expect(samarkand.participants.total == 2)
        #expect(samarkand.completed == 1, "Aziz attended 3 of 4, below 80 %")
        #expect(try #require(summary.row("KG-C")).events["total"] == 0)
    }

    @Test func theLastDayCountsAndFutureSessionsDoNot() throws {
        let programme = try Programme()
        let quarter = try programme.report(["--quarter", "2019Q4", "--country", "UZ"])
        #expect(quarter.rows.count == 14)
        #expect(quarter.total.events["total"] == 2, "Urgut in October and the meeting on 31 December")
        let december = try programme.report(["--from", "2019-12-31", "--to", "31.12.2019"])
        #expect(december.total.events["meeting"] == 1)
        #expect(december.total.participants.total == 1)
        let future = try programme.report(["--year", "2099"])
        #expect(future.total.events["total"] == 0, "a planned event has not been held before its days")
    }

    @Test func aRegionDrillsDownToDistricts() throws {
        let programme = try Programme()
        let districts = try programme.report(["--year", "2019", "--region", "Xorazm", "--by", "district"])
        #expect(districts.by == "district")
        let urganch = try #require(districts.row("UZ-XO-URG"))
        #expect(urganch.participations.total == 2)
        let noDistrict = try #require(districts.row(nil))
        #expect(noDistrict.name == "District not recorded")
        #expect(noDistrict.events["meeting"] == 1)
        #expect(districts.total.participants.total == 2)
        let one = try programme.report(["--year", "2019", "--region", "UZ-XO", "--district", "Urganch tumani"])
        #expect(one.rows.map(\.code) == ["UZ-XO-URG"])
        #expect(one.total.participants.total == 2)
    }

    @Test func csvJSONTableAndPDFShowTheSameNumbers() throws {
        let fixture = try Programme()
        let programme = fixture.programme
        let json = try fixture.report(["--year", "2019", "--language", "ru"])
        #expect(json.title == "Сводка по регионам")
        #expect(json.row("UZ-XO")?.name == "Хорезмская область")

        let csvFile = programme.path("summary.csv")
        let wrote = try programme.succeed(["report", "regions", "--year", "2019", "--language", "ru", "--format", "csv", "--out", csvFile])
        #expect(wrote.stdout == "Wrote the region summary to \(csvFile).\n")
        let csv = try Data(contentsOf: URL(fileURLWithPath: csvFile))
        #expect(csv.starts(with: [0xEF, 0xBB, 0xBF]))
        let lines = String(decoding: csv.dropFirst(3), as: UTF8.self).split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(lines[0][0] == "Code" && lines[0][1] == "Регион")
        let khorezm = try #require(lines.first { $0[0] == "UZ-XO" })
        let heading = { (name: String) in lines[0].firstIndex { $0 == name }! }
        #expect(khorezm[heading("Уникальные участники")] == "\(json.row("UZ-XO")!.participants.total)")
        #expect(khorezm[heading("Участия")] == "\(json.row("UZ-XO")!.participations.total)")
        let total = try #require(lines.last)
        #expect(total[1] == "Итого")
        #expect(total[heading("Уникальные участники")] == "3")
        #expect(total[heading("Завершили")] == "3")

        let table = try programme.succeed(["report", "regions", "--year", "2019", "--country", "UZ"]).stdout
        let row = try #require(table.split(separator: "\n").first { $0.hasPrefix("Khorezm Region") })
        #expect(row.split(separator: " ").suffix(8).joined(separator: " ") == "2 5 15 3 2 2 0 77.8%")

        let pdf = programme.path("summary.pdf")
        try programme.succeed(["report", "regions", "--year", "2019", "--format", "pdf", "--out", pdf])
        let text = try PDFTools.layoutLines(of: URL(fileURLWithPath: pdf))
        #expect(text.contains { $0.hasPrefix("Region summary") })
        let pdfRow = try #require(text.first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("Khorezm Region ") })
        #expect(pdfRow.split(separator: " ").suffix(8).joined(separator: " ") == "2 5 15 3 2 2 0 77.8%")
        #expect(text.contains { $0.contains("Events: Khorezm Region") })
        #expect(!text.joined().contains("Gulnora"), "no participant is named")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: programme.directory.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func wrongRequestsAreRefusedAndWriteNothing() throws {
        let programme = try Programme().programme
        let regions = ["report", "regions"]
        try programme.expectRefused(regions, status: 64, mentioning: ["--year 2019", "--quarter 2019Q4"])
        try programme.expectRefused(regions + ["--year", "2019", "--quarter", "2019Q1"], status: 64, mentioning: ["one period"])
        try programme.expectRefused(regions + ["--from", "2019-01-01"], status: 64, mentioning: ["--to"])
        try programme.expectRefused(regions + ["--quarter", "2019Q5"], status: 65, mentioning: ["2019Q5"])
        try programme.expectRefused(regions + ["--year", "19"], status: 65, mentioning: ["“19”"])
        try programme.expectRefused(regions + ["--from", "2019-12-31", "--to", "2019-01-01"], status: 65, mentioning: ["2019-01-01", "2019-12-31"])
        try programme.expectRefused(regions + ["--from", "31.02.2019", "--to", "2019-12-31"], status: 64, mentioning: ["'31.02.2019'", "--from"])
        try programme.expectRefused(regions + ["--year", "2019", "--by", "district"], status: 64, mentioning: ["--region"])
        try programme.expectRefused(regions + ["--year", "2019", "--by", "tuman"], status: 64, mentioning: ["tuman"])
        try programme.expectRefused(regions + ["--year", "2019", "--country", "KZ"], status: 65, mentioning: ["KZ"])
        try programme.expectRefused(regions + ["--year", "2019", "--country", "KG", "--region", "Xorazm"], status: 64, mentioning: ["UZ-XO", "KG"])
        try programme.expectRefused(regions + ["--year", "2019", "--region", "Atlantis"], status: 65, mentioning: ["Atlantis"])
        try programme.expectRefused(regions + ["--year", "2019", "--region", "Xorazm", "--district", "Nowhere"], status: 65, mentioning: ["Nowhere"])
        try programme.expectRefused(regions + ["--year", "2019", "--course", "NO-SUCH"], status: 65, mentioning: ["NO-SUCH"])
        try programme.expectRefused(regions + ["--year", "2019", "--kind", "workshop"], status: 64, mentioning: ["'workshop'", "--kind"])
        try programme.expectRefused(regions + ["--year", "2019", "--language", "de"], status: 64, mentioning: ["'de'", "--language", "uz-Latn"])
        try programme.expectRefused(regions + ["--year", "2019", "--format", "xls"], status: 64, mentioning: ["xls"])
        try programme.expectRefused(regions + ["--year", "2019", "--format", "pdf"], status: 64, mentioning: ["--out"])
        let missing = programme.path("no-such-folder/summary.pdf")
        try programme.expectRefused(regions + ["--year", "2019", "--format", "pdf", "--out", missing], status: 74, mentioning: ["no-such-folder"])
        #expect(!FileManager.default.fileExists(atPath: missing))
    }

    @Test func aRefusedReportLeavesTheOldFileAsItWas() throws {
        let programme = try Programme().programme
        let file = programme.path("summary.csv")
        try Data("old".utf8).write(to: URL(fileURLWithPath: file))
        try programme.expectRefused(["report", "regions", "--year", "2019", "--course", "NO-SUCH", "--format", "csv", "--out", file],
                                    status: 65, mentioning: ["NO-SUCH"])
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "old")
    }
}
