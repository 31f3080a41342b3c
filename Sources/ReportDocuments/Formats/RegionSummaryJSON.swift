import Foundation
import TrainingCore

/// A region summary as JSON, for scripts: codes and numbers, with names in the chosen language.
///
/// For example:
/// ```swift
/// let data = try RegionSummaryJSON.data(summary, language: .english)
/// ```
/// Keys are English codes whatever the language (`participants.sex.female`, `events.study-tour`);
/// a rate is a share from 0 to 1, rounded to 4 decimals, or null when there were no participations.
public enum RegionSummaryJSON {
    public static func data(_ summary: RegionSummary, language: DocumentLanguage) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(Document(summary, language: language))
        data.append(0x0A)
        return data
    }

    struct Document: Encodable {
        var report = "region-summary"
        var language: String
        var title: String
        var period: Period
        var asOf: String
        var scope: Scope
        var by: String
        var filters: Filters
        var closed: [Closed]
        var rows: [Row]
        var total: Figures

        init(_ summary: RegionSummary, language: DocumentLanguage) {
            let text = SummaryText(summary, language: language)
            let request = summary.request
            self.language = language.rawValue
            title = text.title
            period = Period(from: request.period.from.iso, to: request.period.to.iso, label: text.period)
            asOf = request.asOf.iso
            switch request.scope {
            case .all: scope = Scope(label: text.scope)
            case .country(let country): scope = Scope(country: country, label: text.scope)
            case .region(let code): scope = Scope(region: code, label: text.scope)
            case .district(let code): scope = Scope(region: request.scope.regionCode, district: code, label: text.scope)
            }
            by = request.grouping.rawValue
            filters = Filters(course: summary.course?.course.code, kind: request.kind?.rawValue,
                              organiser: request.organiser, project: request.project)
            closed = summary.closedPeriods.map { lock in
                Closed(period: lock.label, from: lock.fromDate.iso, to: lock.toDate.iso, scope: lock.scopeKind, code: lock.scopeCode,
                       closedAt: ISO8601DateFormatter().string(from: lock.closedAt), reason: lock.reason)
            }
            rows = summary.rows.map { Row(code: $0.code, name: text.rowName($0.code), figures: Figures($0.figures)) }
            total = Figures(summary.total)
        }
    }

    /// A closed period the report overlaps: its numbers stay as they were reported.
    struct Closed: Encodable {
        var period: String
        var from: String
        var to: String
        var scope: String
        var code: String?
        var closedAt: String
        var reason: String
    }

    struct Period: Encodable {
        var from: String
        var to: String
        var label: String
    }

    struct Scope: Encodable {
        var country: String?
        var region: String?
        var district: String?
        var label: String

        init(country: String? = nil, region: String? = nil, district: String? = nil, label: String) {
            self.country = country
            self.region = region
            self.district = district
            self.label = label
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(country, forKey: .country)
            try container.encode(region, forKey: .region)
            try container.encode(district, forKey: .district)
            try container.encode(label, forKey: .label)
        }

        enum CodingKeys: String, CodingKey { case country, region, district, label }
    }

    struct Filters: Encodable {
        var course: String?
        var kind: String?
        var organiser: String?
        var project: String?

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(course, forKey: .course)
            try container.encode(kind, forKey: .kind)
            try container.encode(organiser, forKey: .organiser)
            try container.encode(project, forKey: .project)
        }

        enum CodingKeys: String, CodingKey { case course, kind, organiser, project }
    }

    struct Row: Encodable {
        /// The region or district code; null for events recorded without a district.
        var code: String?
        var name: String
        var figures: Figures

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(code, forKey: .code)
            try container.encode(name, forKey: .name)
            try figures.encode(to: encoder)
        }

        enum CodingKeys: String, CodingKey { case code, name }
    }

    struct Figures: Encodable {
        var events: [String: Int]
        var sessions: Int
        var hours: Double
        var participations: Breakdown
        var participants: Breakdown
        var completed: Int
        var certificates: Int
        var attendanceRate: Double?

        init(_ figures: RegionSummary.Figures) {
            events = ["total": figures.events]
            for kind in EventKind.allCases { events[kind.rawValue] = figures.eventsByKind[kind] ?? 0 }
            sessions = figures.sessions
            hours = (figures.hours * 100).rounded() / 100
            participations = Breakdown(figures.participations)
            participants = Breakdown(figures.participants)
            completed = figures.completed
            certificates = figures.certificates
            attendanceRate = figures.attendanceRate.map { ($0 * 10_000).rounded() / 10_000 }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(events, forKey: .events)
            try container.encode(sessions, forKey: .sessions)
            try container.encode(hours, forKey: .hours)
            try container.encode(participations, forKey: .participations)
            try container.encode(participants, forKey: .participants)
            try container.encode(completed, forKey: .completed)
            try container.encode(certificates, forKey: .certificates)
            try container.encode(attendanceRate, forKey: .attendanceRate)
        }

        enum CodingKeys: String, CodingKey {
            case events, sessions, hours, participations, participants, completed, certificates, attendanceRate
        }
    }

    struct Breakdown: Encodable {
        var total: Int
        var sex: [String: Int]
        var age: [String: Int]
        var category: [String: Int]

        init(_ breakdown: RegionSummary.Breakdown) {
            total = breakdown.total
            sex = Dictionary(uniqueKeysWithValues: SexGroup.allCases.map { ($0.rawValue, breakdown.bySex[$0] ?? 0) })
            age = Dictionary(uniqueKeysWithValues: AgeGroup.allCases.map { ($0.rawValue, breakdown.byAge[$0] ?? 0) })
            category = Dictionary(uniqueKeysWithValues: ParticipantCategory.allCases.map { ($0.rawValue, breakdown.byCategory[$0] ?? 0) })
        }
    }
}
