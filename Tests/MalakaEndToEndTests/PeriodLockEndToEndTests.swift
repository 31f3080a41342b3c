import Foundation
import Testing

/// A closed quarter refuses every kind of change to its numbers, keeps them through a year of other
/// changes, says so in its reports, and opens again with a reason; all of it logged.
@Suite struct PeriodLockEndToEndTests {
    /// Runs a command that a lock must refuse: exit 65 naming the lock, and nothing changed but one
    /// more “refused” entry in the change log.
    func expectRefusedByLock(_ donor: DonorProgramme, _ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try donor.programme.fingerprint()
        let result = try donor.programme.run(arguments)
        expectRefusal(result, status: 65, mentioning: ["2019-Q4", "Samarkand Region (UZ-SA)", "UNICEF Q4 report", "Nothing was changed"],
                      sourceLocation: sourceLocation)
        let changes = try donor.programme.fingerprint().changes(since: before) ?? ""
        // The refusal is one entry added to the change log; the site's count of its entries moves with it.
        let lines = changes.split(separator: "\n").filter { !$0.dropFirst(2).hasPrefix("LOCAL-") }
        #expect(lines.count == 1 && lines[0].hasPrefix("+ ") && lines[0].contains("refused"),
                "only the refusal is logged: \(changes)\n\(result)", sourceLocation: sourceLocation)
    }

    func close(_ donor: DonorProgramme) throws {
        let closed = try donor.programme.succeed(["period", "close", "2019-Q4", "--region", "UZ-SA", "--reason", "UNICEF Q4 report"])
        #expect(closed.stdout.contains("Closed lock 1: 2019-Q4 for Samarkand Region (UZ-SA)"))
    }

    @Test func aClosedQuarterRefusesEveryKindOfChangeWithTheDatabaseUnchanged() throws {
        let donor = try DonorProgramme()
        try close(donor)
        let urgut = String(donor.events["urgut"]!)
        let aziz = String(donor.people["Aziz"]!)
        let gulnora = String(donor.people["Gulnora"]!)
        let shohida = String(donor.people["Shohida"]!)
        // Attendance, enrollments, the event and its sessions
        try expectRefusedByLock(donor, ["attendance", "mark", urgut, "--date", "10.10.2019", "--present", aziz])
        try expectRefusedByLock(donor, ["enroll", urgut, shohida])
        try expectRefusedByLock(donor, ["unenroll", urgut, aziz, "--force"])
        try expectRefusedByLock(donor, ["event", "cancel", urgut, "--reason", "Recorded by mistake"])
        try expectRefusedByLock(donor, ["event", "label", urgut, "--project", "UNICEF-2019"])
        try expectRefusedByLock(donor, ["event", "reschedule", urgut, "--start", "14.10.2019", "--force"])
        try expectRefusedByLock(donor, ["session", "add", urgut, "--date", "08.10.2019", "--time", "14:00-17:00"])
        // People's sex, birth year and category
        try expectRefusedByLock(donor, ["participant", "edit", aziz, "--sex", "male"])
        try expectRefusedByLock(donor, ["participant", "edit", gulnora, "--birth-year", "1985"])
        try expectRefusedByLock(donor, ["participant", "edit", aziz, "--category", "parent"])
        // Certificates
        let bundle = donor.programme.path("urgut.pdf")
        try expectRefusedByLock(donor, ["certificates", "issue", urgut, "--templates", CertificatesEndToEndTests.templates,
                                        "--issue-date", "01.11.2019", "--bundle", bundle])
        #expect(!FileManager.default.fileExists(atPath: bundle))
        // What does not touch the quarter's numbers is allowed: a phone, another region's event
        try donor.programme.succeed(["participant", "edit", aziz, "--phone", "+998 91 000 00 00"])
        try donor.programme.succeed(["participant", "edit", shohida, "--sex", "female", "--birth-year", "1991"])
        try donor.programme.succeed(["attendance", "mark", String(donor.events["urganch"]!), "--date", "28.03.2019", "--present", String(donor.people["Rustam"]!)])

        // Every refusal is in the log
        let log = try donor.programme.succeed(["period", "list", "--log"]).stdout
        #expect(log.components(separatedBy: " refused ").count - 1 == 11, "\(log)")
    }

    @Test func aClosedQuarterReportsTheSameNumbersAfterAYearOfOtherChanges() throws {
        let donor = try DonorProgramme()
        let arguments = ["--quarter", "2019Q4", "--region", "Samarqand"]
        let before = try donor.programme.succeed(["report", "regions", "--format", "json"] + arguments).stdout
        try close(donor)

        // A year of other work: events of 2020 in the same region, new people, corrections elsewhere
        let people = try (1...6).map { try donor.programme.addParticipant("Person \($0)", ["--sex", $0 % 2 == 0 ? "male" : "female"]) }
        for month in ["01", "04", "07", "10"] {
            let event = try donor.programme.createEvent(["--course", "PS-PARENTING", "--region", "Samarqand", "--district", "Urgut",
                                                          "--start", "06.\(month).2020", "--days", "2", "--time", "09:00-12:00"])
            try donor.programme.enroll(event, people + [donor.people["Gulnora"]!].filter { _ in month == "01" })
            try donor.programme.succeed(["attendance", "mark", String(event), "--date", "06.\(month).2020", "--all-present"])
        }
        try donor.programme.succeed(["participant", "edit", String(donor.people["Shohida"]!), "--category", "teacher"])
        try donor.programme.succeed(["event", "label", String(donor.events["urganch"]!), "--project", "EU-2019"])

        let after = try donor.programme.succeed(["report", "regions", "--format", "json"] + arguments).stdout
        #expect(try Self.numbers(after) == (try Self.numbers(before)), "the closed quarter's numbers did not move")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(after.utf8)) as? [String: Any])
        let closed = try #require((json["closed"] as? [[String: Any]])?.first)
        #expect(closed["period"] as? String == "2019-Q4" && closed["reason"] as? String == "UNICEF Q4 report")
        let table = try donor.programme.succeed(["report", "regions"] + arguments).stdout
        #expect(table.contains("Closed for reporting: 2019-Q4, Samarkand Region, "), "\(table)")
        // A quarter that is not closed says nothing of the kind
        let open = try donor.programme.succeed(["report", "regions", "--quarter", "2020Q1", "--region", "Samarqand"]).stdout
        #expect(!open.contains("Closed for reporting"))
    }

    @Test func reopeningWithAReasonAllowsChangesAgainAndIsLogged() throws {
        let donor = try DonorProgramme()
        try close(donor)
        let urgut = String(donor.events["urgut"]!)
        let aziz = String(donor.people["Aziz"]!)
        try expectRefusedByLock(donor, ["attendance", "mark", urgut, "--date", "10.10.2019", "--present", aziz])
        try donor.programme.expectRefused(["period", "close", "2019-Q4", "--region", "UZ-SA", "--reason", "Again"], status: 65,
                                          mentioning: ["already closed"])
        try donor.programme.expectRefused(["period", "reopen", "2019-Q3", "--region", "UZ-SA", "--reason", "Wrong one"], status: 65,
                                          mentioning: ["2019-Q3", "2019-Q4 for Samarkand Region (UZ-SA)"])
        try donor.programme.expectRefused(["period", "reopen", "2019-Q4", "--region", "UZ-SA", "--reason", " "], status: 64,
                                          mentioning: ["reason"])
        try donor.programme.expectRefused(["period", "close", "2099-Q1", "--reason", "Too early"], status: 65, mentioning: ["not ended"])

        let reopened = try donor.programme.succeed(["period", "reopen", "2019-Q4", "--region", "UZ-SA", "--reason", "Sheet of 10 October found"])
        #expect(reopened.stdout.contains("Reopened lock 1"))
        try donor.programme.succeed(["attendance", "mark", urgut, "--date", "10.10.2019", "--present", aziz])

        let log = try donor.programme.succeed(["period", "list", "--log"]).stdout
        let actions = log.split(separator: "\n").dropFirst(2).map { $0.split(separator: " ", omittingEmptySubsequences: true) }
        #expect(actions.map { $0[4] } == ["close", "refused", "reopen"], "\(log)")
        #expect(log.contains("Sheet of 10 October found") && log.contains("attendance "))
        let list = try donor.programme.succeed(["period", "list"]).stdout
        #expect(list.contains("2019-Q4") && list.contains("Sheet of 10 October found"))
    }

    /// The rows and total of a region summary's JSON, without when it was made.
    static func numbers(_ json: String) throws -> String {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let data = try JSONSerialization.data(withJSONObject: ["rows": object["rows"]!, "total": object["total"]!], options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }
}
