import Foundation
import Testing

@Suite struct SchedulingEndToEndTests {
    /// Dilnoza teaching in Urganch, 25–28 March 2019, 09:00–12:00, in the mahalla centre.
    private func urganch(_ programme: TemporaryProgramme, capacity: Int? = nil) throws -> Int64 {
        try programme.createEvent(
            ["--course", "PS-PARENTING", "--region", "Xorazm", "--district", "Urganch tumani", "--venue", "Mahalla markazi",
             "--start", "25.03.2019", "--days", "4", "--time", "09:00-12:00", "--trainer", "Dilnoza Yusupova"]
                + (capacity.map { ["--capacity", String($0)] } ?? []))
    }

    @Test func aDoubleBookedTrainerIsRefusedThenAllowedAndRecorded() throws {
        // Given Dilnoza teaching in Urganch
        let programme = try TemporaryProgramme()
        let first = try urganch(programme)
        let samarkand = ["event", "create", "--course", "PS-PARENTING", "--region", "Samarqand", "--venue", "Bolalar bog\u{02BB}chasi 12",
                         "--start", "26.03.2019", "--days", "2", "--time", "10:00-13:00", "--trainer", "Dilnoza Yusupova"]

        // When she is booked in Samarkand at the same time, then it is refused, naming event, place and overlap
        try programme.expectRefused(samarkand, status: 65, mentioning: [
            "Trainer Dilnoza Yusupova", "event \(first) (Positive parenting skills, Mahalla markazi, Urgench District, Khorezm",
            "26.03.2019 09:00–12:00", "they overlap 10:00–12:00", "--allow-conflict",
        ])

        // When it is allowed, then it is created, and the override shows in event show and schedule check
        let second = try programme.createEvent(Array(samarkand.dropFirst(2)) + ["--allow-conflict"])
        let shown = try programme.succeed(["event", "show", String(second)]).stdout
        #expect(shown.contains("Conflicts allowed with --allow-conflict:"))
        #expect(shown.contains("create, "))
        #expect(try programme.succeed(["event", "show", String(first)]).stdout.contains("Trainer Dilnoza Yusupova"))
        let check = try programme.succeed(["schedule", "check"]).stdout
        #expect(check.contains("[allowed] Trainer Dilnoza Yusupova"))
        #expect(check.contains("2 conflict(s), 2 of them allowed with --allow-conflict."))
    }

    @Test func touchingSessionsAreNotAConflict() throws {
        let programme = try TemporaryProgramme()
        _ = try urganch(programme)
        _ = try programme.createEvent(["--course", "SEM-INTERAGENCY", "--region", "UZ-XO", "--venue", "MAHALLA  markazi",
                                       "--session", "25.03.2019", "--time", "12:00-15:00", "--trainer", "Dilnoza Yusupova"])
        #expect(try programme.succeed(["schedule", "check"]).stdout.hasPrefix("No conflicts"))
    }

    @Test func waitlistPromotionIsAnnouncedAndShown() throws {
        let programme = try TemporaryProgramme()
        let event = try urganch(programme, capacity: 1)
        let people = try programme.addParticipants(["Aziza Rahimova", "Bekzod Sobirov", "Charos Olimova"])
        try programme.enroll(event, people)
        let shown = try programme.succeed(["event", "show", String(event)]).stdout
        #expect(shown.contains("Waitlist, in order:\n  1. \(people[1])  Bekzod Sobirov\n  2. \(people[2])  Charos Olimova"))
        let json = try programme.json(EventJSON.self, ["event", "show", String(event)])
        #expect(json.enrolled == 1)
        let withdrawn = try programme.succeed(["unenroll", String(event), String(people[0])]).stdout
        #expect(withdrawn.contains("Promoted from the waitlist: Bekzod Sobirov (\(people[1])) is now enrolled in event \(event)."))
        let raised = try programme.succeed(["event", "edit", String(event), "--capacity", "2"]).stdout
        #expect(raised.contains("Promoted from the waitlist: Charos Olimova (\(people[2]))."))
        try programme.expectRefused(["event", "edit", String(event), "--capacity", "1"], status: 65,
                                    mentioning: ["2 people enrolled", "would drop 1"])
        try programme.expectRefused(["attendance", "mark", String(event), "--date", "25.03.2019", "--present", String(people[0])],
                                    status: 65, mentioning: ["not enrolled"])
    }

