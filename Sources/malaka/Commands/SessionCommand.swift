import ArgumentParser
import Foundation
import TrainingCore

struct SessionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "session",
        abstract: "Add, move or delete one session of an event.",
        subcommands: [Add.self, Move.self, Delete.self])
}

/// Which session of an event: its day, and its start time when the day has several.
struct SessionReference: ParsableArguments {
    @Argument(help: "The event number.") var event: Int64
    @Option(help: ArgumentHelp("The session's day: 2019-03-25 or 25.03.2019." , valueName: "date")) var date: DayDate
    @Option(help: ArgumentHelp("Its start time, when the day has several sessions.", valueName: "HH:MM")) var startTime: TimeOfDay?

    func resolved() -> (DayDate, TimeOfDay?) {
        (date, startTime)
    }
}

extension SessionCommand {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add a session to an event, within its dates.",
            discussion: "Example: malaka session add 1 --date 29.03.2019 --time 09:00-12:00")

        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The event number.") var event: Int64
        @Option(help: ArgumentHelp("The day: 2019-03-25 or 25.03.2019.", valueName: "date")) var date: DayDate
        @Option(help: ArgumentHelp("The times.", valueName: "HH:MM-HH:MM")) var time: TimeRange
        @Option(help: "Hours, when not the length of --time.") var hours: Double?
        @Flag(help: "Add it even if someone is then booked twice; the override is recorded.") var allowConflict = false

        func run() throws {
            let change = try database.open().addSession(
                eventID: event, on: date, time: time, hours: hours,
                allowConflict: allowConflict)
            print("Added a session to event \(event) on \(date.dotted) at \(time); it now has \(change.detail.sessions.count).")
            ScheduleOutput.printAllowed(change.allowedConflicts)
        }
    }

    struct Move: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "move",
            abstract: "Move one session to another day or time within its event's dates.",
            discussion: """
                A session with attendance marks moves only with --force, and its marks move with it. \
                The new time is checked for trainers, venues and participants booked elsewhere.

                Example: malaka session move 1 --date 27.03.2019 --to 28.03.2019 --time 14:00-17:00
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var session: SessionReference
        @Option(help: ArgumentHelp("The new day; by default the same day.", valueName: "date")) var to: DayDate?
        @Option(help: ArgumentHelp("The new times; by default the same.", valueName: "HH:MM-HH:MM")) var time: TimeRange?
        @Flag(help: "Move it even though it has attendance marks; they move with it.") var force = false
        @Flag(help: "Move it even if someone is then booked twice; the override is recorded.") var allowConflict = false
        @Flag(help: "Say what would happen, and change nothing.") var dryRun = false

        func validate() throws {
            if to == nil && time == nil { throw ValidationError("Say where the session goes: --to DATE, --time HH:MM-HH:MM, or both.") }
        }

        func run() throws {
            let (date, start) = session.resolved()
            let newDate = to ?? date
            let change = try database.open().moveSession(
                eventID: session.event, on: date, at: start, to: newDate, time: time,
                force: force, allowConflict: allowConflict, dryRun: dryRun)
            print((dryRun ? "Would move" : "Moved") + " the session of event \(session.event) on \(date.dotted) to \(newDate.dotted)"
                  + (time.map { " at \($0)" } ?? "")
                  + (change.marksMoved > 0 ? "; its \(change.marksMoved) attendance mark(s) \(dryRun ? "would move" : "moved") with it." : ".")
                  + (dryRun ? " Nothing was changed." : ""))
            ScheduleOutput.printOthersAtTheSameTime(change, date: date, action: dryRun ? "would move" : "moved")
            ScheduleOutput.printAllowed(change.allowedConflicts)
        }
    }

    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "delete",
            abstract: "Delete one session of an event.",
            discussion: """
                A session with attendance marks is deleted only with --force; without it, the command \
                says whose marks would be lost and changes nothing.

                Example: malaka session delete 1 --date 28.03.2019
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var session: SessionReference
        @Flag(help: "Delete it even though it has attendance marks, losing them.") var force = false
        @Flag(help: "Say what would be lost, and change nothing.") var dryRun = false

        func run() throws {
            let (date, start) = session.resolved()
            let database = try database.open()
            // What will be lost is said before anything changes.
            let preview = try database.deleteSession(eventID: session.event, on: date, at: start, force: force || dryRun, dryRun: true)
            if preview.marksLost > 0 {
                print("\(preview.marksLost) attendance mark(s) \(dryRun ? "would be" : "will be") lost, of: \(preview.peopleWithLostMarks.joined(separator: ", ")).")
            }
            if dryRun {
                return print("Would delete the session of event \(session.event) on \(date.dotted). Nothing was changed.")
            }
            let change = try database.deleteSession(eventID: session.event, on: date, at: start, force: force)
            print("Deleted the session of event \(session.event) on \(date.dotted); it now has \(change.detail.sessions.count).")
            ScheduleOutput.printOthersAtTheSameTime(change, date: date, action: "was deleted")
        }
    }
}
