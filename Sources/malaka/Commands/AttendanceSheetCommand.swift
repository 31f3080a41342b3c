import ArgumentParser
import Foundation
import ReportDocuments
import TrainingCore

extension AttendanceCommand {
    struct Sheet: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sheet",
            abstract: "Print a sign-in sheet for an event (PDF), and write the same grid as a workbook (XLSX).",
            discussion: """
                The enrolled people are in rows, the session days in columns with a box to sign; the \
                language is the event's (Kyrgyz in Kyrgyzstan, Uzbek Latin elsewhere) unless --language. \
                The workbook, with marks typed in the day columns (+ present, - absent, kech late, sababli \
                excused), imports back with `malaka attendance import EVENT FILE`.

                Examples:
                  malaka attendance sheet 3
                  malaka attendance sheet 3 --language ru --pdf davomat-3.pdf --xlsx davomat-3.xlsx
                """)

        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The event number.") var event: Int64
        @Option(help: "The sheet's language.") var language: DocumentLanguage?
        @Option(help: ArgumentHelp("The PDF to print; by default sign-in-EVENT.pdf.", valueName: "file")) var pdf: String?
        @Option(help: ArgumentHelp("The workbook; by default sign-in-EVENT.xlsx.", valueName: "file")) var xlsx: String?

        func run() throws {
            let pdfFile = try OutputFile(path: pdf ?? "sign-in-\(event).pdf")
            let xlsxFile = try OutputFile(path: xlsx ?? "sign-in-\(event).xlsx")
            let database = try database.open()
            let attendance = try database.attendanceSheet(eventID: event)
            let chosen = language
                ?? SignInSheet.defaultLanguage(regionCode: attendance.event.event.regionCode)
            let sheet = SignInSheet(attendance, language: chosen, gazetteer: .bundled)
            let pdfData = try SignInSheetPDF(sheet: sheet).data()
            let workbook = try sheet.workbook()
            // Each file is whole under its name or not there: a temporary file, synced, then renamed.
            try pdfFile.write(pdfData)
            try xlsxFile.write(workbook)
            print("Wrote the sign-in sheet of event \(event) (\(sheet.rows.count) people, \(sheet.header.count - SignInSheet.leadingColumns) sessions, \(chosen.rawValue)): \(pdfFile.path) and \(xlsxFile.path).")
        }
    }
}
