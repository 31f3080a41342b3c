/// Who is booked twice at once, decided on fetched values: the rule behind `schedule check` and behind the
/// checks that creating, moving, editing and enrolling run. ``AppDatabase`` fetches sessions and bookings,
/// asks this rule, and writes what it decides.
///
/// Sessions of one event never conflict with each other, and sessions that touch end to start
/// (09:00–12:00 and 12:00–15:00) do not conflict.
///
/// For example:
/// ```swift
/// let rule = ScheduleConflictRule(slots: slots, eventsByTrainer: [7: [1, 2]])
/// rule.clashes() // [Clash(kind: .trainer, subjectKey: "trainer:7", first: 11, second: 21)]
/// ```
public struct ScheduleConflictRule: Sendable {
    /// A session as the sweep sees it: numbers only.
    public struct Slot: Hashable, Sendable {
        public var sessionID: Int64
        public var eventID: Int64
        /// The study-tour leg the session belongs to, whose host is its venue.
        public var legID: Int64?
        /// Minutes since 1970-01-01 00:00 UTC.
        public var start: Int
        public var end: Int

        public init(sessionID: Int64, eventID: Int64, legID: Int64? = nil, start: Int, end: Int) {
            (self.sessionID, self.eventID, self.legID, self.start, self.end) = (sessionID, eventID, legID, start, end)
        }
    }

    /// Two overlapping sessions of different events that share a trainer, a venue or a participant.
    public struct Clash: Hashable, Sendable {
        public var kind: ScheduleConflict.Kind
        /// `trainer:12`, `venue:UZ-XO|mahalla markazi`, `participant:7`.
        public var subjectKey: String
        /// The earlier session's number, then the later one's.
        public var first: Int64
        public var second: Int64
    }

    /// Every session of every event that is not cancelled.
    public var slots: [Slot]
    /// Each trainer's events.
    public var eventsByTrainer: [Int64: [Int64]]
    /// Where each event with a venue is held: its region and folded venue (`UZ-XO|mahalla markazi`).
    public var eventVenues: [Int64: String]
    /// Where each study-tour leg is held: its region and folded host organisation.
    public var legVenues: [Int64: String]
    /// Each person's events, enrolled or waitlisted.
    public var eventsByParticipant: [Int64: [Int64]]

    public init(slots: [Slot], eventsByTrainer: [Int64: [Int64]] = [:], eventVenues: [Int64: String] = [:],
                legVenues: [Int64: String] = [:], eventsByParticipant: [Int64: [Int64]] = [:]) {
        self.slots = slots
        self.eventsByTrainer = eventsByTrainer
        self.eventVenues = eventVenues
        self.legVenues = legVenues
        self.eventsByParticipant = eventsByParticipant
    }

    /// Every clash: one sweep per trainer and per venue over their sessions sorted by start, and, for people,
    /// a comparison of the events each is in, so that the work grows with the sessions, not with their square.
    public func clashes() -> [Clash] {
        var slotsByEvent: [Int64: [Int]] = [:]
        for (index, slot) in slots.enumerated() {
            slotsByEvent[slot.eventID, default: []].append(index)
        }
        var found: [Clash] = []
        func add(_ kind: ScheduleConflict.Kind, _ key: String, _ pairs: [(Int, Int)]) {
            found += pairs.map { Clash(kind: kind, subjectKey: key, first: slots[$0.0].sessionID, second: slots[$0.1].sessionID) }
        }
        for (trainerID, eventIDs) in eventsByTrainer.sorted(by: { $0.key < $1.key }) where eventIDs.count > 1 {
            add(.trainer, "trainer:\(trainerID)", sweep(eventIDs.flatMap { slotsByEvent[$0] ?? [] }))
        }

        // A leg's venue is its host; any other session's is its event's.
        var slotsByVenue: [String: [Int]] = [:]
        for (index, slot) in slots.enumerated() {
            guard let key = slot.legID.map({ legVenues[$0] }) ?? eventVenues[slot.eventID] else { continue }
            slotsByVenue[key, default: []].append(index)
        }
        for (key, indices) in slotsByVenue.sorted(by: { $0.key < $1.key }) where indices.count > 1 {
            add(.venue, "venue:\(key)", sweep(indices))
        }

        // People: the pairs of a person's events whose spans meet; each pair of events is swept once.
        var span: [Int64: (start: Int, end: Int)] = [:]
        for (eventID, indices) in slotsByEvent {
            span[eventID] = (indices.map { slots[$0].start }.min()!, indices.map { slots[$0].end }.max()!)
        }
        var pairCache: [EventPair: [(Int, Int)]] = [:]
        for (participantID, events) in eventsByParticipant.sorted(by: { $0.key < $1.key }) {
            let ordered = events.filter { span[$0] != nil }.sorted { span[$0]!.start < span[$1]!.start }
            guard ordered.count > 1 else { continue }
            for (position, first) in ordered.enumerated() {
                for second in ordered[(position + 1)...] {
                    guard span[second]!.start < span[first]!.end else { break }
                    let key = EventPair(first: min(first, second), second: max(first, second))
                    let overlapping = pairCache[key] ?? sweep(slotsByEvent[key.first]! + slotsByEvent[key.second]!)
                    pairCache[key] = overlapping
                    add(.participant, "participant:\(participantID)", overlapping)
                }
            }
        }
        return found
    }

