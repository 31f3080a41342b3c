import ArgumentParser
import Foundation
import TrainingCore

struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "Export the calendar for calendar programs.",
        subcommands: [Export.self])
}

extension CalendarCommand {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write an iCalendar (.ics) file of sessions: of an event, a trainer, a region or a period.",
            discussion: """
                Each session is one calendar entry with a UID that stays the same every time it is \
                exported, so importing the file again updates the entries instead of copying them. \
                Cancelled events are exported as cancelled. Without --out the calendar goes to \
                standard output.

                Example: malaka calendar export --trainer "Dilnoza Yusupova" --from 01.01.2019 --out dilnoza.ics
                """)

        @OptionGroup var database: DatabaseOptions
        @Option(help: "Only this event's sessions.") var event: Int64?
        @Option(help: "Only this trainer's sessions.") var trainer: String?
        @Option(help: "Only sessions held in this region.") var region: String?
        @Option(help: ArgumentHelp("The first day: 2019-03-25 or 25.03.2019.", valueName: "date")) var from: DayDate?
        @Option(help: ArgumentHelp("The last day.", valueName: "date")) var to: DayDate?
        @OptionGroup var output: FileOutputOptions

        func run() throws {
            // A calendar holds times and places, no names: readable by others, as calendars are shared.
            let destination = try output.destination(permissions: 0o644)
            let database = try database.openForReading()
            let filter = SessionFilter(
                eventID: event, from: from, to: to, region: region, trainer: trainer, includeCancelled: true)
            let sessions = try database.sessions(matching: filter)
            let name = ["Malaka", event.map { "event \($0)" }, trainer, region].compactMap { $0 }.joined(separator: " – ")
            let text = ICalendar.document(sessions, calendarID: try database.calendarIdentifier(), name: name, stamp: Date())
            try destination.write(Data(text.utf8))
            if let path = destination.path {
                print("Wrote \(sessions.count) session(s) to \(path).")
            }
        }
    }
}
