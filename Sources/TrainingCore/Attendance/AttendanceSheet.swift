/// The attendance grid of an event: one row per enrolled person, one column per session.
public struct AttendanceSheet: Sendable {
    public struct Row: Sendable {
        public var participant: Participant
        /// One mark per session, in the order of ``AttendanceSheet/sessions``; nil where none was recorded.
        public var marks: [AttendanceStatus?]
        public var standing: CompletionRule.Standing
    }

    public var event: EventDetail
    public var sessions: [Session]
    public var rule: CompletionRule
    public var rows: [Row]

    /// How many enrolled people meet the course's completion rule.
    public var completedCount: Int { rows.filter(\.standing.isComplete).count }
}
