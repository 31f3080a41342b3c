/// What an export writes: one row per person, per participation, per attendance mark or per certificate.
public enum ExportKind: String, CaseIterable, Sendable {
    case participants
    case enrollments
    case attendance
    case certificates
}
