import Foundation

/// A course's rule for who has completed it: the share of sessions a participant must attend.
///
/// This is the one place that decides completion; the attendance view, the
/// certificates and the reports all ask it.
///
/// For example, with the parenting course's rule (80 %, late counts as present):
/// ```swift
/// let rule = CompletionRule(minimumShare: 0.8, lateCountsAsPresent: true, excusedCounts: false)
/// rule.evaluate([.present, .late, .present, .absent, .present], sessionCount: 5).isComplete // true (4 of 5)
/// ```
public struct CompletionRule: Hashable, Codable, Sendable {
    /// The share of the event's sessions to attend, from 0 to 1.
    public var minimumShare: Double
    /// Whether arriving late counts as attending the session.
    public var lateCountsAsPresent: Bool
    /// Whether an excused absence counts toward the share as if attended.
    public var excusedCounts: Bool

    public init(minimumShare: Double, lateCountsAsPresent: Bool, excusedCounts: Bool) {
        self.minimumShare = minimumShare
        self.lateCountsAsPresent = lateCountsAsPresent
        self.excusedCounts = excusedCounts
    }

    /// Whether one session mark counts as attended under this rule; no mark counts as absent.
    public func credits(_ status: AttendanceStatus?) -> Bool {
        switch status {
        case .present: true
        case .late: lateCountsAsPresent
        case .excused: excusedCounts
        case .absent, nil: false
        }
    }

    /// One participant's standing: sessions credited, attendance rate and completion.
    public func evaluate(_ marks: some Sequence<AttendanceStatus?>, sessionCount: Int) -> Standing {
        let credited = marks.reduce(0) { $0 + (credits($1) ? 1 : 0) }
        let rate = sessionCount == 0 ? 0 : Double(credited) / Double(sessionCount)
        // A small tolerance so that 4 of 5 sessions meets an 80 % rule despite binary fractions.
        return Standing(creditedSessions: credited, sessionCount: sessionCount, rate: rate,
                        isComplete: sessionCount > 0 && rate + 1e-9 >= minimumShare)
    }

    /// The fewest credited sessions out of `sessionCount` that complete the course.
    public func sessionsNeeded(of sessionCount: Int) -> Int {
        (0...max(sessionCount, 0)).first { evaluate(Array(repeating: .present, count: $0), sessionCount: sessionCount).isComplete }
            ?? sessionCount
    }

    /// The result of applying a rule to one participant's marks.
    public struct Standing: Hashable, Sendable {
        public let creditedSessions: Int
        public let sessionCount: Int
        public let rate: Double
        public let isComplete: Bool
    }
}
