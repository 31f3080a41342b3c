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
        var result: Result<Int, any Error>?
        init(_ marks: QueuedMarks) { self.marks = marks }
    }

    let database: AppDatabase
    /// Guards `waiting` and `writing`; waited on by the marks of the next batch.
    private let condition = NSCondition()
    private var waiting: [Ticket] = []
    private var writing = false

    init(database: AppDatabase) {
        self.database = database
    }

    /// Writes one request's marks with whatever else is waiting, and returns once they are committed.
    ///
    /// Blocks its thread (one of the ``DatabaseThreads``) until then.
    @discardableResult
    func commit(_ marks: AttendanceMarks, actor: String) throws -> Int {
        let ticket = Ticket(QueuedMarks(marks, actor: actor))
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
            let results = database.markAttendance(batch: batch.map(\.marks))
            condition.lock()
            for (waiter, result) in zip(batch, results) {
                waiter.result = result
            }
            writing = false
            condition.broadcast()
        }
        condition.unlock()
        return try ticket.result!.get()
    }
}
