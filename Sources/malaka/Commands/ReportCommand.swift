import ArgumentParser
import Foundation
import ReportDocuments
import TrainingCore

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Summaries of what was held, where, and for whom.",
        subcommands: [Regions.self])
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
        @Option(help: "The first day of the period.") var from: String?
        @Option(help: "The last day of the period.") var to: String?
        @Option(help: "A calendar year, instead of --from and --to.") var year: String?
        @Option(help: ArgumentHelp("A calendar quarter, such as 2019Q4, instead of --from and --to.", valueName: "YYYYQn")) var quarter: String?
        @Option(help: "Only events in this country: UZ or KG.") var country: String?
        @Option(help: "Only events in this region: an ISO code (UZ-XO) or a name (Xorazm).") var region: String?
        @Option(help: "Only events in this district of --region, by code or name.") var district: String?
        @Option(help: ArgumentHelp("One row per region (default), or per district of one region.", valueName: "region|district")) var by: String?
        @Option(help: "Only events of this course (its code).") var course: String?
        @Option(help: "Only events of this kind: training, seminar, study-tour, meeting, round-table.") var kind: String?
        @Option(help: "The language of labels, names and dates: en, ru, uz-Latn, uz-Cyrl or ky.") var language = "en"
        @Option(help: "table, csv, json or pdf.") var format: Format = .table
        @Option(help: ArgumentHelp("The file to write; required for pdf. Without it, the report is printed.", valueName: "file")) var out: String?

        func validate() throws {
            let ways = [year != nil, quarter != nil, from != nil || to != nil].filter { $0 }.count
            if ways == 0 {
                throw ValidationError("Say which period to report on: --year 2019, --quarter 2019Q4, or --from DATE --to DATE.")
            }
            if ways > 1 {
                throw ValidationError("Give one period: --year, --quarter, or --from with --to, not several.")
            }
            if (from == nil) != (to == nil) {
                throw ValidationError("A period of days needs both --from and --to.")
            }
            if format == .pdf && out == nil {
                throw ValidationError("A PDF is not printed to the terminal: give the file to write with --out, such as --out summary.pdf.")
            }
            if let by, ReportGrouping(rawValue: by.lowercased()) == nil {
                throw ValidationError("--by is region or district, not “\(by)”.")
            }
        }

        func run() throws {
            let period: ReportPeriod
            if let year {
                period = try ReportPeriod(year: year)
            } else if let quarter {
                period = try ReportPeriod(quarter: quarter)
            } else {
                period = try ReportPeriod(from: DayDate(parsing: from!), to: DayDate(parsing: to!))
            }
            let language = try DocumentLanguage(parsing: language)
            var request = RegionSummaryRequest(period: period, scope: try scope())
            request.grouping = by.flatMap { ReportGrouping(rawValue: $0.lowercased()) } ?? (district == nil ? .region : .district)
            if request.grouping == .district, request.scope.regionCode == nil {
                throw MalakaError.usage("A report by district covers one region: add --region, such as --region Xorazm.")
            }
            request.courseCode = course
            request.kind = try kind.map(EventKind.init(parsing:))
            request.includesEvents = format == .pdf
            let destination = try out.map { try OutputFile(path: $0) }

            let summary = try database.openForReading().regionSummary(request)
            switch format {
            case .table: try emit(Data(RegionSummaryTable.text(summary, language: language).utf8), to: destination)
            case .csv: try emit(RegionSummaryCSV.data(summary, language: language), to: destination)
            case .json: try emit(try RegionSummaryJSON.data(summary, language: language), to: destination)
            case .pdf:
                let pdf = RegionSummaryPDF(summary: summary, language: language)
                try destination!.write { file in try pdf.write(into: file) }
            }
            if let destination {
                print("Wrote the region summary to \(destination.path).")
            }
        }

        /// The place the report covers, from --country, --region and --district.
        private func scope() throws -> ReportScope {
            let gazetteer = Gazetteer.bundled
            var countryCode: String?
            if let country {
                countryCode = country.trimmingCharacters(in: .whitespaces).uppercased()
                guard ["UZ", "KG"].contains(countryCode!) else {
                    throw MalakaError.data("“\(country)” is not a country Malaka covers. Use UZ or KG.")
                }
            }
            var region = try region.map { try gazetteer.region(matching: $0) }
            if let district {
                if region == nil {
                    guard let known = gazetteer.district(code: district) else {
                        throw MalakaError.usage("Say which region the district “\(district)” is in with --region, or give its code, such as UZ-XO-URG.")
                    }
                    region = gazetteer.region(code: known.regionCode)
                }
                let found = try gazetteer.district(matching: district, in: region!)
                try check(region!, against: countryCode)
                return .district(found.code)
            }
            if let region {
                try check(region, against: countryCode)
                return .region(region.code)
            }
            return countryCode.map(ReportScope.country) ?? .all
        }

        private func check(_ region: Region, against country: String?) throws {
            if let country, region.country != country {
                throw MalakaError.usage("\(region.name(in: .english)) (\(region.code)) is not in \(country). Leave out --country, or give a region of \(country).")
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
