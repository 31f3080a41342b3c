import ArgumentParser
import Foundation
import ReportDocuments
import TrainingCore

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Summaries of what was held, where, and for whom.",
        subcommands: [Regions.self, EventReportCommand.self, FollowUp.self, DHIS2.self])
}

extension ReportCommand {
    struct Regions: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "regions",
            abstract: "Events, hours, people reached and completion per region or district for a period.",
            discussion: """
                The period is a year (--year 2019), a quarter (--quarter 2019Q4) or two days \
                (--from 2019-01-01 --to 2019-06-30), both included. How each number is counted \
                is in docs/manager.md, under “How each number is counted”.

                Examples:
                  malaka report regions --year 2019
                  malaka report regions --quarter 2019Q4 --country UZ --format csv --out q4.csv
                  malaka report regions --year 2019 --region Xorazm --by district --language uz-Latn --format pdf --out xorazm.pdf
                """)

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case table, csv, json, pdf
        }

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var counting: SummaryOptions
        @Option(help: "The language of labels, names and dates: en, ru, uz-Latn, uz-Cyrl or ky.") var language = "en"
        @Option(help: "table, csv, json or pdf.") var format: Format = .table
        @Option(help: CSVSeparator.help) var separator: String = ","
        @Option(help: ArgumentHelp("The CSV decimal mark: point, or comma (the default with --separator ';').", valueName: "point|comma")) var decimal: String?
        @Flag(help: "In the table and the PDF, also the regions or districts where nothing was held (CSV and JSON always have them).") var showEmpty = false
        @Option(help: ArgumentHelp("The file to write; required for pdf. Without it, the report is printed.", valueName: "file")) var out: String?

        func validate() throws {
            if format == .pdf && out == nil {
                throw ValidationError("A PDF is not printed to the terminal: give the file to write with --out, such as --out summary.pdf.")
            }
            _ = try CSVSeparator.character(separator)
            if let decimal, !["point", "comma"].contains(decimal) {
                throw ValidationError("--decimal is point or comma, not “\(decimal)”.")
            }
        }

        func run() throws {
            let language = try DocumentLanguage(parsing: language)
            var request = try counting.request()
            request.includesEvents = format == .pdf
            let destination = try out.map { try OutputFile(path: $0) }

            let counted = try database.openForReading().regionSummary(request)
            let summary = showEmpty || format == .csv || format == .json ? counted : counted.withoutEmptyRows()
            switch format {
            case .table: try emit(Data(RegionSummaryTable.text(summary, language: language).utf8), to: destination)
            case .csv:
                let style = CSVStyle(separator: try CSVSeparator.character(separator), decimalComma: decimal.map { $0 == "comma" })
                try emit(RegionSummaryCSV.data(summary, language: language, style: style), to: destination)
            case .json: try emit(try RegionSummaryJSON.data(summary, language: language), to: destination)
            case .pdf:
                let pdf = RegionSummaryPDF(summary: summary, language: language)
                try destination!.write { file in try pdf.write(into: file) }
            }
            if let destination {
                print("Wrote the region summary to \(destination.path).")
            }
        }

        private func emit(_ data: Data, to destination: OutputFile?) throws {
            guard let destination else {
                FileHandle.standardOutput.write(data)
                return
            }
            try destination.write(data)
        }
    }
}
