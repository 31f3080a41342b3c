/// What enrolling people did: who got a place, who went on the waitlist, and which conflicts were allowed.
public struct EnrollmentOutcome: Sendable {
    public var enrolled: [Enrollment] = []
    /// The people put on the waitlist, with their places in it (1 = next to be promoted).
    public var waitlisted: [(participantID: Int64, position: Int)] = []
    public var allowedConflicts: [ScheduleConflict] = []
}

/// What taking people off an event did.
public struct WithdrawalOutcome: Sendable {
    /// Attendance marks deleted with their enrollments (when forced).
    public var deletedMarks = 0
    /// People taken off the waitlist rather than the event.
    public var leftWaitlist: [Int64] = []
    /// People moved from the waitlist into the places freed, in order.
    public var promoted: [Participant] = []
}
