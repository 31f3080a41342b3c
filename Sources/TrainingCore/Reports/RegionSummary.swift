/// What was held where, and for whom, in a period: one row per region or per district, and a total.
///
/// Made by ``AppDatabase/regionSummary(_:)``, which is the one place these numbers are
/// defined; every output format (table, CSV, JSON, PDF) prints them as they are.
///
/// The counting rules:
/// - **Held session**: a session dated within the period, not after ``RegionSummaryRequest/asOf``,
///   of an event that is not cancelled. An event marked `planned` whose sessions have passed
///   counts: trainers often forget to mark events held.
/// - **Event held**: an event with at least one held session in the period, in the row of the
///   region or district where it took place, under its course's kind. An event that runs across
///   the period's edge counts in each period it has sessions in, with only those sessions and hours.
/// - **Training hours**: the sum of the held sessions' hours (hours of delivery, not person-hours).
/// - **Participation**: one person enrolled in one event who was present or late at one of its held
///   sessions at least. Excused or absent at every session is not a participation.
/// - **Unique participants**: the people behind the participations, each counted once per row
///   however many events they attended; the total counts each person once, so it can be less
///   than the sum of the rows when people attended events in several regions.
/// - **Age group**: at the event, from the event's year and the birth year (see ``AgeGroup``);
///   a unique participant is placed by their age at their first counted event in the row.
/// - **Completed**: people enrolled in events whose last session falls in the period who came
///   (present or late at least once) and meet the course's ``CompletionRule`` over all the event's
///   sessions. An event is judged once, in the period in which it ends.
/// - **Certificates**: the same participations holding a valid certificate. A re-issue replaces
///   the certificate it supersedes, so it is counted once; a revoked certificate is not counted.
/// - **Attendance rate**: the sessions participations are credited with under the course's rule,
///   divided by the held sessions of their events in the period.
public struct RegionSummary: Sendable {
    public var request: RegionSummaryRequest
    /// Every region of the scope (or district of the region), in the gazetteer's order, with zeros where nothing was held.
    public var rows: [Row]
    /// The whole scope, counted as a whole: unique participants are people, not the sum of the rows.
    public var total: Figures
    /// The events counted, by row and date; filled only when the request ``RegionSummaryRequest/includesEvents``.
    public var events: [EventLine]
    /// The course the report is limited to, for naming it in the chosen language.
    public var course: CourseInfo?
    /// The closed periods that share days and places with the report: their numbers no longer change.
    public var closedPeriods: [PeriodLock] = []

    /// One region, or one district; a nil ``code`` is the events recorded without a district.
    public struct Row: Hashable, Sendable {
        public var code: String?
        public var figures: Figures
    }

    /// The numbers of one row or of the total.
    public struct Figures: Hashable, Sendable {
        public var eventsByKind: [EventKind: Int] = [:]
        public var sessions = 0
        public var hours = 0.0
        public var participations = Breakdown()
        public var participants = Breakdown()
        public var completed = 0
        public var certificates = 0
        /// Sessions credited to participations under their courses' rules.
        public var creditedSessions = 0
        /// Held sessions that participations could have attended: each participation times its event's held sessions.
        public var offeredSessions = 0

        public init() {}

        public var events: Int { eventsByKind.values.reduce(0, +) }

        /// Credited over offered sessions, from 0 to 1; nil when there were no participations.
        public var attendanceRate: Double? {
            offeredSessions == 0 ? nil : Double(creditedSessions) / Double(offeredSessions)
        }
    }

    /// A count split three ways: by sex, by age group and by category; each split adds up to ``total``.
    public struct Breakdown: Hashable, Sendable {
        public var total = 0
        public var bySex: [SexGroup: Int] = [:]
        public var byAge: [AgeGroup: Int] = [:]
        public var byCategory: [ParticipantCategory: Int] = [:]

        public init() {}

        mutating func add(_ count: Int, sex: SexGroup, age: AgeGroup, category: ParticipantCategory) {
            total += count
            bySex[sex, default: 0] += count
            byAge[age, default: 0] += count
            byCategory[category, default: 0] += count
        }
    }

    /// One event counted in the report, for the per-region listing. It names no participant.
    public struct EventLine: Hashable, Sendable {
        public var id: Int64
        /// The row it is counted in: its region, or its district (nil when it has none) in a district report.
        public var rowCode: String?
        public var course: CourseInfo
        /// The event's own title; nil means the course's.
        public var customTitle: String?
        public var startDate: DayDate
        public var endDate: DayDate
        public var regionCode: String
        public var districtCode: String?
        public var locality: String?
        public var venue: String?
        /// Held sessions and their hours in the period.
        public var sessions: Int
        public var hours: Double
        /// Participations: people who attended at least one held session in the period.
        public var participants: Int
        /// Participations that met the course's rule; nil when the event does not end in the period.
        public var completed: Int?
        public var certificates: Int?

        public var kind: EventKind { course.course.kind }

        public func title(in language: DocumentLanguage) -> String {
            customTitle ?? course.title(in: language)
        }
    }
}
