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
    @Option(help: ArgumentHelp("Only events with a day on or after this one: 2019-03-25 or 25.03.2019.", valueName: "date")) var from: DayDate?
    @Option(help: ArgumentHelp("Only events with a day on or before this one.", valueName: "date")) var to: DayDate?
    @Option(help: "table, csv or json.") var format: PersonalReportFormat = .table
    @Option(help: CSVSeparator.help) var separator: CSVSeparator = .comma
    @Flag(help: "Names and phones replaced with the person's codes, as in export --pseudonymize.") var pseudonymize = false
    /// A file is readable by its owner only: the report names people.
    @OptionGroup var output: FileOutputOptions

    /// Prints or writes the report of one event, or of every event the options select: as CSV or JSON
    /// from the export of `kind`, or as `text` for the terminal, counting the people `named` in each.
    func run(_ database: AppDatabase, event: Int64?, kind: ExportKind, text: (EventReport) -> String,
             named: (EventReport) -> [Int64?]) throws {
        let destination = try output.destination()
        let filter = ExportFilter(eventID: event, region: region, from: from, to: to)
        if format != .table || pseudonymize {
            return try emit(database.export(kind, filter: filter, pseudonymize: pseudonymize), to: destination)
        }
        let reports = try database.eventReports(matching: filter)
        try emit(text: reports.map(text).joined(separator: "\n"), peopleCount: Set(reports.flatMap(named)).count, to: destination)
    }

    /// Writes the table as CSV or JSON (a file is owner-only), and says on standard error that it names people.
    private func emit(_ table: ExportTable, to destination: OutputDestination) throws {
        let data = format == .json ? table.json() : table.csv(separator: separator.character)
        try destination.write(data)
        FileHandle.standardError.write(Data("note: Personal data. \(table.notice)\(table.noticeRemedy.map { " " + $0.cliText } ?? "")\n".utf8))
        if let path = destination.path {
            print("Wrote \(table.rows.count) \(table.rows.count == 1 ? "row" : "rows") to \(path), readable by you only.")
        }
    }

    /// The terminal table, marked as personal data; written owner-only to `--out` when given.
    private func emit(text: String, peopleCount: Int, to destination: OutputDestination) throws {
        let marked = "PERSONAL DATA: names \(peopleCount) \(peopleCount == 1 ? "person" : "people"). Keep it within the programme.\n\n" + text
        try destination.write(Data(marked.utf8))
        if let path = destination.path {
            print("Wrote the report to \(path), readable by you only.")
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
            try options.run(database.openForReading(), event: event, kind: .eventReport, text: PersonalReportText.event) { report in
                report.sheet.rows.map(\.participant.id)
            }
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
            try options.run(database.openForReading(), event: event, kind: .followUp, text: PersonalReportText.followUp) { report in
                report.followUp.map(\.participant.id)
            }
        }
    }
}
