import TrainingCore

/// The names and headings of one summary in one language: title, place, period, filters and row names.
struct SummaryText {
    let summary: RegionSummary
    let language: DocumentLanguage
    private let gazetteer = Gazetteer.bundled

    init(_ summary: RegionSummary, language: DocumentLanguage) {
        self.summary = summary
        self.language = language
    }

    private var request: RegionSummaryRequest { summary.request }

    func label(_ label: ReportLabel) -> String { label.text(in: language) }

    /// “Region summary”, or “District summary” for a report by district.
    var title: String {
        label(request.grouping == .district ? .districtTitle : .title)
    }

    /// The place the report covers, named in the language.
    var scope: String {
        switch request.scope {
        case .all: return label(.bothCountries)
        case .country(let country): return label(country == "KG" ? .kyrgyzstan : .uzbekistan)
        case .region(let code): return regionName(code)
        case .district(let code): return [districtName(code), request.scope.regionCode.map(regionName)].compactMap { $0 }.joined(separator: ", ")
        }
    }

    var period: String { ReportWording.period(request.period, in: language) }

    /// The course, kind, organiser and project the report is limited to, or “none”.
    var filters: String {
        var parts: [String] = []
        if let course = summary.course {
            parts.append("\(label(.course)): \(course.course.code) (\(course.title(in: language)))")
        }
        if let kind = request.kind {
            parts.append("\(label(.kind)): \(ReportLabel.kind(kind).text(in: language))")
        }
        if let organiser = request.organiser {
            parts.append("\(label(.organiser)): \(organiser)")
        }
        if let project = request.project {
            parts.append("\(label(.project)): \(project)")
        }
        return parts.isEmpty ? label(.noFilters) : parts.joined(separator: "; ")
    }

    /// One line per closed period the report overlaps: which, where, when it was closed and why; nil when none.
    var closedPeriods: String? {
        guard !summary.closedPeriods.isEmpty else { return nil }
        return summary.closedPeriods.map { lock in
            let place: String = switch lock.scope {
            case .all: label(.bothCountries)
            case .country(let country): label(country == "KG" ? .kyrgyzstan : .uzbekistan)
            case .region(let code): regionName(code)
            case .district(let code): districtName(code)
            }
            return "\(label(.closedPeriod)): \(lock.label), \(place), \(DayDate(utc: lock.closedAt).iso) — \(lock.reason)"
        }.joined(separator: "\n")
    }

    /// “Region” or “District”: what the rows are.
    var rowHeading: String { label(request.grouping == .district ? .district : .region) }

    /// A row's region or district name, or “District not recorded”.
    func rowName(_ code: String?) -> String {
        guard let code else { return label(.noDistrict) }
        return request.grouping == .district ? districtName(code) : regionName(code)
    }

    func regionName(_ code: String) -> String {
        gazetteer.region(code: code)?.name(in: language) ?? code
    }

    func districtName(_ code: String) -> String {
        gazetteer.district(code: code)?.name(in: language) ?? code
    }

    /// Where an event was held: locality, district and venue, without the row's own name.
    func place(of event: RegionSummary.EventLine) -> String {
        var parts: [String] = []
        if request.grouping == .region, let district = event.districtCode { parts.append(districtName(district)) }
        parts += [event.locality, event.venue].compactMap { $0 }
        return parts.joined(separator: ", ")
    }

    /// An event's first and last days, day-first as people in the region write them: `25.03–28.03.2019`.
    func dates(of event: RegionSummary.EventLine) -> String {
        let start = event.startDate, end = event.endDate
        if start == end { return start.dotted }
        if start.year == end.year {
            return String(start.dotted.prefix(5)) + "–" + end.dotted
        }
        return start.dotted + "–" + end.dotted
    }
}
