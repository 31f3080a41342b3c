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
    var kind: String
    @Option(help: "Only this event.") var event: Int64?
    @Option(help: "Only this region, by code or name.") var region: String?
    @Option(help: "From this day.") var from: String?
    @Option(help: "To this day.") var to: String?
    @Option(help: "csv or json; json when --out ends in .json.") var format: Format?
    @Option(help: ArgumentHelp("The file to write; standard output when left out.", valueName: "file")) var out: String?
    @Option(help: ArgumentHelp("The CSV separator: , ; or tab.", valueName: "separator")) var separator: String = ","
    @Flag(help: "Replace names and phone numbers with stable codes, for sharing outside the programme.") var pseudonymize = false

    func validate() throws {
        if ExportKind(rawValue: kind) == nil {
            throw ValidationError("“\(kind)” is not something Malaka exports. Use participants, enrollments, attendance or certificates.")
        }
        if ![",", ";", "tab", "\t", "comma", "semicolon"].contains(separator) {
            throw ValidationError("--separator takes , ; or tab, not “\(separator)”.")
        }
    }

    func run() throws {
        let destination = try out.map { try OutputFile(path: $0) }
        let filter = ExportFilter(eventID: event, region: region, from: try from.map(DayDate.init(parsing:)),
                                  to: try to.map(DayDate.init(parsing:)))
        let table = try database.openForReading().export(ExportKind(rawValue: kind)!, filter: filter, pseudonymize: pseudonymize)
        let format = format ?? (out?.lowercased().hasSuffix(".json") == true ? .json : .csv)
        let character: Character = switch separator {
        case ";", "semicolon": ";"
        case "tab", "\t": "\t"
        default: ","
        }
        let data = format == .json ? table.json() : table.csv(separator: character)
        // Said once the data is out, so that a refusal stays one error line.
        let note = table.carriesNames || table.isPseudonymized ? "note: \(table.notice)\(table.noticeRemedy.map { " " + $0.cliText } ?? "")\n" : ""
        guard let destination else {
            FileHandle.standardOutput.write(data)
            FileHandle.standardError.write(Data(note.utf8))
            return
        }
        try destination.write(data)
        FileHandle.standardError.write(Data(note.utf8))
        print("Wrote \(table.rows.count) \(table.rows.count == 1 ? "row" : "rows") of \(kind) to \(destination.path).")
    }
}
