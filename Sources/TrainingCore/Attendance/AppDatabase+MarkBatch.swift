import Foundation
import GRDB

/// Marks waiting to be written together with others that arrived at the same moment, and who made them.
public struct QueuedMarks: Sendable {
    public var marks: AttendanceMarks
    /// Who the change log names for these marks, such as `web:dilnoza`.
    public var actor: String

    public init(_ marks: AttendanceMarks, actor: String) {
        self.marks = marks
        self.actor = actor
    }
}

/// A batch of marks written together: what became of each item, and the database's version just before and
/// just after the batch (nil when nothing was committed). Between the two, the batch is the only change: what
/// was computed at `before` from data the marks cannot touch still holds at `after`.
public struct WrittenMarks: Sendable {
    public var results: [Result<Int, any Error>]
    public var versions: (before: ChangeVersion, after: ChangeVersion)?
}

/// An event as writing a mark needs it: whether it was cancelled, and its sessions in order of date and time.
///
/// Read with two indexed queries, column by column, not the records of ``EventDetail``: marking asks for it on
/// every tap.
struct MarkingEvent {
    struct Slot {
        var id: Int64
        var date: DayDate
        var startTime: TimeOfDay
    }

    var id: Int64
    var isCancelled: Bool
    var sessions: [Slot]
}

/// Where and when a session of an event is, as a mark sent for it one tap at a time needs it checked.
public struct MarkingTarget: Sendable {
    public var regionCode: String
    public var districtCode: String?
    public var date: DayDate
    public var startTime: TimeOfDay
    /// From the event's first day to its last (its sessions' and its own dates).
    public var days: ClosedRange<DayDate>
}

extension AppDatabase {
    /// The session `sessionID` of event `eventID`, nil when the event has no such session: one statement, read
    /// column by column, as a page asks at every tap (the batch that writes the mark checks it all again).
    public func markingTarget(eventID: Int64, sessionID: Int64) throws -> MarkingTarget? {
        try readStatement { db in
            guard let row = try Row.fetchOne(db.cachedStatement(sql: """
                SELECT e.regionCode, e.districtCode, s."date", s.startTime,
                       min(e.startDate, (SELECT min("date") FROM session WHERE eventId = e.id)),
                       max(e.endDate, (SELECT max("date") FROM session WHERE eventId = e.id))
                FROM session s JOIN event e ON e.id = s.eventId WHERE s.id = ? AND s.eventId = ?
                """), arguments: [sessionID, eventID]) else { return nil }
            let (first, last): (DayDate, DayDate) = (row[4], row[5])
            return MarkingTarget(regionCode: row[0], districtCode: row[1], date: row[2], startTime: row[3], days: first ... last)
        }
    }

    func markingEvent(_ db: Database, id: Int64) throws -> MarkingEvent {
        // Prepared once per connection, as ``SingleEventDetail``'s are: this runs at every tap.
        guard let status = try String.fetchOne(db.cachedStatement(sql: "SELECT status FROM event WHERE id = ?"), arguments: [id]) else {
            throw MalakaError(.data, .unknownEvent, "There is no event \(id).", subject: .event(id), remedy: .listEvents)
        }
        let sessions = try Row.fetchAll(db.cachedStatement(sql: #"SELECT id, "date", startTime FROM session WHERE eventId = ? ORDER BY "date", startTime, id"#),
                                        arguments: [id]).map { MarkingEvent.Slot(id: $0[0], date: $0[1], startTime: $0[2]) }
        return MarkingEvent(id: id, isCancelled: status == EventStatus.cancelled.rawValue, sessions: sessions)
    }

    /// Writes the marks of several people, each as a change of its own, in one transaction: one commit
    /// (one `fsync`) for all of them.
    ///
    /// Each item is written inside a savepoint and gets its own change-log entry naming its actor, so an
    /// item that is refused (not enrolled, a closed period, a cancelled event) is rolled back alone and
    /// the others are written. When the commit itself fails, every item fails: no result says
    /// `success` for a mark that is not on disk.
    ///
    /// - Returns: one result per item, in order: the number of marks written, or why it was refused; and the
    ///   versions around the batch.
    public func markAttendance(batch: [QueuedMarks]) -> WrittenMarks {
        var results: [Result<Int, any Error>] = batch.map { _ in .success(0) }
        var versions: (before: ChangeVersion, after: ChangeVersion)?
        do {
            try dbWriter.write { db in
                // No one else commits while this write holds the lock: the watcher's version is the one before it.
                let before = ChangeVersion(head: try Self.changeVersion(db).head, commits: try commitWatcher?.dataVersion() ?? 0)
                try ChangeRecorder.recordOutsideChanges(db)
                let tap = try ChangeTap.of(db)
                for (index, item) in batch.enumerated() {
                    // The rows a refused item had changed are rolled back with its savepoint, and forgotten here.
                    let captured = tap.mark
                    do {
                        try Self.checkSaysWho([item.marks])
                        try db.inSavepoint {
                            results[index] = .success(try markAttendance(db, [item.marks]))
                            try ChangeRecorder(actor: item.actor).record(.markAttendance, in: db)
                            return .commit
                        }
                    } catch let error as DatabaseError {
                        tap.rollBack(to: captured)
                        results[index] = .failure(explain(error, by: item.actor, in: db))
                    } catch {
                        tap.rollBack(to: captured)
                        results[index] = .failure(error)
                    }
                }
                versions = (before, try Self.changeVersion(db))
            }
            // The watcher sees this write's commit; a commit made around Malaka in the instant since is taken for
            // part of it, and shows at the next change.
            versions?.after.commits = try commitWatcher?.dataVersion() ?? 0
        } catch {
            let failure = (error as? DatabaseError).map(Self.describe) ?? error
            results = batch.map { _ in .failure(failure) }
            versions = nil
        }
        return WrittenMarks(results: results, versions: versions)
    }

    /// What SQLite refused inside a transaction that goes on, as ``write(_:detail:_:)`` words it.
    private func explain(_ error: DatabaseError, by actor: String, in db: Database) -> any Error {
        if let refusal = error.message.flatMap(PeriodLockTriggers.refusal(in:)) {
            return self.refusal(lockID: refusal.lock, change: refusal.change, by: actor, in: db)
        }
        return Self.describe(error)
    }
}
