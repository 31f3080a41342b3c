/// What an export writes: one row per person, per participation, per attendance mark, per certificate,
/// per person of an event's report, or per person to follow up.
public enum ExportKind: String, CaseIterable, Sendable {
    case participants
    case enrollments
    case attendance
    case certificates
    /// Each person enrolled in an event: sessions credited, rate, completion and certificate.
    case eventReport = "event-report"
    /// Each person who did not complete an event, with the sessions they missed.
    case followUp = "follow-up"
}
