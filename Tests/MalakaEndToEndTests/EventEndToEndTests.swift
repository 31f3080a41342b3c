import Foundation
import Testing

@Suite struct EventEndToEndTests {
    // MARK: Scheduling

    @Test func consecutiveDaysFromADayFirstDate() throws {
        let programme = try TemporaryProgramme()

        let event = try programme.json(EventJSON.self, [
            "event", "create", "--course", "PS-PARENTING", "--region", "Xorazm", "--district", "Urganch tumani",
            "--locality", "Navbahor mahallasi", "--venue", "Mahalla markazi",
            "--organiser", "Oila va xotin-qizlar qo\u{02BB}mitasi", "--start", "25.03.2019", "--days", "4",
            "--time", "09:00-12:00", "--trainer", "Dilnoza Yusupova", "--capacity", "25",
        ])

        #expect(event.course == "PS-PARENTING")
        #expect(event.kind == "training")
        #expect(event.title == "Positive parenting skills")
        #expect(event.region == "UZ-XO")
        #expect(event.district == "UZ-XO-URG")
        #expect(event.locality == "Navbahor mahallasi")
        #expect(event.organiser == "Oila va xotin-qizlar qo\u{02BB}mitasi")
        #expect(event.trainers == ["Dilnoza Yusupova"])
        #expect(event.capacity == 25)
        #expect(event.enrolled == 0)
        #expect(event.status == "planned")
        #expect(event.startDate == "2019-03-25")
        #expect(event.endDate == "2019-03-28")
        #expect(event.sessions.map(\.date) == ["2019-03-25", "2019-03-26", "2019-03-27", "2019-03-28"])
        #expect(event.sessions.allSatisfy { $0.start == "09:00" && $0.end == "12:00" && $0.hours == 3 })
        #expect(event.hours == 12)
    }

    @Test func listedSessionsWithOneAtItsOwnTime() throws {
        let programme = try TemporaryProgramme()

        let event = try programme.json(EventJSON.self, [
            "event", "create", "--course", "CR-MONITORING", "--region", "Chuy", "--district", "Alamudun",
            "--venue", "Аламүдүн айыл өкмөтү", "--session", "2019-09-16", "--session", "17.09.2019",
            "--session", "2019-09-18", "--session", "2019-09-19", "--session", "2019-09-20@14:00-17:30",
            "--time", "09:00-13:00", "--trainer", "Айнура Касымова",
        ])

        #expect(event.region == "KG-C")
        #expect(event.district == "KG-C-ALA")
        #expect(event.venue == "Аламүдүн айыл өкмөтү")
        #expect(event.trainers == ["Айнура Касымова"])
        #expect(event.sessions.map(\.date) == ["2019-09-16", "2019-09-17", "2019-09-18", "2019-09-19", "2019-09-20"])
        #expect(event.sessions.prefix(4).allSatisfy { $0.start == "09:00" && $0.end == "13:00" && $0.hours == 4 })
        #expect(event.sessions.last == EventJSON.Session(date: "2019-09-20", start: "14:00", end: "17:30", hours: 3.5))
        #expect(event.hours == 19.5)
    }

