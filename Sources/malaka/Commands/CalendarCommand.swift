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
        @Option(help: "The first day.") var from: String?
        @Option(help: "The last day.") var to: String?
        @Option(help: ArgumentHelp("The file to write.", valueName: "path")) var out: String?

        func run() throws {
            // A calendar holds times and places, no names: readable by others, as calendars are shared.
            let destination = try out.map { try OutputFile(path: $0, permissions: 0o644) }
            let database = try database.openForReading()
            let filter = SessionFilter(
                eventID: event, from: try from.map(DayDate.init(parsing:)), to: try to.map(DayDate.init(parsing:)),
                region: region, trainer: trainer, includeCancelled: true)
            let sessions = try database.sessions(matching: filter)
            let name = ["Malaka", event.map { "event \($0)" }, trainer, region].compactMap { $0 }.joined(separator: " – ")
            let text = ICalendar.document(sessions, calendarID: try database.calendarIdentifier(), name: name, stamp: Date())
            guard let destination else {
                return FileHandle.standardOutput.write(Data(text.utf8))
            }
            try destination.write(Data(text.utf8))
            print("Wrote \(sessions.count) session(s) to \(destination.path).")
        }
    }
}
