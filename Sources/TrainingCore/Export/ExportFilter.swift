/// Which rows an export keeps.
///
/// `event` and the period (`from`, `to`) select what happened: for participants, the
/// people enrolled in the event or in an event held in the period; for enrollments,
/// the events; for attendance, the sessions' dates; for certificates, the event and
/// the issue date. `region` is where the event was held, except for participants,
/// where it is where the person lives.
public struct ExportFilter: Sendable {
    public var eventID: Int64?
    /// A region code or name, as the user wrote it.
    public var region: String?
    public var from: DayDate?
    public var to: DayDate?

    public init(eventID: Int64? = nil, region: String? = nil, from: DayDate? = nil, to: DayDate? = nil) {
        self.eventID = eventID
        self.region = region
        self.from = from
        self.to = to
    }
}