    @Test func sessionsWithTheirOwnTimesNeedNoTimeAndTheEventCanBeWider() throws {
        let programme = try TemporaryProgramme()

        let event = try programme.json(EventJSON.self, [
            "event", "create", "--course", "ST-PILOT-MAHALLA", "--region", "UZ-XO", "--start", "2019-03-25",
            "--end", "2019-04-17", "--session", "2019-04-16@10:00-17:00", "--session", "2019-03-25@10:00-17:00",
            "--session", "2019-03-26@09:00-16:00",
        ])

        #expect(event.kind == "study-tour")
        #expect(event.startDate == "2019-03-25")
        #expect(event.endDate == "2019-04-17")
        #expect(event.sessions.map { "\($0.date)@\($0.start)-\($0.end)" } == [
            "2019-03-25@10:00-17:00", "2019-03-26@09:00-16:00", "2019-04-16@10:00-17:00",
        ])
        #expect(event.hours == 21)
    }

    @Test func hoursOverrideTheLengthOfTheTime() throws {
        let programme = try TemporaryProgramme()

        let event = try programme.json(EventJSON.self, [
            "event", "create", "--course", "SEM-INTERAGENCY", "--region", "Toshkent viloyati", "--district", "Zangiota",
            "--start", "2019-11-12", "--days", "2", "--time", "09:30-15:30", "--hours", "5",
            "--trainer", "Rustam Aliyev", "--trainer", "Dilnoza Yusupova", "--trainer", "rustam  aliyev",
        ])

        #expect(event.region == "UZ-TO")
        #expect(event.sessions.map(\.hours) == [5, 5])
        #expect(event.sessions.allSatisfy { $0.start == "09:30" && $0.end == "15:30" })
        #expect(event.hours == 10)
        #expect(event.trainers == ["Dilnoza Yusupova", "Rustam Aliyev"], "a trainer named twice is one trainer")
    }

    @Test func showPrintsTheEventAndItsSessions() throws {
        let programme = try TemporaryProgramme()
        let event = try programme.parentingEvent(capacity: 25)

        let text = try programme.succeed(["event", "show", String(event)]).stdout

        #expect(text.contains("\(event): Positive parenting skills"))
        #expect(text.contains("25.03.2019–28.03.2019"))
        #expect(text.contains("Urgench District, Khorezm Region"))
        #expect(text.contains("Dilnoza Yusupova"))
        #expect(text.contains("0 of 25 places"))
        #expect(text.contains("4        28.03.2019  09:00-12:00  3"))
    }

    // MARK: Listing

    @Test func listFiltersByRegionDatesCourseKindAndStatus() throws {
        // Given four events across the year
        let programme = try TemporaryProgramme()
        let khorezm = try programme.parentingEvent()
        let meeting = try programme.createEvent([
            "--course", "COORD-MEETING", "--region", "Bishkek", "--session", "2019-12-05", "--time", "10:00-13:00",
        ])
        let samarkand = try programme.createEvent([
            "--course", "PS-PARENTING", "--region", "Самарқанд", "--start", "07.10.2019", "--days", "4",
            "--time", "14:00-17:00",
        ])
        let tashkent = try programme.createEvent([
            "--course", "SEM-INTERAGENCY", "--region", "Toshkent viloyati", "--start", "2019-11-12", "--days", "2",
            "--time", "09:30-15:30",
        ])
        try programme.succeed(["event", "cancel", String(meeting), "--reason", "Postponed"])
        func ids(_ filters: [String]) throws -> [Int64] {
            try programme.json([EventJSON].self, ["event", "list"] + filters).map(\.id)
        }

        // Then each filter keeps the right ones, earliest first
        #expect(try ids([]) == [khorezm, samarkand, tashkent, meeting])
        #expect(try ids(["--region", "Xorazm"]) == [khorezm])
        #expect(try ids(["--region", "Toshkent viloyati"]) == [tashkent])
        #expect(try ids(["--region", "UZ-SA"]) == [samarkand])
        #expect(try ids(["--region", "Бишкек"]) == [meeting])
        #expect(try ids(["--from", "2019-10-01", "--to", "2019-11-30"]) == [samarkand, tashkent])
        #expect(try ids(["--from", "27.03.2019", "--to", "27.03.2019"]) == [khorezm], "an event that spans the day")
        #expect(try ids(["--from", "2019-11-13"]) == [tashkent, meeting])
        #expect(try ids(["--to", "2019-03-25"]) == [khorezm])
        #expect(try ids(["--course", "ps-parenting"]) == [khorezm, samarkand])
        #expect(try ids(["--kind", "seminar"]) == [tashkent])
        #expect(try ids(["--kind", "meeting"]) == [meeting])
        #expect(try ids(["--status", "cancelled"]) == [meeting])
        #expect(try ids(["--status", "planned", "--course", "PS-PARENTING", "--from", "2019-06-01"]) == [samarkand])
        #expect(try ids(["--region", "Xorazm", "--kind", "seminar"]) == [])

        let table = try programme.succeed(["event", "list", "--region", "Xorazm"]).stdout
        #expect(table.contains("25.03.2019–28.03.2019"))
        #expect(table.contains("PS-PARENTING"))
        #expect(!table.contains("SEM-INTERAGENCY"))
    }

    // MARK: Cancelling

    @Test func aCancelledEventStaysOnRecordAndTakesNoMore() throws {
        // Given an event with one person enrolled
        let programme = try TemporaryProgramme()
        let event = try programme.parentingEvent()
        let people = try programme.addParticipants(["Gulnora Karimova", "Lola Ismoilova"])
        try programme.enroll(event, [people[0]])

        // When it is cancelled
        let cancelled = try programme.json(EventJSON.self, ["event", "cancel", String(event), "--reason", "Venue flooded"])

        // Then it keeps its reason, and nothing more can happen to it
        #expect(cancelled.status == "cancelled")
        #expect(cancelled.cancelReason == "Venue flooded")
        #expect(try programme.succeed(["event", "show", String(event)]).stdout.contains("cancelled (Venue flooded)"))
        #expect(try programme.json([EventJSON].self, ["event", "list", "--status", "cancelled"]).map(\.id) == [event])
        try programme.expectRefused(["event", "cancel", String(event), "--reason", "Again"], status: 65,
                                    mentioning: ["Event \(event)", "already cancelled"])
        try programme.expectRefused(["event", "held", String(event)], status: 65, mentioning: ["Event \(event)", "cancelled"])
        try programme.expectRefused(["enroll", String(event), String(people[1])], status: 65,
                                    mentioning: ["Event \(event)", "cancelled"])
        try programme.expectRefused(["attendance", "mark", String(event), "--date", "2019-03-25", "--all-present"],
                                    status: 65, mentioning: ["Event \(event)", "cancelled"])
    }

    @Test func aPlannedEventCanBeRecordedAsHeld() throws {
        let programme = try TemporaryProgramme()
        let event = try programme.parentingEvent()

        let held = try programme.json(EventJSON.self, ["event", "held", String(event)])

        #expect(held.status == "held")
    }

    // MARK: Refusals

    /// A command that must be refused, with its exit status and what the message names.
    struct BadInput: Sendable, CustomTestStringConvertible {
        var name: String
        var arguments: [String]
        var status: Int32
        var mentions: [String]

        var testDescription: String { name }

        /// `event create` for the parenting course in Xorazm, with `changes` replacing or adding options.
        static func create(_ name: String, _ changes: [String: String?], status: Int32 = 65, mentions: [String]) -> BadInput {
            var options: [(String, String?)] = [
                ("--course", "PS-PARENTING"), ("--region", "Xorazm"), ("--start", "2019-03-25"), ("--days", "4"),
                ("--time", "09:00-12:00"),
            ]
            for (option, value) in changes.sorted(by: { $0.key < $1.key }) {
                if let index = options.firstIndex(where: { $0.0 == option }) {
                    options[index].1 = value
                } else {
                    options.append((option, value))
                }
            }
            let arguments = options.flatMap { option, value in value.map { [option, $0] } ?? [] }
            return BadInput(name: name, arguments: ["event", "create"] + arguments, status: status, mentions: mentions)
        }

        static func sessions(_ name: String, _ sessions: [String], extra: [String] = [], status: Int32 = 65,
                             mentions: [String]) -> BadInput {
            BadInput(name: name, arguments: ["event", "create", "--course", "PS-PARENTING", "--region", "Xorazm"]
                         + sessions.flatMap { ["--session", $0] } + extra,
                     status: status, mentions: mentions)
        }
    }

    static let badInputs: [BadInput] = [
        .create("an unknown course", ["--course": "PS-NOPE"], mentions: ["“PS-NOPE”", "PS-PARENTING"]),
        .create("an unknown region", ["--region": "Narnia"], mentions: ["“Narnia”", "malaka region list"]),
        .create("an ambiguous region", ["--region": "Tashkent"], mentions: ["“Tashkent”", "UZ-TK", "UZ-TO"]),
        .create("a district of another region", ["--district": "Chilonzor"], mentions: ["“Chilonzor”", "UZ-XO"]),
        // A bad option value is a usage error (64) that names the option, refused before the database is opened.
        .create("31 February", ["--start": "31.02.2019"], status: 64, mentions: ["'31.02.2019'", "--start"]),
        .create("a date that is not one", ["--start": "tomorrow"], status: 64, mentions: ["'tomorrow'", "--start"]),
        .create("a two-digit year", ["--start": "25/03/19"], status: 64, mentions: ["'25/03/19'", "--start"]),
        .sessions("month 13", ["2019-13-01"], extra: ["--time", "09:00-12:00"], status: 64, mentions: ["'2019-13-01'", "--session"]),
        .sessions("day zero of year zero", ["0000-00-00"], extra: ["--time", "09:00-12:00"], status: 64,
                  mentions: ["'0000-00-00'", "--session"]),
        .sessions("a session after the event's end", ["2019-03-27", "2019-03-29"],
                  extra: ["--start", "2019-03-25", "--end", "2019-03-28", "--time", "09:00-12:00"],
                  mentions: ["2019-03-29", "2019-03-25 to 2019-03-28"]),
        .sessions("a session before the event's start", ["2019-03-24", "2019-03-26"],
                  extra: ["--start", "2019-03-25", "--end", "2019-03-28", "--time", "09:00-12:00"],
                  mentions: ["2019-03-24", "2019-03-25 to 2019-03-28"]),
        .sessions("an end before the start", ["2019-03-26"],
                  extra: ["--start", "2019-03-25", "--end", "2019-03-20", "--time", "09:00-12:00"],
                  mentions: ["2019-03-20", "2019-03-25"]),
        .sessions("overlapping sessions", ["2019-03-25@09:00-12:00", "2019-03-25@11:00-13:00"],
                  mentions: ["2019-03-25", "09:00-12:00", "11:00-13:00"]),
        .create("no --time with --days", ["--time": nil], status: 64, mentions: ["--time"]),
        .sessions("no --time with --session", ["2019-03-25", "2019-03-26@09:00-12:00"], status: 64, mentions: ["--time"]),
        .create("no sessions", ["--start": nil, "--days": nil], status: 64, mentions: ["--start", "--session"]),
        .create("--days without --start", ["--start": nil], status: 64, mentions: ["--days", "--start"]),
        .create("--days and --session together", ["--session": "2019-03-25"], status: 64, mentions: ["--days", "--session"]),
        .create("no --course", ["--course": nil], status: 64, mentions: ["--course"]),
        .create("no --region", ["--region": nil], status: 64, mentions: ["--region"]),
        .create("a capacity of 0", ["--capacity": "0"], mentions: ["Capacity 0"]),
        .create("a session that ends before it starts", ["--time": "12:00-09:00"], status: 64, mentions: ["'12:00-09:00'", "--time"]),
        .create("a time without minutes", ["--time": "9-12"], status: 64, mentions: ["'9-12'", "--time"]),
        .create("25 o'clock", ["--time": "09:00-25:00"], status: 64, mentions: ["'09:00-25:00'", "--time"]),
        .create("30 hours a session", ["--hours": "30"], mentions: ["30", "2019-03-25"]),
        .create("a blank trainer", ["--trainer": "  "], mentions: ["Trainer 1"]),
        .create("created cancelled", ["--status": "cancelled"], status: 64, mentions: ["malaka event cancel"]),
        BadInput(name: "show an unknown event", arguments: ["event", "show", "99"], status: 65,
                 mentions: ["event 99", "malaka event list"]),
        BadInput(name: "cancel an unknown event", arguments: ["event", "cancel", "99", "--reason", "Flood"], status: 65,
                 mentions: ["event 99"]),
        BadInput(name: "cancel without a reason", arguments: ["event", "cancel", "1", "--reason", "  "], status: 64,
                 mentions: ["--reason"]),
        BadInput(name: "hold an unknown event", arguments: ["event", "held", "99"], status: 65, mentions: ["event 99"]),
        BadInput(name: "list an unknown region", arguments: ["event", "list", "--region", "Narnia"], status: 65,
                 mentions: ["“Narnia”"]),
        BadInput(name: "list an ambiguous region", arguments: ["event", "list", "--region", "Tashkent"], status: 65,
                 mentions: ["“Tashkent”", "UZ-TK", "UZ-TO"]),
        BadInput(name: "list from 30 February", arguments: ["event", "list", "--from", "2019-02-30"], status: 64,
                 mentions: ["'2019-02-30'", "--from"]),
        BadInput(name: "list an unknown course", arguments: ["event", "list", "--course", "PS-NOPE"], status: 65,
                 mentions: ["“PS-NOPE”"]),
        BadInput(name: "list an unknown kind", arguments: ["event", "list", "--kind", "party"], status: 64,
                 mentions: ["'party'", "--kind", "seminar"]),
        BadInput(name: "list an unknown status", arguments: ["event", "list", "--status", "postponed"], status: 64,
                 mentions: ["'postponed'", "--status", "cancelled"]),
    ]

    @Test(arguments: badInputs)
    func aBadEventCommandIsRefusedAndChangesNothing(_ input: BadInput) throws {
        let programme = try TemporaryProgramme()

        try programme.expectRefused(input.arguments, status: input.status, mentioning: input.mentions)
    }
}
