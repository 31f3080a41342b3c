import TrainingCore

/// One number of a summary row, with its label: the columns every format prints, so that they print the same numbers.
struct SummaryColumn: Sendable {
    /// A stable name for scripts, e.g. `participants.sex.female`; also the JSON path of the value.
    let key: String
    /// The heading: `group` (such as “Unique participants”) above `name` (such as “Female”); a column without a group has only a name.
    let group: ReportLabel?
    let name: ReportLabel
    let value: @Sendable (RegionSummary.Figures) -> SummaryValue

    /// The heading on one line: “Unique participants: Female”.
    func heading(in language: DocumentLanguage) -> String {
        guard let group else { return name.text(in: language) }
        return group.text(in: language) + ": " + name.text(in: language)
    }

    // MARK: The columns

    static let events = SummaryColumn(key: "events.total", group: nil, name: .events) { .count($0.events) }
    static let eventsByKind = EventKind.allCases.map { kind in
        SummaryColumn(key: "events.\(kind.rawValue)", group: .events, name: .kind(kind)) { .count($0.eventsByKind[kind] ?? 0) }
    }
    static let sessions = SummaryColumn(key: "sessions", group: nil, name: .sessions) { .count($0.sessions) }
    static let hours = SummaryColumn(key: "hours", group: nil, name: .hours) { .hours($0.hours) }
    static let participations = SummaryColumn(key: "participations.total", group: nil, name: .participations) { .count($0.participations.total) }
    static let participants = SummaryColumn(key: "participants.total", group: nil, name: .participants) { .count($0.participants.total) }
    static let completed = SummaryColumn(key: "completed", group: nil, name: .completed) { .count($0.completed) }
    static let certificates = SummaryColumn(key: "certificates", group: nil, name: .certificates) { .count($0.certificates) }
    static let attendanceRate = SummaryColumn(key: "attendanceRate", group: nil, name: .attendanceRate) { .rate($0.attendanceRate) }

    /// The splits of participations or of unique participants by sex, age group and category.
    static func splits(of part: Part) -> (sex: [SummaryColumn], age: [SummaryColumn], category: [SummaryColumn]) {
        let isPeople = part == .participants
        let breakdown: @Sendable (RegionSummary.Figures) -> RegionSummary.Breakdown = { figures in
            isPeople ? figures.participants : figures.participations
        }
        let group: ReportLabel = part == .participants ? .participants : .participations
        return (
            SexGroup.allCases.map { sex in
                SummaryColumn(key: "\(part.rawValue).sex.\(sex.rawValue)", group: group, name: .sex(sex)) { .count(breakdown($0).bySex[sex] ?? 0) }
            },
            AgeGroup.allCases.map { age in
                SummaryColumn(key: "\(part.rawValue).age.\(age.rawValue)", group: group, name: .age(age)) { .count(breakdown($0).byAge[age] ?? 0) }
            },
            ParticipantCategory.allCases.map { category in
                SummaryColumn(key: "\(part.rawValue).category.\(category.rawValue)", group: group, name: .category(category)) {
                    .count(breakdown($0).byCategory[category] ?? 0)
                }
            }
        )
    }

    enum Part: String {
        case participations
        case participants
    }

    /// The columns of the main table.
    static let main: [SummaryColumn] = [events, sessions, hours, participations, participants, completed, certificates, attendanceRate]

    /// Every number, in the order of the CSV file.
    static let all: [SummaryColumn] = {
        let participationSplits = splits(of: .participations)
        let participantSplits = splits(of: .participants)
        return [events] + eventsByKind + [sessions, hours, participations]
            + participationSplits.sex + participationSplits.age + participationSplits.category
            + [participants] + participantSplits.sex + participantSplits.age + participantSplits.category
            + [completed, certificates, attendanceRate]
    }()
}
