/// Which change-log entries to list: those concerning a person or an event, made by someone, or
/// within a period. Empty fields do not filter.
public struct ChangeLogFilter: Sendable, Hashable {
    public var participantID: Int64?
    public var eventID: Int64?
    /// An actor such as `dilnoza` or `web:dilnoza`.
    public var actor: String?
    /// The first and last days, in UTC, by the entries' hybrid-clock time.
    public var from: DayDate?
    public var to: DayDate?

    public init(participantID: Int64? = nil, eventID: Int64? = nil, actor: String? = nil, from: DayDate? = nil, to: DayDate? = nil) {
        self.participantID = participantID
        self.eventID = eventID
        self.actor = actor
        self.from = from
        self.to = to
    }
}
