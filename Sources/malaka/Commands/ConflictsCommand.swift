import ArgumentParser
import Foundation
import TrainingCore

extension ConflictRule.Side: ExpressibleByArgument {}

/// `malaka conflicts`: people whose identity was changed at two sites at once, waiting for someone to choose.
struct ConflictsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conflicts",
        abstract: "List and resolve identities changed at two sites at once.",
        subcommands: [List.self, Resolve.self])
}

extension ConflictsCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the conflicts waiting for a person (both versions of each).",
            discussion: "Example: malaka conflicts list")

        @OptionGroup var database: DatabaseOptions
        @Flag(help: "Include the resolved ones.") var all = false

        func run() throws {
            let conflicts = try database.openForReading().syncConflicts(all: all)
            guard !conflicts.isEmpty else { return print("No conflicts wait for a person.") }
            for conflict in conflicts {
                let person = conflict.participantID.map { "participant \($0)" } ?? "a person no longer here (\(conflict.rowUuid))"
                print("Conflict \(conflict.id): \(person), \(conflict.fields.joined(separator: ", ")) changed here and at \(conflict.incomingSite)"
                      + (conflict.resolution.map { " — \($0)" } ?? ""))
                Printer.table(["Field", "Here (local)", "\(conflict.incomingSite) (incoming)"], conflict.fields.map { field in
                    [field, (conflict.local[field] ?? nil) ?? "—", (conflict.incoming[field] ?? nil) ?? "—"]
                })
                print("  Shown meanwhile: the \(conflict.shown == .local ? "local" : "incoming") version.")
            }
            print("Choose with `malaka conflicts resolve N --keep local` or `--keep incoming`.")
        }
    }

    struct Resolve: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "resolve",
            abstract: "Keep one version of a conflicting identity; the choice travels to the other sites.",
            discussion: "Example: malaka conflicts resolve 1 --keep incoming")

        @OptionGroup var database: DatabaseOptions
        @Argument(help: ArgumentHelp("The conflict's number, from `malaka conflicts list`.", valueName: "number")) var id: Int64
        @Option(help: "The version to keep: local or incoming.") var keep: ConflictRule.Side

        func run() throws {
            let conflict = try database.open().resolveSyncConflict(id: id, keep: keep)
            print("Conflict \(conflict.id) resolved: \(conflict.resolution ?? "") version kept.")
        }
    }
}
