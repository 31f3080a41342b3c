import ArgumentParser
import Foundation
import TrainingCore

extension EventCommand {
    struct Reschedule: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reschedule",
            abstract: "Move a whole event to a new first day, its sessions and legs with it.",
            discussion: """
                Every session moves by the same number of days; --time also gives them new times. \
                An event with attendance marks is moved only with --force, and the marks move with \
                their sessions. The new dates are checked for trainers, venues and participants \
                booked elsewhere.

                Example: malaka event reschedule 1 --start 01.04.2019
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The event number.") var event: Int64
        @Option(help: ArgumentHelp("The new first day: 2019-03-25 or 25.03.2019.", valueName: "date")) var start: DayDate
        @Option(help: ArgumentHelp("New times for every session.", valueName: "HH:MM-HH:MM")) var time: TimeRange?
        @Flag(help: "Move the event even though it has attendance marks; they move with their sessions.") var force = false
        @Flag(help: "Move it even if someone is then booked twice; the override is recorded.") var allowConflict = false
        @Flag(help: "Say what would happen, and change nothing.") var dryRun = false

        func run() throws {
            let change = try database.open().rescheduleEvent(
                id: event, startingOn: start, time: time,
                force: force, allowConflict: allowConflict, dryRun: dryRun)
            if output.json { return try Printer.json(EventView(change.detail)) }
            print((dryRun ? "Would reschedule" : "Rescheduled") + " event \(event) to \(EventView.dates(change.detail.event))"
                  + (change.marksMoved > 0 ? "; \(change.marksMoved) attendance mark(s) \(dryRun ? "would move" : "moved") with their sessions." : ".")
                  + (dryRun ? " Nothing was changed." : ""))
            ScheduleOutput.printAllowed(change.allowedConflicts)
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit",
            abstract: "Correct an event: its title, venue, organiser, district, locality, trainers, capacity or dates.",
            discussion: """
                Raising the capacity (or --no-capacity) promotes people from the waitlist, first come \
                first served; a capacity below the number enrolled is refused. The dates must keep \
                every session within them. --trainer (repeat) replaces the trainers, checked against their \
                other bookings; an empty value (--venue "") clears a text. Valid certificates that now \
                print differently are listed with the command that issues each again.

                Examples:
                  malaka event edit 1 --capacity 30
                  malaka event edit 1 --venue "Mahalla markazi" --trainer "Dilnoza Yusupova" --trainer "Shahnoza Rahimova"
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The event number.") var event: Int64
        @Option(help: "The number of places.") var capacity: Int?
        @Flag(help: "No limit on places.") var noCapacity = false
        @Option(help: ArgumentHelp("The first day: 2019-03-25 or 25.03.2019.", valueName: "date")) var start: DayDate?
        @Option(help: ArgumentHelp("The last day.", valueName: "date")) var end: DayDate?
        @Option(help: "The event's own title.") var title: String?
        @Option(help: "Where it is held.") var venue: String?
        @Option(help: "The organisation that holds it.") var organiser: String?
        @Option(help: "The district, by code or name, in the event's region.") var district: String?
        @Option(help: "The mahalla, ayil aimak or town.") var locality: String?
        @Option(help: "A trainer; repeat for each. Replaces the trainers on record.") var trainer: [String] = []
        @Flag(help: "Keep a trainer booked elsewhere at the same time; the override is recorded.") var allowConflict = false

        var changes: EventChanges {
            EventChanges(title: title, venue: venue, organiser: organiser, district: district, locality: locality,
                         trainers: trainer.isEmpty ? nil : trainer)
        }

        func validate() throws {
            if capacity != nil && noCapacity { throw ValidationError("Give --capacity or --no-capacity, not both.") }
            if capacity == nil && !noCapacity && start == nil && end == nil && changes.isEmpty {
                throw ValidationError("Say what to change: --title, --venue, --organiser, --district, --locality, --trainer, --capacity N, --no-capacity, --start DATE or --end DATE.")
            }
        }

        func run() throws {
            let database = try database.open()
            let startDate = start
            let endDate = end
            var detail = try database.eventDetail(id: event)
            var messages: [String] = []
            if !changes.isEmpty {
                detail = try database.editEvent(id: event, changes, allowConflict: allowConflict)
                messages.append("Updated event \(event): \(detail.title()).")
                messages += CertificateDrift.afterEventEdit(database, eventID: event)
            }
            if startDate != nil || endDate != nil {
                detail = try database.setEventDates(id: event, start: startDate, end: endDate)
                messages.append("Event \(event) now runs \(EventView.dates(detail.event)).")
            }
            if capacity != nil || noCapacity {
                let change = try database.setCapacity(eventID: event, capacity: noCapacity ? nil : capacity)
                detail = change.detail
                messages.append("Event \(event) has " + (detail.event.capacity.map { "\($0) places" } ?? "no limit on places") + ".")
                for person in change.promoted {
                    messages.append("Promoted from the waitlist: \(person.fullName) (\(person.id!)).")
                }
            }
            if output.json { return try Printer.json(EventView(detail)) }
            messages.forEach { print($0) }
        }
    }
}

/// How the scheduling commands print conflicts.
enum ScheduleOutput {
    /// Says which conflicts were scheduled anyway and recorded.
    static func printAllowed(_ conflicts: [ScheduleConflict]) {
        guard !conflicts.isEmpty else { return }
        print("Scheduled despite \(conflicts.count) conflict(s), recorded as allowed:")
        for conflict in conflicts { print("  \(conflict.sentence).") }
    }

    /// Says that the session changed had others at its date and time, which stay (``ScheduleChange/othersAtTheSameTime``).
    static func printOthersAtTheSameTime(_ change: ScheduleChange, date: DayDate, action: String) {
        guard change.othersAtTheSameTime > 0 else { return }
        print("The event had \(change.othersAtTheSameTime + 1) sessions on \(date.dotted) at that time, put there at two sites at once: "
              + "the one made first \(action), the same at every site; \(change.othersAtTheSameTime == 1 ? "the other stays" : "the others stay"). "
              + "Run the command again to change the next.")
    }
}
