import GRDB

/// Two sessions that cannot both happen: one trainer, one venue or one participant in both at once.
///
/// Sessions that touch end to start (09:00–12:00 and 12:00–15:00) do not conflict.
public struct ScheduleConflict: Hashable, Sendable {
    public enum Kind: String, Codable, Hashable, Sendable, CaseIterable, DatabaseValueConvertible {
        case trainer
        case venue
        case participant
    }

    public var kind: Kind
    /// `trainer:12`, `venue:UZ-XO|mahalla markazi`, `participant:7`: what the two sessions share.
    public var subjectKey: String
    /// `Trainer Dilnoza Yusupova`, `The venue Mahalla markazi`, `Gulnora Karimova (7)`.
    public var subject: String
    /// The session being scheduled or changed (for `schedule check`, the earlier event's).
    public var session: BookedSession
    /// The session it collides with.
    public var other: BookedSession
    public var eventTitle: String = ""
    public var otherEventTitle: String = ""
    /// Whether a coordinator scheduled it anyway, allowing the conflict.
    public var allowed: Bool = false
    /// Whether ``session`` belongs to an event being created, which has no number yet for the user.
    var sessionIsNew = false

    /// The overlapping minutes, in the other session's local time.
    public var overlapDescription: String {
        let start = max(session.absoluteStart, other.absoluteStart)
        let end = min(session.absoluteEnd, other.absoluteEnd)
        func local(_ minute: Int) -> String {
            let wall = minute + other.timeZone.utcOffsetMinutes
            let inDay = ((wall % 1440) + 1440) % 1440
            return String(format: "%02d:%02d", inDay / 60, inDay % 60)
        }
        return "\(local(start))–\(local(end))"
    }

    /// One sentence naming the other event, its place and the overlapping time.
    public var sentence: String {
        let otherPart = "event \(other.eventId) (\(otherEventTitle), \(other.placeDescription)) on \(other.timeDescription(zoneUnlike: session.timeZone))"
        let overlap = "they overlap \(overlapDescription)" + (other.timeZone != session.timeZone ? " \(other.timeZone.identifier) time" : "")
        let mine = (sessionIsNew ? "the new event's session on" : "event \(session.eventId)'s session on") + " \(session.timeDescription(zoneUnlike: other.timeZone))"
        switch kind {
        case .trainer:
            return "\(subject) is booked in \(otherPart), and in \(mine); \(overlap)"
        case .venue:
            return "\(subject) is booked by \(otherPart), and by \(mine); \(overlap)"
        case .participant:
            return "\(subject) takes part in \(otherPart), and in \(mine); \(overlap)"
        }
    }
}
