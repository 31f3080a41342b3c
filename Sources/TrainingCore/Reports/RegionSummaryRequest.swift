/// What a region summary covers: a period, a place, how rows are grouped, and optional filters.
///
/// For example, the districts of Khorezm in the last quarter of 2019, trainings only:
/// ```swift
/// var request = RegionSummaryRequest(period: try ReportPeriod(quarter: "2019Q4"), scope: .region("UZ-XO"))
/// request.grouping = .district
/// request.kind = .training
/// let summary = try database.regionSummary(request)
/// ```
public struct RegionSummaryRequest: Hashable, Sendable {
    public var period: ReportPeriod
    public var scope: ReportScope
    public var grouping: ReportGrouping
    /// Only events of this course (its code).
    public var courseCode: String?
    /// Only events of courses of this kind.
    public var kind: EventKind?
    /// Only events run by this organiser, matched ignoring case and spacing (`SOS Uzbekistan`).
    public var organiser: String?
    /// Only events labelled with this project or donor, matched the same way (`UNICEF-2019`).
    public var project: String?
    /// Only events made at this site of the programme (its code, such as `XO-URG1`): an event belongs to
    /// the site that made it, and the events of a database that never joined one belong to its own site.
    public var site: String?
    /// The day the report is made: sessions after it have not been held yet and are not counted.
    public var asOf: DayDate
    /// Whether to list each event counted, for the per-region pages of the PDF.
    public var includesEvents: Bool

    public init(period: ReportPeriod, scope: ReportScope = .all, grouping: ReportGrouping = .region,
                courseCode: String? = nil, kind: EventKind? = nil, asOf: DayDate = .today, includesEvents: Bool = false) {
        self.period = period
        self.scope = scope
        self.grouping = grouping
        self.courseCode = courseCode
        self.kind = kind
        self.asOf = asOf
        self.includesEvents = includesEvents
    }
}
