/// A session with what an agenda or a calendar shows about it: its event, place and trainers.
public struct ScheduledSession: Hashable, Sendable {
    public var session: Session
    public var eventId: Int64
    public var title: String
    public var courseCode: String
    public var kind: EventKind
    public var status: EventStatus
    public var cancelReason: String?
    /// Where it is held: the event's place, or its study tour leg's.
    public var regionCode: String
    public var districtCode: String?
    public var locality: String?
    public var venue: String?
    public var organiser: String?
    /// For a study tour leg: the host and what was visited.
    public var legHost: String?
    public var visited: String?
    public var trainers: [String]
    /// 1 for the event's first session…
    public var number: Int
    public var sessionCount: Int

    /// The venue and the place, as a calendar's LOCATION: `Mahalla markazi, Navbahor mahallasi, Urganch District, Khorezm`.
    public var location: String {
        let gazetteer = Gazetteer.bundled
        return [
            venue, locality, districtCode.flatMap { gazetteer.district(code: $0)?.name(in: .english) },
            gazetteer.region(code: regionCode)?.name(in: .english) ?? regionCode,
        ].compactMap { $0 }.joined(separator: ", ")
    }
}

/// Which sessions an agenda or a calendar export shows; every filter left nil matches all.
public struct SessionFilter: Sendable {
    public var eventID: Int64?
    public var from: DayDate?
    public var to: DayDate?
    /// A region code or name: sessions held there, legs of study tours included.
    public var region: String?
    /// A trainer's name, or a part of it that only one trainer has.
    public var trainer: String?
    public var courseCode: String?
    public var kind: EventKind?
    public var includeCancelled: Bool

    public init(eventID: Int64? = nil, from: DayDate? = nil, to: DayDate? = nil, region: String? = nil,
                trainer: String? = nil, courseCode: String? = nil, kind: EventKind? = nil, includeCancelled: Bool = false) {
        self.eventID = eventID
        self.from = from
        self.to = to
        self.region = region
        self.trainer = trainer
        self.courseCode = courseCode
        self.kind = kind
        self.includeCancelled = includeCancelled
    }
}
