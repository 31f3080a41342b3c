import ArgumentParser
import Foundation
import TrainingCore

struct AgendaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agenda",
        abstract: "List the coming sessions, grouped by day.",
        discussion: """
            From today unless --from is given. Times are local to each session's place. \
            Cancelled events are left out.

            Example: malaka agenda --from 01.03.2019 --to 30.04.2019 --region Xorazm --trainer "Dilnoza Yusupova"
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions
    @Option(help: ArgumentHelp("The first day (2019-03-25 or 25.03.2019); by default today.", valueName: "date")) var from: DayDate?
    @Option(help: ArgumentHelp("The last day.", valueName: "date")) var to: DayDate?
    @Option(help: "Only sessions held in this region.") var region: String?
    @Option(help: "Only sessions of this trainer.") var trainer: String?
    @Option(help: "Only sessions of this course.") var course: String?
    @Option(help: "Only sessions of events of this kind.") var kind: EventKind?

    struct ItemView: Encodable {
        var date: String
        var start: String
        var end: String
        var timeZone: String
        var event: Int64
        var session: Int
        var sessions: Int
        var title: String
        var course: String
        var kind: String
        var location: String
        var trainers: [String]
    }

    func run() throws {
        let start = from ?? Self.today()
        let filter = SessionFilter(from: start, to: to, region: region, trainer: trainer, courseCode: course, kind: kind)
        if let last = filter.to, last < start {
            throw MalakaError.usage("--to (\(last.dotted)) is before the first day (\(start.dotted)). Give a later --to.")
        }
        let items = try database.openForReading().sessions(matching: filter)
        if output.json {
            return try Printer.json(items.map {
                ItemView(date: $0.session.date.iso, start: $0.session.startTime.description, end: $0.session.endTime.description,
                         timeZone: $0.session.timeZone.identifier, event: $0.eventId, session: $0.number,
                         sessions: $0.sessionCount, title: $0.title, course: $0.courseCode, kind: $0.kind.rawValue,
                         location: $0.location, trainers: $0.trainers)
            })
        }
        guard !items.isEmpty else { return print("No sessions from \(start.dotted)" + (filter.to.map { " to \($0.dotted)" } ?? "") + ".") }
        var day: DayDate?
        for item in items {
            if item.session.date != day {
                if day != nil { print("") }
                day = item.session.date
                print("\(Self.weekdayNames[item.session.date.weekday - 1]) \(item.session.date.dotted)")
            }
            let session = item.session
            let zone = session.timeZone == .bishkek ? " (Bishkek)" : ""
            print("  \(session.startTime)–\(session.endTime)\(zone)  event \(item.eventId), \(item.title) (\(item.number)/\(item.sessionCount))")
            print("    " + [item.location, item.trainers.isEmpty ? nil : item.trainers.joined(separator: ", ")]
                .compactMap { $0 }.joined(separator: " · "))
        }
    }

    static let weekdayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    /// Today in Tashkent.
    static func today() -> DayDate {
        let minutes = Int(Date().timeIntervalSince1970 / 60) + PlaceTimeZone.tashkent.utcOffsetMinutes
        return DayDate(dayNumber: minutes / 1440)
    }
}
