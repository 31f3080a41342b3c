import Foundation
import GRDB

/// Whether an enrolled person was at one session.
public struct Attendance: Codable, Hashable, Sendable {
    public var enrollmentId: Int64
    public var sessionId: Int64
    public var status: AttendanceStatus
    public var markedAt: Date
}

extension Attendance: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "attendance"
}
