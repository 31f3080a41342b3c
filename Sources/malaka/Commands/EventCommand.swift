import ArgumentParser
import Foundation
import TrainingCore

struct EventCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "event",
        abstract: "Schedule events and look at them.",
        subcommands: [Create.self, List.self, Show.self, Cancel.self, Held.self])
}

extension EventCommand {
    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Schedule an event of a course, with its sessions.",
            discussion: """
                Sessions are consecutive days (--start DATE --days N) or listed dates \
                (--session DATE, repeated; DATE@09:00-12:00 gives one its own time). \
                Dates are 2019-03-25 or 25.03.2019.

                Example: malaka event create --course PS-PARENTING --region Xorazm --district Urganch \
                --venue "Mahalla centre" --start 25.03.2019 --days 4 --time 09:00-12:00 \
                --trainer "Dilnoza Yusupova" --capacity 25
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "The course code.") var course: String
        @Option(help: "A title of its own; by default the course's.") var title: String?
        @Option(help: "The region: an ISO code (UZ-XO) or a name (Xorazm).") var region: String
        @Option(help: "The district, by code or name.") var district: String?
        @Option(help: "The mahalla, ayil aimak or town.") var locality: String?
        @Option(help: "Where it is held.") var venue: String?
        @Option(help: "The organisation running it.") var organiser: String?
        @Option(help: "A trainer's name; repeat for several.") var trainer: [String] = []
        @Option(help: "The number of places.") var capacity: Int?
        @Option(help: "The first day.") var start: String?
        @Option(help: "The last day, if later than the last session.") var end: String?
        @Option(help: "Sessions on this many consecutive days from --start.") var days: Int?
        @Option(help: ArgumentHelp("A session day, or DATE@HH:MM-HH:MM; repeat.", valueName: "date")) var session: [String] = []
        @Option(help: ArgumentHelp("The sessions' times.", valueName: "HH:MM-HH:MM")) var time: String?
        @Option(help: "Hours per session, when not the length of --time.") var hours: Double?
        @Option(help: "planned (default) or held, to record a past event.") var status = "planned"

        func validate() throws {
            if days != nil && !session.isEmpty {
                throw ValidationError("Give either --start with --days, or --session dates, not both.")
            }
            if days != nil && start == nil {
                throw ValidationError("--days needs --start, the first day.")
            }
            if days == nil && session.isEmpty {
                throw ValidationError("Say when the sessions are: --start DATE --days N, or --session DATE (repeated).")
            }
            if let days, !(1...366).contains(days) {
                throw ValidationError("--days must be from 1 to 366.")
            }
        }

        func run() throws {
            let defaultTime = try time.map(TimeRange.init(parsing:))
            func needTime() throws -> TimeRange {
                guard let defaultTime else {
                    throw MalakaError.usage("Give the sessions' times with --time 09:00-13:00.")
                }
                return defaultTime
            }
            let startDate = try start.map(DayDate.init(parsing:))
            var sessions: [EventPlan.PlannedSession]
            if let days, let startDate {
                sessions = EventPlan.consecutiveSessions(from: startDate, days: days, time: try needTime())
            } else {
                sessions = try session.map { text in
                    let parts = text.split(separator: "@", maxSplits: 1).map(String.init)
                    let date = try DayDate(parsing: parts[0])
                    let range = parts.count == 2 ? try TimeRange(parsing: parts[1]) : try needTime()
                    return EventPlan.PlannedSession(date: date, time: range)
                }
            }
            if let hours {
                for index in sessions.indices { sessions[index].hours = hours }
            }
            let plan = EventPlan(
                courseCode: course, title: title, region: region, district: district, locality: locality,
                venue: venue, organiser: organiser, trainers: trainer, capacity: capacity, sessions: sessions,
                startDate: startDate, endDate: try end.map(DayDate.init(parsing:)),
                status: try EventStatus(parsing: status))
            if plan.status == .cancelled {
                throw MalakaError.usage("An event is created planned or held; cancel it afterwards with `malaka event cancel`.")
            }
            let detail = try database.open().createEvent(plan)
            if output.json { return try Printer.json(EventView(detail)) }
            print("Created event \(detail.id).")
            EventView.printDetail(detail)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List events, earliest first.",
            discussion: "Example: malaka event list --region Xorazm --from 2019-01-01 --to 2019-12-31")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "Only events in this region.") var region: String?
        @Option(help: "Only events of this course.") var course: String?
        @Option(help: "Only events of this kind: training, seminar, study-tour, meeting, round-table.") var kind: String?
        @Option(help: "Only planned, held or cancelled events.") var status: String?
        @Option(help: "Only events with a day on or after this date.") var from: String?
        @Option(help: "Only events with a day on or before this date.") var to: String?

        func run() throws {
            let filter = EventFilter(
                region: region, courseCode: course, kind: try kind.map(EventKind.init(parsing:)),
                status: try status.map(EventStatus.init(parsing:)),
                from: try from.map(DayDate.init(parsing:)), to: try to.map(DayDate.init(parsing:)))
            let events = try database.open().events(matching: filter)
            if output.json { return try Printer.json(events.map(EventView.init)) }
            Printer.table(["Id", "Dates", "Course", "Region", "Status", "Enrolled", "Title"], events.map { detail in
                [String(detail.id), EventView.dates(detail.event), detail.course.course.code, detail.event.regionCode,
                 detail.event.status.rawValue, capacityText(detail), detail.title()]
            })
        }

        private func capacityText(_ detail: EventDetail) -> String {
            detail.event.capacity.map { "\(detail.enrolledCount)/\($0)" } ?? String(detail.enrolledCount)
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show an event with its sessions and trainers.",
            discussion: "Example: malaka event show 1")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The event number.") var event: Int64

        func run() throws {
            let detail = try database.open().eventDetail(id: event)
            if output.json { return try Printer.json(EventView(detail)) }
            EventView.printDetail(detail)
        }
    }

    struct Cancel: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Cancel an event; it stays on record with the reason.",
            discussion: "Example: malaka event cancel 3 --reason \"Venue flooded\"")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The event number.") var event: Int64
        @Option(help: "Why it is cancelled.") var reason: String

        func run() throws {
            let detail = try database.open().cancelEvent(id: event, reason: reason)
            if output.json { return try Printer.json(EventView(detail)) }
            print("Cancelled event \(detail.id): \(detail.title()) (\(reason)).")
        }
    }

    struct Held: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record that a planned event was held.",
            discussion: "Example: malaka event held 1")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The event number.") var event: Int64

        func run() throws {
            let detail = try database.open().markEventHeld(id: event)
            if output.json { return try Printer.json(EventView(detail)) }
            print("Event \(detail.id) is recorded as held.")
        }
    }
}

struct EventView: Encodable {
    struct SessionView: Encodable {
        var id: Int64
        var date: String
        var start: String
        var end: String
        var hours: Double
    }

    var id: Int64
    var course: String
    var title: String
    var kind: String
    var region: String
    var district: String?
    var locality: String?
    var venue: String?
    var organiser: String?
    var trainers: [String]
    var capacity: Int?
    var enrolled: Int
    var status: String
    var cancelReason: String?
    var startDate: String
    var endDate: String
    var hours: Double
    var sessions: [SessionView]

    init(_ detail: EventDetail) {
        let event = detail.event
        id = detail.id
        course = detail.course.course.code
        title = detail.title()
        kind = detail.course.course.kind.rawValue
        region = event.regionCode
        district = event.districtCode
        locality = event.locality
        venue = event.venue
        organiser = event.organiser
        trainers = detail.trainers
        capacity = event.capacity
        enrolled = detail.enrolledCount
        status = event.status.rawValue
        cancelReason = event.cancelReason
        startDate = event.startDate.iso
        endDate = event.endDate.iso
        hours = detail.totalHours
        sessions = detail.sessions.map {
            SessionView(id: $0.id!, date: $0.date.iso, start: $0.startTime.description, end: $0.endTime.description, hours: $0.hours)
        }
    }

    static func dates(_ event: Event) -> String {
        event.startDate == event.endDate ? event.startDate.dotted : "\(event.startDate.dotted)–\(event.endDate.dotted)"
    }

    static func printDetail(_ detail: EventDetail) {
        let event = detail.event
        let gazetteer = Gazetteer.bundled
        let place = [
            event.venue, event.locality, event.districtCode.flatMap { gazetteer.district(code: $0)?.name(in: .english) },
            gazetteer.region(code: event.regionCode)?.name(in: .english),
        ].compactMap { $0 }.joined(separator: ", ")
        Printer.fields([
            ("Event", "\(detail.id): \(detail.title())"),
            ("Course", "\(detail.course.course.code) (\(detail.course.course.kind.rawValue))"),
            ("Dates", dates(event)), ("Place", place), ("Organiser", event.organiser),
            ("Trainers", detail.trainers.joined(separator: ", ")),
            ("Enrolled", event.capacity.map { "\(detail.enrolledCount) of \($0) places" } ?? String(detail.enrolledCount)),
            ("Status", event.status == .cancelled ? "cancelled (\(event.cancelReason ?? ""))" : event.status.rawValue),
        ])
        Printer.table(["Session", "Date", "Time", "Hours"], detail.sessions.enumerated().map { index, session in
            [String(index + 1), session.date.dotted, "\(session.startTime)-\(session.endTime)", Printer.hours(session.hours)]
        })
    }
}
