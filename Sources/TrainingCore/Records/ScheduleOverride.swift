import Foundation
import GRDB

/// A conflict a coordinator scheduled anyway, allowing the conflict, kept on record.
public struct ScheduleOverride: Codable, Hashable, Sendable, Identifiable {
    public var id: Int64?
    public var eventId: Int64
    public var otherEventId: Int64?
    public var kind: ScheduleConflict.Kind
    /// Which trainer, venue or participant the conflict is about, as ``ScheduleConflict/subjectKey``.
    public var subjectKey: String
    /// The conflict as it was reported.
    public var description: String
    /// What was being done: create, reschedule, move session, enroll…
    public var action: String
    public var recordedAt: Date
}

extension ScheduleOverride: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "scheduleOverride"

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
