import ArgumentParser
import Foundation
import TrainingCore

struct EventCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "event",
        abstract: "Schedule events and look at them.",
        subcommands: [Create.self, List.self, Show.self, Cancel.self, Held.self, Reschedule.self, Edit.self, Label.self])
}

extension EventCommand {
    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create",
            abstract: "Schedule an event of a course, with its sessions.",
            discussion: """
                Sessions are consecutive days (--start DATE --days N), listed dates \
                (--session DATE, repeated; DATE@09:00-12:00 gives one its own time), or a \
                recurrence (--start DATE --every week --on tuesday --count 6, or --until DATE; \
                --every month keeps the day of the month, or the month's last day). \
                Dates are 2019-03-25 or 25.03.2019. Times are local to the place \
                (Asia/Tashkent in Uzbekistan, Asia/Bishkek in Kyrgyzstan).

                A trainer or venue already booked at the same time is refused, naming \
                the other event; --allow-conflict schedules it anyway and records the override.

                Example: malaka event create --course PS-PARENTING --region Xorazm --district "Urganch tumani" \
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
        @Option(help: "The project or donor it is reported under, such as UNICEF-2019.") var project: String?
        @Option(help: "A trainer's name; repeat for several.") var trainer: [String] = []
        @Option(help: "The number of places.") var capacity: Int?
        @Option(help: ArgumentHelp("The first day: 2019-03-25 or 25.03.2019.", valueName: "date")) var start: DayDate?
        @Option(help: ArgumentHelp("The last day, if later than the last session.", valueName: "date")) var end: DayDate?
        @Option(help: "Sessions on this many consecutive days from --start.") var days: Int?
        @Option(help: ArgumentHelp("A session day, or DATE@HH:MM-HH:MM; repeat.", valueName: "date")) var session: [SessionDay] = []
        @Option(help: ArgumentHelp("The sessions' times.", valueName: "HH:MM-HH:MM")) var time: TimeRange?
        @Option(help: "Hours per session, when not the length of --time.") var hours: Double?
        @Option(help: "planned (default) or held, to record a past event.") var status: EventStatus = .planned
        @Option(help: ArgumentHelp("Repeat sessions every day, week or month from --start.", valueName: "day|week|month")) var every: RecurrenceUnit?
        @Option(help: "With --every: every this many days, weeks or months.") var interval = 1
        @Option(help: ArgumentHelp("With --every week: the weekdays, e.g. tuesday or tue,thu.", valueName: "weekdays")) var on: Weekdays?
        @Option(help: "With --every: this many sessions.") var count: Int?
        @Option(help: ArgumentHelp("With --every: sessions up to this day.", valueName: "date")) var until: DayDate?
        @Flag(help: "Schedule even if a trainer or the venue is booked elsewhere at the time; the override is recorded.") var allowConflict = false

        func validate() throws {
            if every != nil {
                if days != nil || !session.isEmpty {
                    throw ValidationError("Give one of --days, --session or --every, not several.")
                }
                if start == nil { throw ValidationError("--every needs --start, the first day.") }
                if (count == nil) == (until == nil) {
                    throw ValidationError("With --every, say when it stops: --count N or --until DATE (one of them).")
                }
                if on != nil && every != .week {
                    throw ValidationError("--on names weekdays for --every week; a monthly recurrence keeps the day of --start.")
                }
                return
            }
            if on != nil || count != nil || until != nil {
                throw ValidationError("--on, --count and --until go with --every.")
            }
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
            func needTime() throws -> TimeRange {
                guard let time else {
                    throw MalakaError.usage("Give the sessions' times with --time 09:00-13:00.")
                }
                return time
            }
            let startDate = start
            var sessions: [EventPlan.PlannedSession]
            if let every, let startDate {
                let stop: Recurrence.End = until.map { .until($0) } ?? .count(count ?? 1)
                sessions = try EventPlan.recurringSessions(
                    Recurrence(frequency: every.frequency(on: on), start: startDate, end: stop, interval: interval),
                    time: try needTime(), lastDay: end)
            } else if let days, let startDate {
                sessions = EventPlan.consecutiveSessions(from: startDate, days: days, time: try needTime())
            } else {
                sessions = try session.map { day in
                    EventPlan.PlannedSession(date: day.date, time: try day.time ?? needTime())
                }
            }
            if let hours {
                for index in sessions.indices { sessions[index].hours = hours }
            }
            var plan = EventPlan(
                courseCode: course, title: title, region: region, district: district, locality: locality,
                venue: venue, organiser: organiser, trainers: trainer, capacity: capacity, sessions: sessions,
                startDate: startDate, endDate: end, status: status)
            plan.project = project
            if plan.status == .cancelled {
                throw MalakaError.usage("An event is created planned or held; cancel it afterwards with `malaka event cancel`.")
            }
            let detail = try database.open().createEvent(plan, allowConflict: allowConflict)
            if output.json { return try Printer.json(EventView(detail)) }
            print("Created event \(detail.id).")
            EventView.printDetail(detail)
            if !detail.overrides.isEmpty { print("Scheduled despite conflicts; the overrides are recorded (see above).") }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List events, earliest first.",
            discussion: "Example: malaka event list --region Xorazm --from 2019-01-01 --to 2019-12-31")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "Only events in this region.") var region: String?
        @Option(help: "Only events of this course.") var course: String?
        @Option(help: "Only events of this kind.") var kind: EventKind?
        @Option(help: "Only events with this status.") var status: EventStatus?
        @Option(help: ArgumentHelp("Only events with a day on or after this date: 2019-03-25 or 25.03.2019.", valueName: "date")) var from: DayDate?
        @Option(help: ArgumentHelp("Only events with a day on or before this date.", valueName: "date")) var to: DayDate?

        func run() throws {
            let filter = EventFilter(region: region, courseCode: course, kind: kind, status: status, from: from, to: to)
            let events = try database.openForReading().events(matching: filter)
            if output.json { return try Printer.json(events.map { EventView($0) }) }
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
            commandName: "show",
            abstract: "Show an event with its sessions and trainers.",
            discussion: "Example: malaka event show 1")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The event number.") var event: Int64

        func run() throws {
            let database = try database.openForReading()
            let detail = try database.eventDetail(id: event)
            let roster = try database.roster(eventID: event)
            if output.json { return try Printer.json(EventView(detail, roster: roster)) }
            EventView.printDetail(detail)
            EventView.printRoster(roster)
        }
    }

    struct Cancel: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cancel",
            abstract: "Cancel an event; it stays on record with the reason.",
            discussion: "Example: malaka event cancel 3 --reason \"Venue flooded\"")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The event number.") var event: Int64
        @Option(help: "Why it is cancelled.") var reason: String

        func run() throws {
            let database = try database.open()
            let detail = try database.cancelEvent(id: event, reason: reason)
            if output.json { return try Printer.json(EventView(detail)) }
            print("Cancelled event \(detail.id): \(detail.title()) (\(reason)).")
            let standing = (try? database.certificatesLeftStanding(eventID: event)) ?? []
            CertificateDrift.standing(standing, because: "the event was cancelled").forEach { print($0) }
        }
    }

    struct Held: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "held",
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
        var timeZone: String
        var leg: Int?
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
    var waitlisted: Int
    var legs: [LegView]
    var sides: SidesView?
    var overrides: [OverrideView]
    var enrolledPeople: [PersonView]?
    var waitlistedPeople: [PersonView]?

    struct LegView: Encodable {
        var position: Int
        var host: String
        var place: String?
        var region: String
        var district: String?
        var startDate: String
        var endDate: String
        var visited: String?
    }

    struct SidesView: Encodable {
        var sendingOrganisation: String?
        var sendingRegion: String?
        var hostingOrganisation: String?
        var hostingRegion: String?
    }

    struct OverrideView: Encodable {
        var kind: String
        var event: Int64
        var otherEvent: Int64?
        var description: String
        var action: String
        var recordedAt: Date
    }

    struct PersonView: Encodable {
        var id: Int64
        var name: String
    }

    init(_ detail: EventDetail, roster: (enrolled: [Participant], waitlisted: [Participant])? = nil) {
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
            SessionView(id: $0.id!, date: $0.date.iso, start: $0.startTime.description, end: $0.endTime.description,
                        hours: $0.hours, timeZone: $0.timeZone.identifier, leg: $0.legId.flatMap { id in detail.legs.first { $0.id == id }?.position })
        }
        waitlisted = detail.waitlistedCount
        legs = detail.legs.map {
            LegView(position: $0.position, host: $0.hostOrganisation, place: $0.place, region: $0.regionCode,
                    district: $0.districtCode, startDate: $0.startDate.iso, endDate: $0.endDate.iso, visited: $0.visited)
        }
        sides = detail.sides.map {
            SidesView(sendingOrganisation: $0.sendingOrganisation, sendingRegion: $0.sendingRegionCode,
                      hostingOrganisation: $0.hostingOrganisation, hostingRegion: $0.hostingRegionCode)
        }
        overrides = detail.overrides.map {
            OverrideView(kind: $0.kind.rawValue, event: $0.eventId, otherEvent: $0.otherEventId, description: $0.description,
                         action: $0.action, recordedAt: $0.recordedAt)
        }
        enrolledPeople = roster?.enrolled.map { PersonView(id: $0.id!, name: $0.fullName) }
        waitlistedPeople = roster?.waitlisted.map { PersonView(id: $0.id!, name: $0.fullName) }
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
            ("Dates", dates(event)), ("Place", place), ("Organiser", event.organiser), ("Project", event.project),
            ("Trainers", detail.trainers.joined(separator: ", ")),
            ("Enrolled", event.capacity.map { "\(detail.enrolledCount) of \($0) places" } ?? String(detail.enrolledCount)),
            ("Waitlist", detail.waitlistedCount > 0 ? String(detail.waitlistedCount) : nil),
            ("Status", event.status == .cancelled ? "cancelled (\(event.cancelReason ?? ""))" : event.status.rawValue),
            ("Sending", detail.sides.flatMap { side in
                [side.sendingOrganisation, side.sendingRegionCode.flatMap { gazetteer.region(code: $0)?.name(in: .english) }]
                    .compactMap { $0 }.joined(separator: ", ") }),
            ("Hosting", detail.sides.flatMap { side in
                [side.hostingOrganisation, side.hostingRegionCode.flatMap { gazetteer.region(code: $0)?.name(in: .english) }]
                    .compactMap { $0 }.joined(separator: ", ") }),
        ])
        let zones = Set(detail.sessions.map(\.timeZone))
        let legByID = Dictionary(uniqueKeysWithValues: detail.legs.map { ($0.id!, $0) })
        Printer.table(["Session", "Date", "Time", "Hours"] + (detail.legs.isEmpty ? [] : ["Leg"]),
                      detail.sessions.enumerated().map { index, session in
            [String(index + 1), session.date.dotted,
             "\(session.startTime)-\(session.endTime)" + (zones.count > 1 || session.timeZone != PlaceTimeZone(regionCode: event.regionCode) ? " \(session.timeZone.identifier)" : ""),
             Printer.hours(session.hours)]
                + (detail.legs.isEmpty ? [] : [session.legId.flatMap { legByID[$0] }.map { "\($0.position)" } ?? ""])
        })
        if !detail.legs.isEmpty {
            print("Legs:")
            Printer.table(["Leg", "Dates", "Host", "Place", "Visited"], detail.legs.map { leg in
                [String(leg.position),
                 leg.startDate == leg.endDate ? leg.startDate.dotted : "\(leg.startDate.dotted)–\(leg.endDate.dotted)",
                 leg.hostOrganisation,
                 [leg.place, leg.districtCode.flatMap { gazetteer.district(code: $0)?.name(in: .english) },
                  gazetteer.region(code: leg.regionCode)?.name(in: .english)].compactMap { $0 }.joined(separator: ", "),
                 leg.visited ?? ""]
            })
        }
        if !detail.overrides.isEmpty {
            print("Conflicts allowed with --allow-conflict:")
            for override in detail.overrides {
                print("  \(override.action), \(Printer.timestamp(override.recordedAt)): \(override.description)")
            }
        }
    }

    static func printRoster(_ roster: (enrolled: [Participant], waitlisted: [Participant])) {
        if !roster.enrolled.isEmpty {
            print("Enrolled:")
            for person in roster.enrolled { print("  \(person.id!)  \(person.fullName)") }
        }
        if !roster.waitlisted.isEmpty {
            print("Waitlist, in order:")
            for (index, person) in roster.waitlisted.enumerated() { print("  \(index + 1). \(person.id!)  \(person.fullName)") }
        }
    }
}
