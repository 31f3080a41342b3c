import ArgumentParser
import Foundation
import TrainingCore

extension ParticipantCommand {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Register the people of a .csv or .xlsx list, and enroll them in an event.",
            discussion: """
                Columns are found by their header in Uzbek (Latin or Cyrillic), Russian, Kyrgyz or English \
                (F.I.Sh., ФИО, Аты-жөнү, Full name; Familiya, Ism, Otasining ismi; Jinsi, Пол; Tugʻilgan yili, \
                Год рождения, Yoshi; Toifa, Категория; Viloyat, Область; Tuman, Район; Telefon…), or named with \
                --map COLUMN=FIELD. Fields: \(ImportField.allCases.filter { $0 != .participantID }.map(\.rawValue).joined(separator: ", ")).

                Every row is checked first; if any is wrong, each is listed with its line, column and reason and \
                nothing is written, unless --skip-invalid. A row with the name and details of someone registered \
                adds nobody, so importing a file twice adds nobody twice. A row that is probably someone registered \
                (the name in the other script or word order, a patronymic more) is listed and nothing is written \
                until you choose: --on-duplicate link takes such rows as those people, --on-duplicate new adds them \
                as new people, and --link LINE=ID or --new LINE decide one row.

                --set FIELD=VALUE fills a field for every row that leaves it empty (the list has no category \
                column, everyone is from one district). Without it, people added to an event whose course has one \
                audience (PS-PARENTING: parents) get that category, and the summary says how many.

                Examples:
                  malaka participant import royxat.xlsx --event 3 --dry-run
                  malaka participant import spisok.csv --encoding windows-1251 --map "Ота-онаси=name" --skip-invalid
                  malaka participant import royxat.csv --on-duplicate link --new 14
                  malaka participant import ota-onalar.csv --event 3 --set category=parent --set "district=Urganch tumani"
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The .csv or .xlsx file.") var file: String
        @Option(help: "Enroll everyone on the list in this event.") var event: Int64?
        @Option(name: .customLong("set"),
                help: ArgumentHelp("A value for every row whose file gives none, e.g. category=parent. Repeat for several fields (\(ImportPresets.settable.map(\.rawValue).joined(separator: ", "))).",
                                   valueName: "field=value"))
        var presets: [String] = []
        @OptionGroup var reading: FileReadingOptions
        @Flag(help: "Import the good rows when some are wrong, instead of nothing.") var skipInvalid = false
        @Flag(help: "Show what would be added, linked and rejected, and write nothing.") var dryRun = false
        @Flag(help: "Import the rows a worksheet hides too; by default they are left out and listed.") var includeHidden = false
        @Option(help: ArgumentHelp("What to do with rows that are probably someone already registered: link, new or ask.",
                                   valueName: "link|new|ask"))
        var onDuplicate: ParticipantImportOptions.DuplicatePolicy = .ask
        @Option(help: ArgumentHelp("Take the row on LINE as participant ID. Repeat for several.", valueName: "line=id"))
        var link: [String] = []
        @Option(name: .customLong("new"), help: ArgumentHelp("Add the row on LINE as a new person. Repeat for several.", valueName: "line"))
        var newLines: [Int] = []

        func validate() throws {
            for decision in link where Self.parseLink(decision) == nil {
                throw ValidationError("--link takes LINE=ID, e.g. --link 7=12, not “\(decision)”.")
            }
        }

        static func parseLink(_ text: String) -> (Int, Int64)? {
            let parts = text.split(separator: "=")
            guard parts.count == 2, let line = Int(parts[0].trimmingCharacters(in: .whitespaces)),
                  let id = Int64(parts[1].trimmingCharacters(in: .whitespaces)) else { return nil }
            return (line, id)
        }

        func run() throws {
            var linkLines: [Int: Int64] = [:]
            for (line, id) in link.compactMap(Self.parseLink) {
                if let other = linkLines[line], other != id {
                    throw MalakaError.usage("Line \(line) is linked to two participants, \(other) and \(id). Give one.")
                }
                linkLines[line] = id
            }
            if let both = Set(linkLines.keys).intersection(newLines).min() {
                throw MalakaError.usage("Line \(both) is given both --link and --new. Choose one.")
            }
            var options = ParticipantImportOptions(
                eventID: event, map: reading.map, skipInvalid: skipInvalid, dryRun: dryRun,
                onDuplicate: onDuplicate, linkLines: linkLines,
                newLines: Set(newLines))
            options.presets = try ImportPresets(parsing: presets)
            options.includeHidden = includeHidden
            let report = try database.open().importParticipants(fromFile: file, reading: reading.reading, options: options)
            if !report.refusals.isEmpty && !dryRun {
                ImportReportPrinter.refuse(report)
            }
            if output.json {
                try Printer.json(ParticipantImportView(report))
            } else {
                print(ImportReportPrinter.text(report, dryRun: dryRun), terminator: "")
            }
            // The plan is printed, and the status is the one the real run would end with.
            if dryRun && !report.refusals.isEmpty { throw ExitCode(65) }
        }
    }
}