    private struct EventPair: Hashable {
        var first: Int64
        var second: Int64
    }

    /// The pairs of overlapping slots of different events among `indices`, the earlier first.
    private func sweep(_ indices: [Int]) -> [(Int, Int)] {
        let ordered = indices.sorted { (slots[$0].start, slots[$0].eventID) < (slots[$1].start, slots[$1].eventID) }
        var active: [Int] = []
        var pairs: [(Int, Int)] = []
        for index in ordered {
            let slot = slots[index]
            active.removeAll { slots[$0].end <= slot.start }
            for earlier in active where slots[earlier].eventID != slot.eventID {
                pairs.append((earlier, index))
            }
            active.append(index)
        }
        return pairs
    }
}

extension ScheduleConflictRule {
    /// A session booked elsewhere, with what it shares with the event being checked.
    public struct Booking: Sendable {
        public var kind: ScheduleConflict.Kind
        public var subjectKey: String
        public var session: BookedSession

        public init(kind: ScheduleConflict.Kind, subjectKey: String, session: BookedSession) {
            (self.kind, self.subjectKey, self.session) = (kind, subjectKey, session)
        }
    }

    /// The conflicts of one event's sessions (`mine`) with sessions booked elsewhere, earliest first.
    ///
    /// A venue booking conflicts only with my sessions in the same venue; a trainer's or a person's with any.
    public static func conflicts(of mine: [BookedSession], with others: [Booking]) -> [ScheduleConflict] {
        var byDay: [Int: [BookedSession]] = [:]
        for session in mine { byDay[session.date.dayNumber, default: []].append(session) }
        var found: [ScheduleConflict] = []
        for booking in others {
            let other = booking.session
            // A session in another time zone can overlap one dated a day before or after.
            let candidates = (-1...1).flatMap { byDay[other.date.dayNumber + $0] ?? [] }
            for session in candidates where session.eventId != other.eventId && session.overlaps(other) {
                if booking.kind == .venue && "venue:" + (session.venueKey ?? "") != booking.subjectKey { continue }
                found.append(ScheduleConflict(kind: booking.kind, subjectKey: booking.subjectKey, subject: "",
                                              session: session, other: other))
            }
        }
        return found.sorted { ($0.session.absoluteStart, $0.kind.rawValue, $0.subjectKey, $0.other.absoluteStart)
            < ($1.session.absoluteStart, $1.kind.rawValue, $1.subjectKey, $1.other.absoluteStart) }
    }

    /// What a change that would cause `conflicts` may do.
    public enum Decision: Equatable, Sendable {
        /// Nobody is booked twice, or every conflict was allowed before.
        case clear
        /// Refused: these conflicts are new.
        case refuse([ScheduleConflict])
        /// Allowed: these new conflicts are recorded as overrides, one per pair of events, kind and subject.
        case allow(recorded: [ScheduleConflict], all: [ScheduleConflict])
    }

    /// Refuses a change that double-books anyone, unless `allow`; conflicts allowed before never count again.
    public static func decide(_ conflicts: [ScheduleConflict], allow: Bool) -> Decision {
        let fresh = conflicts.filter { !$0.allowed }
        guard !fresh.isEmpty else { return .clear }
        guard allow else { return .refuse(fresh) }
        var seen = Set<String>()
        let recorded = fresh.filter { seen.insert(overrideKey(of: $0)).inserted }
        return .allow(recorded: recorded, all: fresh)
    }

    /// The same for both orders of the two events: an override covers the pair, its kind and its subject.
    static func overrideKey(of conflict: ScheduleConflict) -> String {
        overrideKey(conflict.session.eventId, conflict.other.eventId, conflict.kind.rawValue, conflict.subjectKey)
    }

    static func overrideKey(_ a: Int64, _ b: Int64, _ kind: String, _ subject: String) -> String {
        "\(min(a, b))-\(max(a, b))-\(kind)-\(subject)"
    }
}
