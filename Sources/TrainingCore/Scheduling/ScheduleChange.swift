/// What a change to an event's sessions did, and what it did to attendance.
public struct ScheduleChange: Sendable {
    public var detail: EventDetail
    /// Sessions whose date or time changed.
    public var sessionsChanged = 0
    /// Attendance marks that moved with their sessions to the new dates.
    public var marksMoved = 0
    /// Attendance marks deleted with a deleted session.
    public var marksLost = 0
    /// The people whose marks were lost, as `Name (id)`.
    public var peopleWithLostMarks: [String] = []
    public var allowedConflicts: [ScheduleConflict] = []
    /// Other sessions of the event that were at the changed one's date and start time (put there at two sites at
    /// once, as an import lists): the command took the one made first, the same at every site; they stay.
    public var othersAtTheSameTime = 0
}
