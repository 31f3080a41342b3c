/// What a coordinator asks for when scheduling an event, before it is checked.
///
/// Places are given as users write them (a code or a name); ``AppDatabase/createEvent(_:)``
/// resolves and checks everything and refuses the plan as a whole.
public struct EventPlan: Sendable {
    /// One sitting: a day and its times; hours follow from the times unless given.
    public struct PlannedSession: Hashable, Sendable {
        public var date: DayDate
        public var time: TimeRange
        public var hours: Double?
        /// Which of the plan's ``legs`` it belongs to, for a study tour.
        public var legIndex: Int?

        public init(date: DayDate, time: TimeRange, hours: Double? = nil, legIndex: Int? = nil) {
            self.date = date
            self.time = time
            self.hours = hours
            self.legIndex = legIndex
        }
    }

    public var courseCode: String
    public var title: String?
    public var region: String
    public var district: String?
    public var locality: String?
    public var venue: String?
    public var organiser: String?
    /// The project or donor the event is reported under.
    public var project: String?
    public var trainers: [String]
    public var capacity: Int?
    public var sessions: [PlannedSession]
    /// The event's first and last days; by default those of its sessions.
    public var startDate: DayDate?
    public var endDate: DayDate?
    public var status: EventStatus
    /// A study tour's stops; each brings its own sessions.
    public var legs: [PlannedLeg] = []
    /// A study tour's sending and hosting sides.
    public var sides: PlannedSides?

    public init(courseCode: String, title: String? = nil, region: String, district: String? = nil,
                locality: String? = nil, venue: String? = nil, organiser: String? = nil, trainers: [String] = [],
                capacity: Int? = nil, sessions: [PlannedSession], startDate: DayDate? = nil, endDate: DayDate? = nil,
                status: EventStatus = .planned) {
        self.courseCode = courseCode
        self.title = title
        self.region = region
        self.district = district
        self.locality = locality
        self.venue = venue
        self.organiser = organiser
        self.trainers = trainers
        self.capacity = capacity
        self.sessions = sessions
        self.startDate = startDate
        self.endDate = endDate
        self.status = status
    }

    /// Sessions on `days` consecutive days from `start`, all at the same time.
    public static func consecutiveSessions(from start: DayDate, days: Int, time: TimeRange) -> [PlannedSession] {
        (0..<max(days, 0)).map { PlannedSession(date: start.adding(days: $0), time: time) }
    }
}
