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
        @Option(help: "The language of labels, names and dates.") var language: DocumentLanguage = .english
        @Option(help: "table, csv, json or pdf.") var format: Format = .table
        @Option(help: CSVSeparator.help) var separator: CSVSeparator = .comma
        @Option(help: ArgumentHelp("The CSV decimal mark; comma is the default with --separator ';'.", valueName: "mark")) var decimal: DecimalMark?
        @Flag(help: "In the table and the PDF, also the regions or districts where nothing was held (CSV and JSON always have them).") var showEmpty = false
        @OptionGroup var output: FileOutputOptions

        func validate() throws {
            if format == .pdf && output.path == nil {
                throw ValidationError("A PDF is not printed to the terminal: give the file to write with --out, such as --out summary.pdf.")
            }
        }

        func run() throws {
            var request = try counting.request()
            request.includesEvents = format == .pdf
            let destination = try output.destination()

            let counted = try database.openForReading().regionSummary(request)
            let summary = showEmpty || format == .csv || format == .json ? counted : counted.withoutEmptyRows()
            switch format {
            case .table: try destination.write(Data(RegionSummaryTable.text(summary, language: language).utf8))
            case .csv:
                let style = CSVStyle(separator: separator.character, decimalComma: decimal.map { $0 == .comma })
                try destination.write(RegionSummaryCSV.data(summary, language: language, style: style))
            case .json: try destination.write(try RegionSummaryJSON.data(summary, language: language))
            case .pdf:
                guard case .file(let file) = destination else { return } // validate() asked for --out
                let pdf = RegionSummaryPDF(summary: summary, language: language)
                try file.write { file in try pdf.write(into: file) }
            }
            if let path = destination.path {
                print("Wrote the region summary to \(path).")
            }
        }
    }
}
