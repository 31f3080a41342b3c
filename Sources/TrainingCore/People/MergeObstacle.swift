/// Why two records cannot be one person: what their attendance and certificates say against it.
///
/// ``AppDatabase/mergeParticipants(keep:other:)`` refuses a merge with these in its message (in English,
/// as ``description`` words them); a front end that words them itself asks for them with
/// ``AppDatabase/mergeObstacles(keep:other:)``. "First" is the record to keep, "second" the other.
public enum MergeObstacle: Sendable, Hashable, CustomStringConvertible {
    /// One session of one event, marked differently for the two.
    case marksDiffer(event: Int64, date: DayDate, startTime: TimeOfDay, first: AttendanceStatus, second: AttendanceStatus)
    /// Present at two events at overlapping times on one day.
    case bothAttended(date: DayDate, first: TimedEvent, second: TimedEvent)
    /// Both hold a valid certificate for one event.
    case twoValidCertificates(event: Int64, first: String, second: String)

    /// An event with the time of the session concerned.
    public struct TimedEvent: Sendable, Hashable {
        public var event: Int64
        public var startTime: TimeOfDay
        public var endTime: TimeOfDay
    }

    public var description: String {
        switch self {
        case let .marksDiffer(event, date, startTime, first, second):
            "in event \(event) on \(date.dotted) at \(startTime) the first is marked \(first.rawValue) and the second \(second.rawValue)"
        case let .bothAttended(date, first, second):
            "on \(date.dotted) the first was at event \(first.event) (\(first.startTime)–\(first.endTime)) and the second at event "
                + "\(second.event) (\(second.startTime)–\(second.endTime))"
        case let .twoValidCertificates(event, first, second):
            "both hold a valid certificate for event \(event) (\(first) and \(second)); revoke one first"
        }
    }
}
