import ArgumentParser
import Foundation
import TrainingCore

extension AttendanceCommand {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Record the marks of a sign-in sheet: one row per person, one column per session.",
            discussion: """
                People are found by an Id column with their numbers, or by name among those enrolled, in \
                whichever script or word order the sheet writes it. Session columns are headed by the session's \
                date (25.03.2019, 2019-03-25, 25.03, a date cell), with its start time when the day has two \
                sessions (25.03.2019 14:00), or by its number (1, 1-kun, Day 1).
                Marks: + 1 v ✓ b bor (present); - 0 н yoʻq нет (absent); kech опоздал late (late); \
                sababli уваж excused (excused); an empty cell is no mark (or absent with --empty-is-absent).
                Rows the worksheet hides are left out and listed, unless --include-hidden; --sheet NAME reads \
                the sign-in sheet from that worksheet of a workbook (by default the first visible one).
                Nothing is recorded if any row is wrong, unless --skip-invalid; marking again replaces a mark.

                Examples:
                  malaka attendance import 1 davomat.csv
                  malaka attendance import 1 royxat.xlsx --sheet Davomat --dry-run
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The event number.") var event: Int64
        @Argument(help: "The .csv or .xlsx sign-in sheet.") var file: String
        @OptionGroup var reading: FileReadingOptions
        @Flag(help: "Record the good rows when some are wrong, instead of nothing.") var skipInvalid = false
        @Flag(help: "Show what would be recorded, and write nothing.") var dryRun = false
        @Flag(help: "Record an empty cell as absent rather than leave the session unmarked.") var emptyIsAbsent = false
        @Flag(help: "Read the rows a worksheet hides too; by default they are left out and listed.") var includeHidden = false

        func run() throws {
            var options = AttendanceImportOptions(map: reading.map, skipInvalid: skipInvalid, dryRun: dryRun, emptyIsAbsent: emptyIsAbsent)
            options.includeHidden = includeHidden
            let report = try database.open().importAttendance(eventID: event, fromFile: file, reading: reading.reading, options: options)
            if !report.refusals.isEmpty && !dryRun {
                ImportReportPrinter.refuse(report)
            }
            if output.json {
                try Printer.json(AttendanceImportView(report))
            } else {
                print(ImportReportPrinter.text(report, dryRun: dryRun), terminator: "")
            }
            // The plan is printed, and the status is the one the real run would end with.
            if dryRun && !report.refusals.isEmpty { throw ExitCode(65) }
        }
    }
}