    @Test func anAttendedSessionMovesOnlyWithForceAndTakesItsMarks() throws {
        let programme = try TemporaryProgramme()
        let event = try urganch(programme)
        let people = try programme.addParticipants(["Aziza Rahimova", "Bekzod Sobirov"])
        try programme.enroll(event, people)
        try programme.succeed(["attendance", "mark", String(event), "--date", "25.03.2019", "--all-present"])

        try programme.expectRefused(["session", "move", String(event), "--date", "25.03.2019", "--time", "14:00-17:00"],
                                    status: 65, mentioning: ["2 attendance mark(s)", "--force"])
        try programme.expectRefused(["session", "delete", String(event), "--date", "25.03.2019"],
                                    status: 65, mentioning: ["Aziza Rahimova (\(people[0]))", "Bekzod Sobirov", "lose them"])
        try programme.expectRefused(["event", "reschedule", String(event), "--start", "01.04.2019"],
                                    status: 65, mentioning: ["2 attendance mark(s)", "--force"])
        let dryRun = try programme.fingerprint()
        let preview = try programme.succeed(["session", "delete", String(event), "--date", "25.03.2019", "--dry-run"]).stdout
        #expect(preview.contains("2 attendance mark(s) would be lost, of: Aziza Rahimova"))
        #expect(try programme.fingerprint().changes(since: dryRun) == nil)

        let moved = try programme.succeed(["session", "move", String(event), "--date", "25.03.2019", "--time", "14:00-17:00", "--force"])
        #expect(moved.stdout.contains("its 2 attendance mark(s) moved with it."))
        let sheet = try programme.json(AttendanceSheetJSON.self, ["attendance", "show", String(event)])
        #expect(sheet.rows.count == 2)
        let show = try programme.json(EventJSON.self, ["event", "show", String(event)])
        #expect(show.sessions[0].start == "14:00")
    }

