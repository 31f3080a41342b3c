import ArgumentParser
import Foundation
import TrainingCore

struct ScheduleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: "Check the whole calendar.",
        subcommands: [Check.self])
}

extension ScheduleCommand {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "List every conflict in the database: trainers, venues and participants booked twice at once.",
            discussion: """
                Conflicts scheduled with --allow-conflict are listed too, marked as allowed. \
                Cancelled events take nobody's time. Sessions that touch end to start do not conflict.

                Example: malaka schedule check
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        struct ConflictView: Encodable {
            var kind: String
            var subject: String
            var event: Int64
            var otherEvent: Int64
            var date: String
            var overlap: String
            var allowed: Bool
            var description: String
        }

        func run() throws {
            let conflicts = try database.openForReading().scheduleConflicts()
            if output.json {
                return try Printer.json(conflicts.map {
                    ConflictView(kind: $0.kind.rawValue, subject: $0.subject, event: $0.session.eventId,
                                 otherEvent: $0.other.eventId, date: $0.session.date.iso, overlap: $0.overlapDescription,
                                 allowed: $0.allowed, description: $0.sentence + ".")
                })
            }
            guard !conflicts.isEmpty else { return print("No conflicts: no trainer, venue or participant is booked twice at once.") }
            for conflict in conflicts {
                print((conflict.allowed ? "[allowed] " : "") + conflict.sentence + ".")
            }
            let allowed = conflicts.filter(\.allowed).count
            print("\(conflicts.count) conflict(s)" + (allowed > 0 ? ", \(allowed) of them allowed with --allow-conflict." : "."))
        }
    }
}
