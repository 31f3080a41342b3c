import Foundation
import GRDB

/// A reported period closed for a place: its numbers may not change until it is reopened.
///
/// While a lock is closed, every change to an event with a session in its period and place is
/// refused by SQLite triggers made for it (``PeriodLockTriggers``): attendance, enrollments, the
/// event and its sessions, certificates, the sex, birth year or category of its participants, and
/// the kind or completion rule of its course.
public struct PeriodLock: Codable, Hashable, Sendable, Identifiable {
    public var id: Int64?
    /// How the period was given, such as `2019-Q4` or `2019`.
    public var label: String
    public var fromDate: DayDate
    public var toDate: DayDate
    /// `all`, `country`, `region` or `district`.
    public var scopeKind: String
    public var scopeCode: String?
    public var reason: String
    public var closedAt: Date
    public var reopenedAt: Date?
    public var reopenReason: String?

    public var isClosed: Bool { reopenedAt == nil }

    public var scope: ReportScope {
        switch scopeKind {
        case "country": .country(scopeCode!)
        case "region": .region(scopeCode!)
        case "district": .district(scopeCode!)
        default: .all
        }
    }

    /// Whether a report of `period` and `scope` shares days and places with this lock.
    public func overlaps(_ period: ReportPeriod, _ other: ReportScope) -> Bool {
        guard fromDate <= period.to && period.from <= toDate else { return false }
        return Self.overlap(scope, other)
    }

    private static func overlap(_ a: ReportScope, _ b: ReportScope) -> Bool {
        func country(_ scope: ReportScope) -> String? {
            switch scope {
            case .all: nil
            case .country(let code): code
            case .region(let code), .district(let code): String(code.prefix(2))
            }
        }
        switch (a, b) {
        case (.all, _), (_, .all): return true
        case (.country, _), (_, .country): return country(a) == country(b)
        case (.district(let x), .district(let y)): return x == y
        default: return a.regionCode == b.regionCode
        }
    }
}

extension PeriodLock: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "periodLock"

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
