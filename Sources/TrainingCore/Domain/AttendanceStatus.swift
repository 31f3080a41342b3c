import Foundation

/// Whether a participant was at a session.
public enum AttendanceStatus: String, CaseIterable, Codable, Sendable {
    case present
    case late
    case excused
    case absent

    /// The one-letter mark used in the attendance grid.
    public var mark: String {
        switch self {
        case .present: "P"
        case .late: "L"
        case .excused: "E"
        case .absent: "A"
        }
    }
}
