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
            let destination = try out.map(OutputFile.init(path:))

            let counted = try database.open().regionSummary(request)
            let summary = showEmpty || format == .csv || format == .json ? counted : counted.withoutEmptyRows()
            switch format {
            case .table: try emit(Data(RegionSummaryTable.text(summary, language: language).utf8), to: destination)
            case .csv:
                let style = CSVStyle(separator: try CSVSeparator.character(separator), decimalComma: decimal.map { $0 == "comma" })
                try emit(RegionSummaryCSV.data(summary, language: language, style: style), to: destination)
            case .json: try emit(try RegionSummaryJSON.data(summary, language: language), to: destination)
            case .pdf:
                let pdf = RegionSummaryPDF(summary: summary, language: language)
                try destination!.write { url in try pdf.write(to: url) }
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
            try destination.write { url in
                do {
                    try data.write(to: url)
                } catch {
                    throw MalakaError.io("Cannot write \(url.path): \(error.localizedDescription).")
                }
            }
        }
    }
}

/// A file written whole or not at all: first to a temporary file beside it, then renamed into place.
struct OutputFile {
    let path: String
    let url: URL

    /// Refuses at once a file whose folder does not exist, before any work is done.
    init(path: String) throws {
        self.path = path
        url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        let folder = url.deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw MalakaError.io("Cannot write \(path): the folder \(folder) does not exist. Create it, or give another --out.")
        }
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw MalakaError.io("Cannot write \(path): it is a folder. Give a file name, such as \(path)/summary.pdf.")
        }
    }

    /// Lets `body` write a temporary file, then puts it in place; the old file stays if anything fails.
    ///
    /// - Parameter ownerOnly: for personal data: the file is created readable and writable by its owner only (0600),
    ///   before anything is written to it.
    func write(ownerOnly: Bool = false, _ body: (URL) throws -> Void) throws {
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            if ownerOnly {
                let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
                guard descriptor >= 0 else {
                    throw MalakaError.io("Cannot write \(path): \(String(cString: strerror(errno))).")
                }
                close(descriptor)
            }
            try body(temporary)
            if ownerOnly { chmod(temporary.path, 0o600) }
            guard rename(temporary.path, url.path) == 0 else {
                throw MalakaError.io("Cannot write \(path): \(String(cString: strerror(errno))).")
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            if let error = error as? MalakaError { throw error }
            throw MalakaError.io("Cannot write \(path): \(error).")
        }
    }
}
