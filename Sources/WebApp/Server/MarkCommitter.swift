import Foundation
import TrainingCore

/// Writes the marks tapped at the same moment in one transaction (group commit).
///
/// Fifty trainers marking at once used to make fifty write transactions, each waiting for the one
/// before it and for its own `fsync`. Here the first mark to arrive while no batch is being written
/// writes every mark waiting (see ``AppDatabase/markAttendance(batch:)``); marks arriving meanwhile
/// wait for the next batch, which one of them writes. Each caller returns only once its own mark is
/// committed, or with the reason it was refused; one refused mark does not refuse the others.
final class MarkCommitter: @unchecked Sendable {
    private final class Ticket {
        let marks: QueuedMarks
        let days: ClosedRange<DayDate>
        var result: Result<Int, any Error>?
        init(_ marks: QueuedMarks, days: ClosedRange<DayDate>) { (self.marks, self.days) = (marks, days) }
    }

    let database: AppDatabase
    /// Told which days each batch touched, so that summaries of other periods are not counted again.
    let summaries: SummaryCache
    /// Guards `waiting` and `writing`; waited on by the marks of the next batch.
    private let condition = NSCondition()
    private var waiting: [Ticket] = []
    private var writing = false

    init(database: AppDatabase, summaries: SummaryCache) {
        self.database = database
        self.summaries = summaries
    }

    /// Writes one request's marks with whatever else is waiting, and returns once they are committed.
    ///
    /// Blocks its thread (one of the ``DatabaseThreads``) until then.
    ///
    /// - Parameter days: the first and last day of the event's sessions.
    @discardableResult
    func commit(_ marks: AttendanceMarks, actor: String, days: ClosedRange<DayDate>) throws -> Int {
        let ticket = Ticket(QueuedMarks(marks, actor: actor), days: days)
        condition.lock()
        waiting.append(ticket)
        while ticket.result == nil {
            if writing {
                condition.wait()
                continue
            }
            writing = true
            let batch = waiting
            waiting = []
            condition.unlock()
            let written = database.markAttendance(batch: batch.map(\.marks))
            if let versions = written.versions {
                summaries.advance(from: versions.before, to: versions.after, touching: batch.map(\.days))
            }
            condition.lock()
            for (waiter, result) in zip(batch, written.results) {
                waiter.result = result
            }
            writing = false
            condition.broadcast()
        }
        condition.unlock()
        return try ticket.result!.get()
    }
}
