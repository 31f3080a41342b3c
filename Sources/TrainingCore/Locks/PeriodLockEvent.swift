import Foundation

/// One entry of the period-lock log: a close, a reopen, or a change refused because of a lock.
///
/// Read from the change log (``ChangeEntry``), whose entries of the operations `lockPeriod`,
/// `reopenPeriod` and `refusedByPeriodLock` these are; `id` is the change-log entry's.
public struct PeriodLockEvent: Codable, Hashable, Sendable, Identifiable {
    public enum Action: String, Codable, Sendable {
        case close, reopen, refused
    }

    public var id: Int64?
    public var lockId: Int64
    public var action: Action
    public var at: Date
    /// The reason given for a close or a reopen; for a refusal, the change refused, such as `attendance insert`.
    public var detail: String
}
