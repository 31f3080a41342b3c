/// A number of a region summary that can be sent to DHIS2, named by the key the region summary's
/// JSON uses: `events`, `events.training`, `hours`, `participants.sex.female`, `completed`…
public struct SummaryIndicator: Hashable, Sendable {
    public let key: String
    private let read: @Sendable (RegionSummary.Figures) -> Double
    /// Hours may have a fraction; every other indicator is a count.
    public let isCount: Bool

    public static func == (lhs: SummaryIndicator, rhs: SummaryIndicator) -> Bool { lhs.key == rhs.key }
    public func hash(into hasher: inout Hasher) { hasher.combine(key) }

    /// The number for one row or the total, as DHIS2 takes it: a string, without grouping, with a decimal point.
    public func value(_ figures: RegionSummary.Figures) -> String {
        let number = read(figures)
        if isCount { return String(Int(number)) }
        let rounded = (number * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    /// Every indicator, in the order of the region summary's columns.
    public static let all: [SummaryIndicator] = {
        var all = [count("events") { $0.events }]
        all += EventKind.allCases.map { kind in count("events.\(kind.rawValue)") { $0.eventsByKind[kind] ?? 0 } }
        all.append(count("sessions") { $0.sessions })
        all.append(SummaryIndicator(key: "hours", read: { $0.hours }, isCount: false))
        for (name, breakdown) in [("participations", \RegionSummary.Figures.participations), ("participants", \.participants)] {
            all.append(count(name) { $0[keyPath: breakdown].total })
            all += SexGroup.allCases.map { sex in count("\(name).sex.\(sex.rawValue)") { $0[keyPath: breakdown].bySex[sex] ?? 0 } }
            all += AgeGroup.allCases.map { age in count("\(name).age.\(age.rawValue)") { $0[keyPath: breakdown].byAge[age] ?? 0 } }
            all += ParticipantCategory.allCases.map { category in
                count("\(name).category.\(category.rawValue)") { $0[keyPath: breakdown].byCategory[category] ?? 0 }
            }
        }
        all.append(count("completed") { $0.completed })
        all.append(count("certificates") { $0.certificates })
        return all
    }()

    public static func named(_ key: String) -> SummaryIndicator? {
        all.first { $0.key == key }
    }

    private static func count(_ key: String, _ read: @escaping @Sendable (RegionSummary.Figures) -> Int) -> SummaryIndicator {
        SummaryIndicator(key: key, read: { Double(read($0)) }, isCount: true)
    }
}
