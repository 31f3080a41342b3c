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

    /// Prints or writes the report of one event, or of every event the options select: as CSV or JSON
    /// from the export of `kind`, or as `text` for the terminal, counting the people `named` in each.
    func run(_ database: AppDatabase, event: Int64?, kind: ExportKind, text: (EventReport) -> String,
             named: (EventReport) -> [Int64?]) throws {
        let filter = ExportFilter(eventID: event, region: region, from: try from.map(DayDate.init(parsing:)),
                                  to: try to.map(DayDate.init(parsing:)))
        if format != .table || pseudonymize {
            return try emit(database.export(kind, filter: filter, pseudonymize: pseudonymize))
        }
        let reports = try database.eventReports(matching: filter)
        try emit(text: reports.map(text).joined(separator: "\n"), peopleCount: Set(reports.flatMap(named)).count)
    }

    /// Writes the table as CSV or JSON (to `--out`, owner-only), and says on standard error that it names people.
    private func emit(_ table: ExportTable) throws {
        let data = format == .json ? table.json() : table.csv(separator: try CSVSeparator.character(separator))
        let note = "note: Personal data. \(table.notice)\(table.noticeRemedy.map { " " + $0.cliText } ?? "")\n"
        if let out {
            try OutputFile(path: out).write(data)
            FileHandle.standardError.write(Data(note.utf8))
            print("Wrote \(table.rows.count) \(table.rows.count == 1 ? "row" : "rows") to \(out), readable by you only.")
        } else {
            FileHandle.standardOutput.write(data)
            FileHandle.standardError.write(Data(note.utf8))
        }
    }

    /// The terminal table, marked as personal data; written owner-only to `--out` when given.
    private func emit(text: String, peopleCount: Int) throws {
        let marked = "PERSONAL DATA: names \(peopleCount) \(peopleCount == 1 ? "person" : "people"). Keep it within the programme.\n\n" + text
        if let out {
            try OutputFile(path: out).write(Data(marked.utf8))
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
