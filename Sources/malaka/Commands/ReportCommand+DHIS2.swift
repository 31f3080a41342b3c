import ArgumentParser
import Foundation
import TrainingCore

extension ReportCommand {
    struct DHIS2: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "dhis2",
            abstract: "The region summary's numbers as a DHIS2 dataValueSets JSON, to import into the national DHIS2.",
            discussion: """
                The mapping file names the DHIS2 organisation unit of each region and the data element \
                and category option combination of each number; it is kept beside the courses, in \
                courses/dhis2/mapping.yaml. The period, place and filters are those of `report regions`; \
                DHIS2 takes a year, a quarter, a whole month or a day.

                Example:
                  malaka report dhis2 --quarter 2019Q4 --country UZ --mapping courses/dhis2/mapping.yaml --out q4-dhis2.json
                Then, in DHIS2: POST the file to /api/dataValueSets?dataElementIdScheme=CODE&orgUnitIdScheme=CODE&idScheme=CODE
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var counting: SummaryOptions
        @Option(help: ArgumentHelp("The DHIS2 mapping file.", valueName: "file")) var mapping = "courses/dhis2/mapping.yaml"
        @OptionGroup var output: FileOutputOptions

        func run() throws {
            let mapping = try DHIS2Mapping.load(from: URL(fileURLWithPath: mapping))
            let destination = try output.destination()
            let summary = try database.openForReading().regionSummary(try counting.request())
            let data = try DataValueSet(summary: summary, mapping: mapping).json()
            try destination.write(data)
            if let path = destination.path {
                print("Wrote the DHIS2 data values of \(summary.request.period.from.iso) to \(summary.request.period.to.iso) to \(path).")
            }
        }
    }
}
