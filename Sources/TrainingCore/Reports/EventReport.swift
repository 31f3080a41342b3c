/// One event for its organiser or donor: sessions, people, attendance, who completed and who holds
/// a certificate. It names people, so it is personal data.
///
/// Built on the event's ``AttendanceSheet``, so it says who completed exactly as `attendance show` does.
///
/// For example:
/// ```swift
/// let report = try database.eventReport(id: 3)
/// report.completed.count        // people who met the course's rule
/// report.followUp.first?.missed // the sessions the first non-completer missed
/// ```
public struct EventReport: Sendable {
    public var sheet: AttendanceSheet
    /// Each enrolled person's valid certificate serial, if they hold one.
    public var certificates: [Int64: String]
    /// The day the report is made: sessions after it are still to come, not missed.
    public var asOf: DayDate

    public init(sheet: AttendanceSheet, certificates: [Int64: String], asOf: DayDate = .today) {
        self.sheet = sheet
        self.certificates = certificates
        self.asOf = asOf
    }

    public var event: EventDetail { sheet.event }

    /// The sessions dated on or before the report's day.
    public var heldSessions: Int { sheet.sessions.filter { $0.date <= asOf }.count }

    /// Credited sessions of all enrolled people over all their sessions so far, from 0 to 1; nil before any is held.
    public var attendanceRate: Double? {
        let offered = heldSessions * sheet.rows.count
        guard offered > 0 else { return nil }
        let credited = sheet.rows.reduce(0) { $0 + $1.standing.creditedSessions }
        return Double(credited) / Double(offered)
    }

    public var completed: [AttendanceSheet.Row] { sheet.rows.filter(\.standing.isComplete) }

    /// Everyone enrolled who has not met the course's rule, with what they missed.
    public var followUp: [FollowUp] {
        sheet.rows.filter { !$0.standing.isComplete }.map { row in
            let missed = zip(sheet.sessions, row.marks).filter { session, mark in
                session.date <= asOf && !sheet.rule.credits(mark)
            }
            return FollowUp(
                participant: row.participant, standing: row.standing,
                missed: missed.map { MissedSession(session: $0.0, mark: $0.1) },
                stillToCome: sheet.sessions.filter { $0.date > asOf }.count,
                sessionsNeeded: sheet.rule.sessionsNeeded(of: sheet.sessions.count) - row.standing.creditedSessions)
        }
    }

    /// One person who did not complete, for a coordinator to call.
    public struct FollowUp: Sendable {
        public var participant: Participant
        public var standing: CompletionRule.Standing
        /// The sessions held so far that did not count for them: absent, not marked, or late or excused when the rule does not count it.
        public var missed: [MissedSession]
        /// Sessions not yet held, which they may still attend.
        public var stillToCome: Int
        /// How many more credited sessions they would need to complete.
        public var sessionsNeeded: Int
    }

    public struct MissedSession: Sendable {
        public var session: Session
        /// How they were marked; nil when no mark was recorded.
        public var mark: AttendanceStatus?
    }
}
