import Foundation
import GRDB
import Testing

/// Every command that changes the database leaves one entry in `malaka audit`, naming the operation,
/// the account that ran it and what it concerned; an entry edited by hand is found by `audit verify`.
@Suite struct AuditEndToEndTests {
    static let account: String = {
        guard let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name else { return "uid \(geteuid())" }
        return String(cString: name)
    }()

    /// The programme's change log, read straight from the file.
    struct Log {
        let path: String

        func read<T>(_ body: (Database) throws -> T) throws -> T {
            var configuration = Configuration()
            configuration.readonly = true
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? queue.close() }
            return try queue.read(body)
        }

        func lastID() throws -> Int64 {
            try read { try Int64.fetchOne($0, sql: "SELECT coalesce(max(id), 0) FROM change")! }
        }

        func entries(after id: Int64) throws -> [Row] {
            try read { try Row.fetchAll($0, sql: "SELECT operation, actor, subjects FROM change WHERE id > ? ORDER BY id", arguments: [id]) }
        }

        func uuid(_ table: String, _ id: Int64) throws -> String {
            try read { try String.fetchOne($0, sql: "SELECT uuid FROM \(table) WHERE id = ?", arguments: [id])! }
        }
    }

    /// Runs a command that must succeed and checks the entries it left: `operations` in order, each by
    /// this account, the last concerning every uuid in `subjects`.
    func expectLogged(_ programme: TemporaryProgramme, _ arguments: [String], _ operations: [String], subjects: [String] = [],
                      sourceLocation: SourceLocation = #_sourceLocation) throws {
        let log = Log(path: programme.databasePath)
        let before = try log.lastID()
        try programme.succeed(arguments, sourceLocation: sourceLocation)
        let entries = try log.entries(after: before)
        let names = entries.map { $0["operation"] as String }
        #expect(names == operations, "\(arguments.prefix(2).joined(separator: " ")): \(names)", sourceLocation: sourceLocation)
        #expect(entries.allSatisfy { ($0["actor"] as String) == Self.account }, sourceLocation: sourceLocation)
        if let last = entries.last {
            let text: String = last["subjects"]
            for subject in subjects {
                #expect(text.contains(subject), "\(arguments.prefix(2).joined(separator: " ")) concerns \(subject): \(text)", sourceLocation: sourceLocation)
            }
        }
    }

    @Test func everyWriteCommandLeavesItsEntry() throws {
        let programme = try TemporaryProgramme()
        let log = Log(path: programme.databasePath)
        // The catalogue of the template was loaded with `course sync`: its entry is there already
        #expect(try log.entries(after: 0).map { $0["operation"] as String } == ["syncCourses"])

        // Events and their schedule
        let before = try log.lastID()
        let event = try programme.createEvent(["--course", "PS-PARENTING", "--region", "Xorazm", "--start", "25.03.2019", "--days", "4",
                                               "--time", "09:00-12:00", "--trainer", "Dilnoza Yusupova", "--capacity", "2"])
        #expect(try log.entries(after: before).map { $0["operation"] as String } == ["createEvent"])
        let e = String(event)
        let eventUUID = try log.uuid("event", event)
        try expectLogged(programme, ["event", "edit", e, "--venue", "Mahalla markazi"], ["editEvent"], subjects: [eventUUID])
        try expectLogged(programme, ["event", "edit", e, "--end", "29.03.2019"], ["setEventDates"], subjects: [eventUUID])
        try expectLogged(programme, ["event", "label", e, "--project", "UNICEF-2019"], ["labelEvent"], subjects: [eventUUID])
        try expectLogged(programme, ["session", "add", e, "--date", "29.03.2019", "--time", "09:00-12:00"], ["addSession"], subjects: [eventUUID])
        try expectLogged(programme, ["session", "move", e, "--date", "29.03.2019", "--time", "14:00-17:00"], ["moveSession"], subjects: [eventUUID])
        try expectLogged(programme, ["session", "delete", e, "--date", "29.03.2019"], ["deleteSession"], subjects: [eventUUID])
        try expectLogged(programme, ["event", "reschedule", e, "--start", "01.04.2019"], ["rescheduleEvent"], subjects: [eventUUID])
        try expectLogged(programme, ["tour", "create", "--course", "ST-PILOT-MAHALLA", "--time", "10:00-17:00",
                                     "--leg", "host=Bishkek city hall;region=KG-GB;from=16.04.2019"], ["createEvent"])

        // People
        let before2 = try log.lastID()
        let people = try programme.addParticipants(["Gulnora Karimova", "Rustam Aliyev", "Lola Ismoilova"])
        #expect(try log.entries(after: before2).map { $0["operation"] as String } == ["addPerson", "addPerson", "addPerson"])
        let gulnora = try log.uuid("participant", people[0])
        try expectLogged(programme, ["participant", "edit", String(people[0]), "--phone", "+998 90 123 45 67"], ["editPerson"], subjects: [gulnora])
        try expectLogged(programme, ["participant", "edit", String(people[0]), "--alt-name", "Гулнора Каримова"], ["correctName"], subjects: [gulnora])
        let list = programme.path("royxat.csv")
        try "F.I.Sh.;Jinsi\nOʻgʻiloy Qurbonova;ayol\nГулнора Каримовa Эркин қизи;ayol\n".write(toFile: list, atomically: true, encoding: .utf8)
        try expectLogged(programme, ["participant", "import", list, "--on-duplicate", "new"], ["importParticipants"])

        // Enrollment: the third person waits, a place more promotes her, one leaves
        try expectLogged(programme, ["enroll", e] + people.map(String.init), ["enroll"], subjects: [eventUUID, gulnora])
        try expectLogged(programme, ["event", "edit", e, "--capacity", "3"], ["setCapacity"], subjects: [eventUUID, try log.uuid("participant", people[2])])
        try expectLogged(programme, ["participant", "edit", "--event", e, "--category", "parent"], ["editPeople"], subjects: [gulnora])
        try expectLogged(programme, ["unenroll", e, String(people[2])], ["unenroll"], subjects: [eventUUID, try log.uuid("participant", people[2])])

        // Attendance, typed and imported
        try expectLogged(programme, ["attendance", "mark", e, "--date", "01.04.2019", "--all-present"], ["markAttendance"], subjects: [eventUUID, gulnora])
        let sheet = programme.path("davomat.csv")
        try "F.I.Sh.;02.04.2019;03.04.2019;04.04.2019\nGulnora Karimova;+;+;+\nRustam Aliyev;+;+;-\n".write(toFile: sheet, atomically: true, encoding: .utf8)
        try expectLogged(programme, ["attendance", "import", e, sheet], ["importAttendance"], subjects: [eventUUID, gulnora])

        // Merging two records of one person
        let twin = try programme.addParticipant("Karimova Gulnora", ["--new"])
        let twinUUID = try log.uuid("participant", twin)
        try expectLogged(programme, ["participant", "merge", String(people[0]), String(twin)], ["mergePeople"], subjects: [gulnora, twinUUID])

        // Certificates and keys
        try expectLogged(programme, ["keys", "generate", "--organisation", "default", "--out", "programme.key"], ["generateSigningKey"])
        try expectLogged(programme, ["organisation", "set", "default", "--serial-format", "UZ-{year}-{seq:04}"], ["setOrganisation"])
        try expectLogged(programme, ["event", "held", e], ["markEventHeld"], subjects: [eventUUID])
        try expectLogged(programme, ["certificates", "issue", e, "--templates", CertificatesEndToEndTests.templates, "--issue-date", "05.04.2019",
                                     "--out", "issued"], ["issueCertificate"], subjects: [eventUUID, gulnora])
        let serial = try log.read { try String.fetchOne($0, sql: "SELECT serial FROM certificate WHERE status = 'valid' ORDER BY id LIMIT 1")! }
        try expectLogged(programme, ["certificates", "reissue", serial, "--templates", CertificatesEndToEndTests.templates, "--issue-date", "06.04.2019",
                                     "--out", "fixed"], ["reissueCertificate"], subjects: [eventUUID])
        let current = try log.read { try String.fetchOne($0, sql: "SELECT serial FROM certificate WHERE status = 'valid' ORDER BY id DESC LIMIT 1")! }
        try expectLogged(programme, ["certificates", "revoke", current, "--reason", "Issued to the wrong person"], ["revokeCertificate"], subjects: [eventUUID])

        // An event cancelled, a period closed and reopened, the site joining a programme and learning another
        let other = try programme.createEvent(["--course", "PS-PARENTING", "--region", "Xorazm", "--start", "10.06.2019", "--days", "2", "--time", "09:00-12:00"])
        try expectLogged(programme, ["event", "cancel", String(other), "--reason", "No venue"], ["cancelEvent"], subjects: [try log.uuid("event", other)])
        try expectLogged(programme, ["period", "close", "2019-Q2", "--region", "UZ-XO", "--reason", "UNICEF Q2 report"], ["lockPeriod"])
        try expectLogged(programme, ["period", "reopen", "2019-Q2", "--region", "UZ-XO", "--reason", "Sheet found"], ["reopenPeriod"])
        try expectLogged(programme, ["site", "join", "XO-URG1", "--programme", "Parenting Khorezm"], ["joinSite"])
        let key = programme.path("samarkand.pub")
        try (Data(repeating: 7, count: 32).base64EncodedString() + "\n").write(toFile: key, atomically: true, encoding: .utf8)
        try expectLogged(programme, ["site", "add", "SA-SAM1", "--key", key], ["addSite"])

        // A backup restored: the log goes on from the backup's, saying so
        try programme.succeed(["backup", "copy.sqlite"])
        try programme.succeed(["participant", "edit", String(people[1]), "--phone", "+998 90 000 00 00"])
        try programme.succeed(["restore", "copy.sqlite", "--force"])
        let restored = try log.entries(after: 0).map { $0["operation"] as String }
        #expect(restored.suffix(2) == ["addSite", "restoreBackup"], "\(restored)")

        // The log lists, filters and verifies
        let listed = try programme.succeed(["audit", "--event", e]).stdout
        #expect(listed.contains("XO-URG1 #") && listed.contains("markAttendance") && listed.contains(Self.account), "\(listed)")
        let person = try programme.succeed(["audit", "--person", String(people[0]), "--format", "json"]).stdout
        let entries = try JSONSerialization.jsonObject(with: Data(person.utf8)) as! [[String: Any]]
        #expect(entries.contains { $0["operation"] as? String == "correctName" } && entries.contains { $0["operation"] as? String == "mergePeople" })
        #expect(!entries.contains { $0["operation"] as? String == "cancelEvent" })
        #expect(try programme.succeed(["audit", "verify"]).stdout.contains("every hash chain intact"))
    }

    @Test func anAuditRowEditedByHandIsFound() throws {
        let programme = try TemporaryProgramme()
        let people = try programme.addParticipants(["Gulnora Karimova", "Rustam Aliyev"])
        try programme.succeed(["participant", "edit", String(people[0]), "--phone", "+998 90 123 45 67"])
        #expect(try programme.succeed(["audit", "verify"]).status == 0)

        // Someone with the sqlite3 shell puts another account on the second entry
        let queue = try DatabaseQueue(path: programme.databasePath)
        let (site, id) = try queue.write { db -> (String, Int64) in
            let row = try Row.fetchOne(db, sql: "SELECT site, id FROM change WHERE siteSequence = 2")!
            try db.execute(sql: "UPDATE change SET actor = 'somebody' WHERE siteSequence = 2")
            return (row["site"], row["id"])
        }
        try queue.close()

        let result = try programme.run(["audit", "verify"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("\(site) #2 (entry \(id))") && result.stderr.contains("edited"), "\(result)")
    }
}
