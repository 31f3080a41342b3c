import ArgumentParser
import Foundation
import TrainingCore

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write participants, enrollments, attendance or certificates as CSV or JSON.",
        discussion: """
            CSV is UTF-8 with a byte-order mark, so that Excel shows every letter, and a cell that a spreadsheet \
            would run as a formula (starting with = + - @) gets a leading '. JSON starts with a notice of the \
            personal data it holds. Exports that carry names say so on standard error.
            --event and --from/--to keep what happened at that event or in that period; --region is where the \
            event was held (for participants, where the person lives). --pseudonymize replaces names and phones \
            with codes that are the same in every export of this database.

            Examples:
              malaka export participants --region Xorazm --out xorazm.csv
              malaka export attendance --event 3 --format json
              malaka export enrollments --from 2019-01-01 --to 2019-12-31 --pseudonymize --out 2019.csv
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv, json
    }

    @OptionGroup var database: DatabaseOptions
    @Argument(help: ArgumentHelp("participants, enrollments, attendance or certificates.", valueName: "what"))
    var kind: ExportKind
    @Option(help: "Only this event.") var event: Int64?
    @Option(help: "Only this region, by code or name.") var region: String?
    @Option(help: ArgumentHelp("From this day: 2019-03-25 or 25.03.2019.", valueName: "date")) var from: DayDate?
    @Option(help: ArgumentHelp("To this day.", valueName: "date")) var to: DayDate?
    @Option(help: "csv or json; json when --out ends in .json.") var format: Format?
    @OptionGroup var output: FileOutputOptions
    @Option(help: CSVSeparator.help) var separator: CSVSeparator = .comma
    @Flag(help: "Replace names and phone numbers with stable codes, for sharing outside the programme.") var pseudonymize = false

    func run() throws {
        let destination = try output.destination()
        let filter = ExportFilter(eventID: event, region: region, from: from, to: to)
        let table = try database.openForReading().export(kind, filter: filter, pseudonymize: pseudonymize)
        let format = format ?? (output.path?.lowercased().hasSuffix(".json") == true ? .json : .csv)
        let data = format == .json ? table.json() : table.csv(separator: separator.character)
        try destination.write(data)
        // Said once the data is out, so that a refusal stays one error line.
        let note = table.carriesNames || table.isPseudonymized ? "note: \(table.notice)\(table.noticeRemedy.map { " " + $0.cliText } ?? "")\n" : ""
        FileHandle.standardError.write(Data(note.utf8))
        if let path = destination.path {
            print("Wrote \(table.rows.count) \(table.rows.count == 1 ? "row" : "rows") of \(kind.rawValue) to \(path).")
        }
    }
}
