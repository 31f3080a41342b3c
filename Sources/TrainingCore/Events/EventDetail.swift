/// An event with what a coordinator needs to see about it.
public struct EventDetail: Hashable, Sendable {
    public var event: Event
    public var course: CourseInfo
    public var sessions: [Session]
    public var trainers: [String]
    public var enrolledCount: Int
    /// How many wait for a place.
    public var waitlistedCount: Int = 0
    /// A study tour's stops, in order.
    public var legs: [StudyTourLeg] = []
    /// A study tour's sending and hosting sides.
    public var sides: StudyTourSides?
    /// Conflicts scheduled anyway, allowing the conflict, involving this event.
    public var overrides: [ScheduleOverride] = []

    public var id: Int64 { event.id! }

    /// The event's own title, or the course's in a language.
    public func title(in language: DocumentLanguage = .english) -> String {
        event.title ?? course.title(in: language)
    }

    /// The sum of the sessions' hours.
    public var totalHours: Double { sessions.reduce(0) { $0 + $1.hours } }
}

/// Which events to list; every filter left nil matches all.
public struct EventFilter: Sendable {
    public var region: String?
    public var courseCode: String?
    public var kind: EventKind?
    public var status: EventStatus?
    /// Events that have at least one day within the period.
    public var from: DayDate?
    public var to: DayDate?

    public init(region: String? = nil, courseCode: String? = nil, kind: EventKind? = nil, status: EventStatus? = nil,
                from: DayDate? = nil, to: DayDate? = nil) {
        self.region = region
        self.courseCode = courseCode
        self.kind = kind
        self.status = status
        self.from = from
        self.to = to
    }
}
