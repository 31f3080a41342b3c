import ArgumentParser
import TrainingCore

/// What a region summary counts: the period, the place, the rows and the filters.
struct SummaryOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The first day of the period: 2019-03-25 or 25.03.2019.", valueName: "date")) var from: DayDate?
    @Option(help: ArgumentHelp("The last day of the period.", valueName: "date")) var to: DayDate?
    @Option(help: "A calendar year, instead of --from and --to.") var year: String?
    @Option(help: ArgumentHelp("A calendar quarter, such as 2019Q4, instead of --from and --to.", valueName: "YYYYQn")) var quarter: String?
    @OptionGroup var place: PlaceOptions
    @Option(help: ArgumentHelp("One row per region (default), or per district of one region.", valueName: "region|district")) var by: ReportGrouping?
    @Option(help: "Only events of this course (its code).") var course: String?
    @Option(help: "Only events of this kind.") var kind: EventKind?
    @Option(help: "Only events run by this organiser, as events give it (case and spacing aside).") var organiser: String?
    @Option(help: "Only events labelled with this project or donor (event create --project, event label).") var project: String?
    @Option(help: ArgumentHelp("Only events made at this site of the programme, such as XO-URG1 (site list).", valueName: "code")) var site: String?

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
    }

    func request() throws -> RegionSummaryRequest {
        let period: ReportPeriod
        if let year {
            period = try ReportPeriod(year: year)
        } else if let quarter {
            period = try ReportPeriod(quarter: quarter)
        } else {
            period = try ReportPeriod(from: from!, to: to!)
        }
        var request = RegionSummaryRequest(period: period, scope: try place.scope())
        request.grouping = by ?? (place.district == nil ? .region : .district)
        if request.grouping == .district, request.scope.regionCode == nil {
            throw MalakaError.usage("A report by district covers one region: add --region, such as --region Xorazm.")
        }
        request.courseCode = course
        request.kind = kind
        request.organiser = organiser
        request.project = project
        request.site = site
        return request
    }
}
