import ArgumentParser
import Foundation
import TrainingCore

/// How the per-event and follow-up reports are written: a table on the terminal, or CSV or JSON.
enum PersonalReportFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json
}

/// What the per-event report and the follow-up list share: which events, the format and the file.
struct PersonalReportOptions: ParsableArguments {
    @Option(help: "Only events held in this region: an ISO code (UZ-XO) or a name.") var region: String?
    @Option(help: "Only events with a day on or after this one.") var from: String?
    @Option(help: "Only events with a day on or before this one.") var to: String?
    @Option(help: "table, csv or json.") var format: PersonalReportFormat = .table
    @Option(help: CSVSeparator.help) var separator: String = ","
    @Flag(help: "Names and phones replaced with the person's codes, as in export --pseudonymize.") var pseudonymize = false
    @Option(help: ArgumentHelp("The file to write, readable by its owner only. Without it, the report is printed.", valueName: "file")) var out: String?

    func validate() throws {
        _ = try CSVSeparator.character(separator)
    }

    func filter(event: Int64?) throws -> ExportFilter {
        ExportFilter(eventID: event, region: region, from: try from.map(DayDate.init(parsing:)), to: try to.map(DayDate.init(parsing:)))
    }

    /// Writes the table as CSV or JSON (to `--out`, owner-only), and says on standard error that it names people.
    func emit(_ table: ExportTable) throws {
        let data = format == .json ? table.json() : table.csv(separator: try CSVSeparator.character(separator))
        let note = "note: Personal data. \(table.notice)\n"
        if let out {
            try OutputFile(path: out).write(ownerOnly: true) { url in try data.write(to: url) }
            FileHandle.standardError.write(Data(note.utf8))
            print("Wrote \(table.rows.count) \(table.rows.count == 1 ? "row" : "rows") to \(out), readable by you only.")
        } else {
            FileHandle.standardOutput.write(data)
            FileHandle.standardError.write(Data(note.utf8))
        }
    }

    /// The terminal table, marked as personal data; written owner-only to `--out` when given.
    func emit(text: String, peopleCount: Int) throws {
        let marked = "PERSONAL DATA: names \(peopleCount) \(peopleCount == 1 ? "person" : "people"). Keep it within the programme.\n\n" + text
        if let out {
            try OutputFile(path: out).write(ownerOnly: true) { url in try Data(marked.utf8).write(to: url) }
            print("Wrote the report to \(out), readable by you only.")
        } else {
            print(marked, terminator: "")
        }
    }
}

extension ReportCommand {
    struct EventReportCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "event",
            abstract: "One event's sessions, people, attendance rate, who completed and their certificates, by name.",
            discussion: """
                Without an event number, every event not cancelled (narrowed with --region, --from, --to). \
                It names people: it is marked as personal data, and a file written with --out is readable \
                by its owner only.

                Examples:
                  malaka report event 1
                  malaka report event --region Xorazm --from 2019-01-01 --to 2019-12-31 --format csv --out khorezm.csv
                """)

        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The event number.") var event: Int64?
        @OptionGroup var options: PersonalReportOptions

        func run() throws {
            let database = try database.open()
            let filter = try options.filter(event: event)
            if options.format != .table || options.pseudonymize {
                return try options.emit(database.export(.eventReport, filter: filter, pseudonymize: options.pseudonymize))
            }
            let reports = try database.eventReports(matching: filter)
            try options.emit(text: reports.map(PersonalReportText.event).joined(separator: "\n"),
                             peopleCount: Set(reports.flatMap { $0.sheet.rows.map(\.participant.id) }).count)
        }
    }

    struct FollowUp: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "follow-up",
            abstract: "Who did not complete, with the sessions each missed and how many they still need, by name.",
            discussion: """
                The people `attendance show` marks as not completed, event by event. Without an event \
                number, every event not cancelled (narrowed with --region, --from, --to). It names people \
                and their phones: it is marked as personal data, and a file written with --out is readable \
                by its owner only.

                Examples:
                  malaka report follow-up 1
                  malaka report follow-up --from 2019-01-01 --to 2019-12-31 --format csv --separator ';' --out follow-up.csv
                """)

        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The event number.") var event: Int64?
        @OptionGroup var options: PersonalReportOptions

        func run() throws {
            let database = try database.open()
            let filter = try options.filter(event: event)
            if options.format != .table || options.pseudonymize {
                return try options.emit(database.export(.followUp, filter: filter, pseudonymize: options.pseudonymize))
            }
            let reports = try database.eventReports(matching: filter)
            try options.emit(text: reports.map(PersonalReportText.followUp).joined(separator: "\n"),
                             peopleCount: Set(reports.flatMap { $0.followUp.map(\.participant.id) }).count)
        }
    }
}
