/// Who takes an event's places and who waits: first come, first served, and nobody jumps the waitlist.
///
/// For example:
/// ```swift
/// let rule = WaitlistRule(capacity: 20, enrolled: 19, waiting: 0, status: .planned)
/// rule.placesForNewcomers(3)   // 1: the first is enrolled, the other two wait
/// ```
public struct WaitlistRule: Sendable, Hashable {
    /// The event's number of places; nil for no limit.
    public var capacity: Int?
    /// How many are enrolled now.
    public var enrolled: Int
    /// How many wait now.
    public var waiting: Int
    public var status: EventStatus

    public init(capacity: Int?, enrolled: Int, waiting: Int, status: EventStatus) {
        self.capacity = capacity
        self.enrolled = enrolled
        self.waiting = waiting
        self.status = status
    }

    /// How many of `count` newcomers are enrolled; the rest join the end of the waitlist.
    ///
    /// While anyone waits, newcomers wait too, even where a place is free.
    public func placesForNewcomers(_ count: Int) -> Int {
        guard let capacity else { return count }
        return waiting > 0 ? 0 : min(count, max(0, capacity - enrolled))
    }

    /// How many from the head of the waitlist move into free places: none for a cancelled event,
    /// all of them when there is no limit.
    public var promotions: Int {
        guard status != .cancelled else { return 0 }
        guard let capacity else { return waiting }
        return min(waiting, max(0, capacity - enrolled))
    }
}
