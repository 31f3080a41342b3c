import Foundation
import Hummingbird
import ReportDocuments
import TrainingCore

/// The region summary of a period: its filters, the table, a bar chart of the people reached, a
/// drill-down from a region to its districts, and the CSV of exactly the rows shown.
struct SummaryRoutes: Sendable {
    let pages: PageRenderer
    let access: @Sendable (WebContext) throws -> Access

    func add(to router: Router<WebContext>) {
        router.page("/summary", .report) { query, context in try page(query: query, context: context) }
        router.page("/summary.csv", .report) { query, context in try download(query: query, context: context, format: .csv) }
        router.page("/summary.pdf", .report) { query, context in try download(query: query, context: context, format: .pdf) }
    }

    /// The filters of a summary page, read from its query, with their problems by field.
    struct Filters {
        var year: String
        var from: String?
        var to: String?
        var region: String?
        var grouping: ReportGrouping
        var errors: [String: String] = [:]
        var request: RegionSummaryRequest?

        init(_ query: FormData, words: Words) {
            year = query["year"] ?? String(DayDate.today.year)
            from = query["from"]
            to = query["to"]
            region = query["region"]?.uppercased()
            grouping = region != nil && query["by"] != "region" ? .district : .region
            let wording = ErrorWording(words)
            do {
                let period: ReportPeriod
                if let from, let to {
                    // Each date read on its own, so that a problem is shown beside the field that has it.
                    let first = Result { try DayDate(parsing: from) }, last = Result { try DayDate(parsing: to) }
                    if case .failure(let error as MalakaError) = first { errors["from"] = wording.word(error).message }
                    if case .failure(let error as MalakaError) = last { errors["to"] = wording.word(error).message }
                    guard errors.isEmpty else { return }
                    period = try ReportPeriod(from: first.get(), to: last.get())
                } else {
                    period = try ReportPeriod(year: year)
                }
                var request = RegionSummaryRequest(period: period, scope: region.map(ReportScope.region) ?? .all, grouping: grouping)
                if let region, Gazetteer.bundled.region(code: region) == nil {
                    errors["region"] = words[.notFoundText]
                    request.scope = .all
                }
                self.request = request
            } catch let error as MalakaError {
                errors[from != nil || to != nil ? "from" : "year"] = wording.word(error).message
            } catch {
                errors["year"] = words[.notANumber]
            }
        }

        /// The query that gives this page again, for the CSV link and the drill-down.
        var query: String {
            var parts: [String] = []
            if let from, let to { parts += ["from=\(from)", "to=\(to)"] } else { parts.append("year=\(year)") }
            if let region { parts += ["region=\(region)", "by=\(grouping.rawValue)"] }
            return parts.joined(separator: "&")
        }
    }

    private func summary(query: FormData, context: WebContext) throws -> (Filters, RegionSummary?) {
        let filters = Filters(query, words: context.words)
        guard let summaryRequest = filters.request, filters.errors.isEmpty else { return (filters, nil) }
        return (filters, try access(context).regionSummary(summaryRequest).withoutEmptyRows())
    }

    private func page(query: FormData, context: WebContext) throws -> Response {
        let words = context.words
        let (filters, summary) = try summary(query: query, context: context)
        let scope = try access(context).scope
        var values: [String: Any] = [
            "year": filters.year, "from": filters.from ?? "", "to": filters.to ?? "", "errors": filters.errors,
            "regions": Gazetteer.bundled.regions.filter { scope.covers(regionCode: $0.code, districtCode: nil) }.map { region in
                ["code": region.code, "name": region.name(in: context.language), "selected": region.code == filters.region] as [String: Any]
            },
            "csvLink": "/summary.csv?" + filters.query, "pdfLink": "/summary.pdf?" + filters.query,
        ]
        if let summary {
            let place = { (code: String?) in
                filters.grouping == .district ? PlaceNames.district(code, in: context.language) : PlaceNames.region(code, in: context.language)
            }
            values["rows"] = summary.rows.map { row in
                var line = figures(row.figures, words)
                line["place"] = row.code.map(place) ?? "—"
                if filters.grouping == .region, let code = row.code {
                    line["drill"] = "/summary?" + (filters.from.map { "from=\($0)&to=\(filters.to ?? "")" } ?? "year=\(filters.year)")
                        + "&region=\(code)&by=district"
                }
                return line
            }
            values["total"] = figures(summary.total, words)
            values["chart"] = BarChart(bars: summary.rows.map { (place($0.code), $0.figures.participants.total) }, words: words).svg
            values["hasRows"] = !summary.rows.isEmpty
            values["byLabel"] = filters.grouping == .district ? words[.byDistrict] : words[.byRegion]
        }
        return pages.page("summary", title: words[.regionSummary], values: values, context: context,
                          status: filters.errors.isEmpty ? .ok : .badRequest)
    }

    private func figures(_ figures: RegionSummary.Figures, _ words: Words) -> [String: Any] {
        [
            "events": words.number(figures.events), "sessions": words.number(figures.sessions), "hours": words.decimal(figures.hours),
            "participations": words.number(figures.participations.total), "participants": words.number(figures.participants.total),
            "completed": words.number(figures.completed), "certificates": words.number(figures.certificates),
            // Plain digits for the browser test and for scripts reading the table.
            "raw": "\(figures.events) \(figures.sessions) \(figures.participations.total) \(figures.participants.total) \(figures.completed) \(figures.certificates)",
        ]
    }

    enum Format: String {
        case csv, pdf
    }

    /// The rows shown, as the command line's `--format csv` or `--format pdf` writes them.
    private func download(query: FormData, context: WebContext, format: Format) throws -> Response {
        let (filters, summary) = try summary(query: query, context: context)
        guard let summary else { throw HTTPError(.badRequest, message: filters.errors.values.sorted().joined(separator: " ")) }
        let data = switch format {
        case .csv: RegionSummaryCSV.data(summary, language: context.language)
        case .pdf: try RegionSummaryPDF(summary: summary, language: context.language).data()
        }
        return Response(status: .ok, headers: [
            .contentType: format == .csv ? "text/csv; charset=utf-8" : "application/pdf", .cacheControl: "no-store",
            .contentDisposition: "attachment; filename=\"region-summary.\(format.rawValue)\"",
        ], body: .init(byteBuffer: ByteBuffer(data: data)))
    }
}
