import Foundation
import GRDB

extension AppDatabase {
    /// Closes a reported period for a place: from now on, changes to its numbers are refused.
    ///
    /// For example:
    /// ```swift
    /// try database.closePeriod(try ReportPeriod(quarter: "2019Q4"), scope: .region("UZ-XO"), reason: "UNICEF Q4 report")
    /// ```
    /// - Throws: ``MalakaError`` for a period not yet over, a blank reason, or a period and place already closed.
    public func closePeriod(_ period: ReportPeriod, scope: ReportScope, reason: String, today: DayDate = .today) throws -> PeriodLock {
        let reason = try Self.reason(reason, for: "closing")
        guard period.to < today else {
            throw MalakaError.data("\(Self.label(period)) has not ended yet (its last day is \(period.to.iso)); its numbers can still change. Close it once it is over.")
        }
        try checkPlace(scope)
        return try write(.lockPeriod, detail: reason) { db in
            let existing = try PeriodLock.filter(sql: "reopenedAt IS NULL").fetchAll(db)
            if let same = existing.first(where: { $0.fromDate == period.from && $0.toDate == period.to && $0.scope == scope }) {
                throw MalakaError.data("\(same.label) is already closed for \(Self.placeName(scope)) (lock \(same.id!), closed \(Self.timestamp(same.closedAt))). Nothing was changed.")
            }
            let (kind, code): (String, String?) = switch scope {
            case .all: ("all", nil)
            case .country(let code): ("country", code)
            case .region(let code): ("region", code)
            case .district(let code): ("district", code)
            }
            var lock = PeriodLock(id: nil, label: Self.label(period), fromDate: period.from, toDate: period.to, scopeKind: kind,
                                  scopeCode: code, reason: reason, closedAt: .databaseNow, reopenedAt: nil, reopenReason: nil)
            try lock.insert(db)
            for statement in PeriodLockTriggers(lockID: lock.id!, from: period.from, to: period.to, scope: scope).createStatements {
                try db.execute(sql: statement)
            }
            return lock
        }
    }

    /// Reopens a closed period and place, so that its numbers may be corrected; the reason is logged.
    ///
    /// - Throws: ``MalakaError`` when that period and place are not closed, or the reason is blank.
    public func reopenPeriod(_ period: ReportPeriod, scope: ReportScope, reason: String) throws -> PeriodLock {
        let reason = try Self.reason(reason, for: "reopening")
        return try write(.reopenPeriod, detail: reason) { db in
            let closed = try PeriodLock.filter(sql: "reopenedAt IS NULL").fetchAll(db)
            guard var lock = closed.first(where: { $0.fromDate == period.from && $0.toDate == period.to && $0.scope == scope }) else {
                let list = closed.map { "\($0.label) for \(Self.placeName($0.scope))" }
                throw MalakaError.data("\(Self.label(period)) is not closed for \(Self.placeName(scope)). "
                    + (list.isEmpty ? "No period is closed." : "Closed now: \(list.joined(separator: "; ")).") + " Nothing was changed.")
            }
            for statement in PeriodLockTriggers(lockID: lock.id!, from: lock.fromDate, to: lock.toDate, scope: lock.scope).dropStatements {
                try db.execute(sql: statement)
            }
            lock.reopenedAt = .databaseNow
            lock.reopenReason = reason
            try lock.update(db)
            return lock
        }
    }

    /// Every lock, closed or reopened, in the order they were made.
    public func periodLocks() throws -> [PeriodLock] {
        try read { db in try PeriodLock.order(Column("id")).fetchAll(db) }
    }

