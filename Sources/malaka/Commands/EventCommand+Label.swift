import ArgumentParser
import TrainingCore

extension EventCommand {
    struct Label: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "label",
            abstract: "Label an event with the project or donor it is reported under.",
            discussion: """
                Region summaries keep only the events of one project with --project. The label \
                is matched ignoring case and spacing; --clear removes it.

                Example: malaka event label 3 --project UNICEF-2019
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The event number.") var event: Int64
        @Option(help: "The project or donor, such as UNICEF-2019.") var project: String?
        @Flag(help: "Remove the event's project label.") var clear = false

        func validate() throws {
            if (project == nil) == !clear {
                throw ValidationError("Give the label with --project NAME, or remove it with --clear (one of them).")
            }
            if let project, project.trimmingCharacters(in: .whitespaces).isEmpty {
                throw ValidationError("--project needs a name, such as --project UNICEF-2019; --clear removes a label.")
            }
        }

        func run() throws {
            let detail = try database.open().labelEvent(id: event, project: clear ? nil : project)
            if output.json { return try Printer.json(EventView(detail)) }
            print(detail.event.project.map { "Event \(event) is now reported under the project \($0)." }
                  ?? "Event \(event) no longer has a project label.")
        }
    }
}
