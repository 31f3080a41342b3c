/// The marks a trainer records for one session.
public struct AttendanceMarks: Sendable {
    public var eventID: Int64
    public var date: DayDate
    /// Which session of the day, when the event has more than one on that date.
    public var startTime: TimeOfDay?
    /// Everyone enrolled who is not listed in `marks` gets this status, if given.
    public var everyoneElse: AttendanceStatus?
    public var marks: [Int64: AttendanceStatus]

    public init(eventID: Int64, date: DayDate, startTime: TimeOfDay? = nil, everyoneElse: AttendanceStatus? = nil,
                marks: [Int64: AttendanceStatus] = [:]) {
        self.eventID = eventID
        self.date = date
        self.startTime = startTime
        self.everyoneElse = everyoneElse
        self.marks = marks
    }
}