    /// The closes, reopens and refused changes of the change log, oldest first.
    public func periodLockLog() throws -> [PeriodLockEvent] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT c.id, c.operation, c.hlc, c.detail, l.id AS lockId FROM change c
                JOIN periodLock l ON l.uuid = json_extract(c.subjects, '$.periodLocks[0]')
                WHERE c.operation IN (?, ?, ?) ORDER BY c.hlc
                """, arguments: [ChangeOperation.lockPeriod.name, ChangeOperation.reopenPeriod.name, ChangeOperation.refusedByPeriodLock.name]
            ).map { row in
                let operation: String = row["operation"]
                let action: PeriodLockEvent.Action = operation == ChangeOperation.lockPeriod.name ? .close
                    : operation == ChangeOperation.reopenPeriod.name ? .reopen : .refused
                let stamp = HybridClock.Stamp(row["hlc"])
                return PeriodLockEvent(id: row["id"], lockId: row["lockId"], action: action,
                                       at: stamp?.date ?? Date(timeIntervalSince1970: 0), detail: row["detail"] ?? "")
            }
        }
    }

    /// The closed locks that share days and places with a report.
    func closedLocks(_ db: Database, overlapping period: ReportPeriod, _ scope: ReportScope) throws -> [PeriodLock] {
        try PeriodLock.filter(sql: "reopenedAt IS NULL").order(Column("id")).fetchAll(db).filter { $0.overlaps(period, scope) }
    }

    /// Records a change the triggers of lock `lockID` refused, and says which lock refused it.
    ///
    /// Called by ``write(_:detail:_:)`` after the refused transaction was rolled back, so the
    /// change-log entry is the only thing written.
    func refusal(lockID: Int64, change: String) -> MalakaError {
        let lock = try? dbWriter.write { db in try recordRefusal(lockID: lockID, change: change, by: actor, db) }
        return Self.refusal(lockID: lockID, lock: lock ?? nil)
    }

    /// Records a refused change as ``refusal(lockID:change:)`` does, inside a transaction that goes on
    /// (a batch of marks rolled back to the refused one's savepoint), and says which lock refused it.
    func refusal(lockID: Int64, change: String, by actor: String, in db: Database) -> MalakaError {
        Self.refusal(lockID: lockID, lock: (try? recordRefusal(lockID: lockID, change: change, by: actor, db)) ?? nil)
    }

    private func recordRefusal(lockID: Int64, change: String, by actor: String, _ db: Database) throws -> PeriodLock? {
        let lock = try PeriodLock.fetchOne(db, key: lockID)
        let uuid = try String.fetchOne(db, sql: "SELECT uuid FROM periodLock WHERE id = ?", arguments: [lockID])
        try ChangeRecorder(actor: actor).record(.refusedByPeriodLock, detail: change, subjects: ["periodLocks": uuid.map { [$0] } ?? []], in: db)
        return lock
    }

    private static func refusal(lockID: Int64, lock: PeriodLock?) -> MalakaError {
        guard let lock else {
            return MalakaError(.data, .periodClosed, "The change was refused: it would alter the numbers of a closed period (lock \(lockID)). Nothing was changed.")
        }
        return MalakaError(.data, .periodClosed, "The change was refused: it would alter the numbers of \(lock.label) for \(Self.placeName(lock.scope)), "
            + "closed on \(Self.timestamp(lock.closedAt)) (“\(lock.reason)”, lock \(lockID)). Nothing was changed. "
            + "If the change must be made, reopen that period first, with a reason.")
    }

    private func checkPlace(_ scope: ReportScope) throws {
        switch scope {
        case .all: break
        case .country(let code):
            guard ["UZ", "KG"].contains(code) else { throw MalakaError.data("“\(code)” is not a country Malaka covers. Use UZ or KG.") }
        case .region(let code):
            guard gazetteer.region(code: code) != nil else { throw MalakaError.data("“\(code)” is not a region code we know.") }
        case .district(let code):
            guard gazetteer.district(code: code) != nil else { throw MalakaError.data("“\(code)” is not a district code we know.") }
        }
    }

    private static func reason(_ text: String, for action: String) throws -> String {
        let trimmed = text.trimmingSpaces()
        guard !trimmed.isEmpty else {
            throw MalakaError.usage("Give a reason for \(action) the period, such as the report it was closed for. Nothing was changed.")
        }
        return trimmed
    }

    /// `2019-Q4`, `2019`, or `2019-03-01..2019-03-31`.
    static func label(_ period: ReportPeriod) -> String {
        switch period.span {
        case .year(let year): String(year)
        case .quarter(let year, let quarter): "\(year)-Q\(quarter)"
        case .days: "\(period.from.iso)..\(period.to.iso)"
        }
    }

    /// `Khorezm (UZ-XO)`, `UZ`, or `every place`.
    public static func placeName(_ scope: ReportScope) -> String {
        let gazetteer = Gazetteer.bundled
        switch scope {
        case .all: return "every place"
        case .country(let code): return code == "KG" ? "Kyrgyzstan (KG)" : "Uzbekistan (UZ)"
        case .region(let code): return "\(gazetteer.region(code: code)?.name(in: .english) ?? code) (\(code))"
        case .district(let code): return "\(gazetteer.district(code: code)?.name(in: .english) ?? code) (\(code))"
        }
    }

    /// `2026-12-04 20:31 UTC`.
    public static func timestamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        return formatter.string(from: date)
    }
}