    @Test func aStudyTourWithTwoLegs() throws {
        let programme = try TemporaryProgramme()
        let tour = try programme.json(EventJSON.self, [
            "tour", "create", "--course", "ST-PILOT-MAHALLA", "--sending-organisation", "Zangiota tuman hokimligi",
            "--sending-region", "Toshkent viloyati", "--time", "10:00-17:00", "--trainer", "Rustam Aliyev",
            "--leg", "host=Urganch tuman hokimligi;place=Urganch;region=Xorazm;from=25.03.2019;to=26.03.2019;visited=Mahalla centre",
            "--leg", "host=Bishkek city hall;region=KG-GB;from=16.04.2019;to=17.04.2019;time=09:00-16:00",
        ])
        #expect(tour.kind == "study-tour")
        #expect(tour.sessions.map(\.date) == ["2019-03-25", "2019-03-26", "2019-04-16", "2019-04-17"])
        #expect(tour.startDate == "2019-03-25" && tour.endDate == "2019-04-17")
        let shown = try programme.succeed(["event", "show", String(tour.id)]).stdout
        #expect(shown.contains("Legs:") && shown.contains("Bishkek city hall") && shown.contains("09:00-16:00 Asia/Bishkek"))
        #expect(shown.contains("Sending:  Zangiota tuman hokimligi, Tashkent Region"))
        let agenda = try programme.succeed(["agenda", "--from", "16.04.2019", "--to", "16.04.2019"]).stdout
        #expect(agenda == """
            Tuesday 16.04.2019
              09:00–16:00 (Bishkek)  event \(tour.id), Study tour for specialists of pilot mahallas (3/4)
                Bishkek city hall, Bishkek City · Rustam Aliyev

            """)
    }

    @Test func everyBadSchedulingInputIsRefusedWithASentenceAndChangesNothing() throws {
        // Given a programme with a training that has attendance, a cancelled meeting and a full event
        let programme = try TemporaryProgramme()
        let event = try urganch(programme, capacity: 1)
        let people = try programme.addParticipants(["Aziza Rahimova", "Bekzod Sobirov"])
        try programme.enroll(event, people)
        let other = try programme.createEvent(["--course", "COORD-MEETING", "--region", "Samarqand", "--session", "26.03.2019",
                                               "--time", "11:00-13:00"])
        let meeting = try programme.createEvent(["--course", "COORD-MEETING", "--region", "Chuy", "--session", "05.12.2019",
                                                 "--time", "10:00-13:00"])
        try programme.succeed(["event", "cancel", String(meeting), "--reason", "Postponed"])
        let e = String(event)
        let create = ["event", "create", "--course", "PS-PARENTING", "--region", "Xorazm", "--time", "14:00-16:00"]
        let leg = "host=Urganch tuman hokimligi;region=Xorazm;from=25.03.2019"
        let tour = ["tour", "create", "--course", "ST-PILOT-MAHALLA", "--time", "10:00-17:00"]
        let cases: [(arguments: [String], status: Int32, mentions: [String])] = [
            (create + ["--start", "25.03.2019", "--every", "fortnight", "--count", "2"], 64, ["'fortnight'", "--every"]),
            (create + ["--start", "25.03.2019", "--every", "week", "--on", "funday", "--count", "2"], 64, ["'funday'", "--on"]),
            (create + ["--start", "25.03.2019", "--every", "week"], 64, ["--count", "--until"]),
            (create + ["--start", "25.03.2019", "--every", "week", "--count", "2", "--until", "01.05.2019"], 64, ["--count", "--until"]),
            (create + ["--start", "25.03.2019", "--every", "week", "--count", "0"], 64, ["--count"]),
            (create + ["--start", "25.03.2019", "--every", "week", "--until", "01.03.2019"], 65, ["01.03.2019", "--until"]),
            (create + ["--start", "25.03.2019", "--every", "month", "--on", "tuesday", "--count", "2"], 64, ["--on"]),
            (create + ["--start", "25.03.2019", "--days", "2", "--on", "tuesday"], 64, ["--on", "--every"]),
            (create + ["--start", "31.01.2019", "--every", "month", "--count", "3", "--end", "30.03.2019"], 65,
             ["past the event's last day, 30.03.2019", "(31.03.2019)", "--count 2"]),
            (create + ["--start", "25.03.2019", "--days", "1", "--trainer", "Dilnoza Yusupova", "--time", "11:00-13:00"], 65,
             ["Trainer Dilnoza Yusupova", "event \(event)"]),
            (["enroll", String(other), String(people[0])], 65, ["Aziza Rahimova (\(people[0]))", "event \(event)", "11:00–12:00"]),
            (["enroll", e, String(people[1])], 65, ["already number 1 on the waitlist"]),
            (["session", "move", e, "--date", "29.03.2019", "--to", "30.03.2019"], 65, ["no session on 29.03.2019"]),
            (["session", "move", e, "--date", "25.03.2019", "--to", "02.04.2019"], 65, ["outside event \(event)'s dates", "event edit"]),
            (["session", "move", e, "--date", "25.03.2019", "--to", "26.03.2019"], 65, ["Two sessions on 2019-03-26 overlap"]),
            (["session", "move", e, "--date", "25.03.2019"], 64, ["--to", "--time"]),
            (["session", "move", e, "--date", "25.03.2019", "--time", "12:00-09:00"], 64, ["'12:00-09:00'", "--time"]),
            (["session", "add", e, "--date", "01.05.2019", "--time", "09:00-12:00"], 65, ["outside event \(event)'s dates"]),
            (["session", "delete", String(other), "--date", "26.03.2019"], 65, ["only one", "event cancel"]),
            (["session", "delete", String(meeting), "--date", "05.12.2019"], 65, ["cancelled"]),
            (["event", "reschedule", String(meeting), "--start", "06.12.2019"], 65, ["cancelled"]),
            (["event", "reschedule", e, "--start", "31.02.2019"], 64, ["'31.02.2019'", "--start"]),
            (["event", "reschedule", "99", "--start", "01.04.2019"], 65, ["event 99"]),
            (["event", "edit", e], 64, ["--capacity"]),
            (["event", "edit", e, "--capacity", "0"], 65, ["Capacity 0"]),
            (["event", "edit", e, "--capacity", "2", "--no-capacity"], 64, ["--no-capacity"]),
            (["event", "edit", e, "--end", "26.03.2019"], 65, ["session on 27.03.2019"]),
            (tour, 64, ["--leg"]),
            (tour + ["--leg", "host=X;region=Xorazm;from=25.03.2019;colour=red"], 64, ["“colour”"]),
            (tour + ["--leg", "region=Xorazm;from=25.03.2019"], 64, ["host="]),
            (tour + ["--leg", "host=X;region=Narnia;from=25.03.2019"], 65, ["“Narnia”"]),
            (tour + ["--leg", "host=X;region=Xorazm;from=25.03.2019;to=24.03.2019"], 65, ["Leg 1", "24.03.2019"]),
            (tour + ["--leg", leg + ";to=27.03.2019", "--leg", "host=Y;region=UZ-TK;from=27.03.2019"], 65, ["share days"]),
            (tour.map { $0 == "ST-PILOT-MAHALLA" ? "PS-PARENTING" : $0 } + ["--leg", leg], 65, ["not a study tour"]),
            (["agenda", "--from", "31.02.2019"], 64, ["'31.02.2019'", "--from"]),
            (["agenda", "--from", "01.04.2019", "--to", "01.03.2019"], 64, ["--to"]),
            (["agenda", "--trainer", "Nobody Atall"], 65, ["“Nobody Atall”", "Dilnoza Yusupova"]),
            (["agenda", "--kind", "party"], 64, ["'party'", "--kind"]),
            (["calendar", "export", "--event", "99"], 65, ["event 99"]),
            (["calendar", "export", "--region", "Narnia"], 65, ["“Narnia”"]),
            (["calendar", "export", "--out", programme.path("no/such/folder/x.ics")], 74, ["no/such/folder"]),
        ]
        for input in cases {
            try programme.expectRefused(input.arguments, status: input.status, mentioning: input.mentions)
        }
    }
}
