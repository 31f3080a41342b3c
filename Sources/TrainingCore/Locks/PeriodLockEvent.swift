import Foundation
import GRDB

/// One entry of the period-lock log: a close, a reopen, or a change refused because of a lock.
///
/// Kept in a table of its own until the programme has an audit log; its columns (when, what, on
/// which lock, details) are those an audit entry needs, so it can be folded into one.
public struct PeriodLockEvent: Codable, Hashable, Sendable, Identifiable {
    public enum Action: String, Codable, Sendable, DatabaseValueConvertible {
        case close, reopen, refused
    }

    public var id: Int64?
    public var lockId: Int64
    public var action: Action
    public var at: Date
    /// The reason given for a close or a reopen; for a refusal, the change refused, such as `attendance insert`.
    public var detail: String
}

extension PeriodLockEvent: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "periodLockEvent"

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
