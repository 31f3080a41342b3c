/// The SQLite triggers that keep a closed period's numbers as they were reported.
///
/// Each closed lock has its own triggers, made when it is closed and dropped when it is reopened,
/// with the lock's days and place written into them. Every write path (the library, an import, a
/// merge, or someone with the `sqlite3` shell) goes through them; none can forget the check.
///
/// An event is *locked* when it has a session within the lock's days and is held in its place.
/// A locked event is locked whole: its attendance, enrollments, sessions, certificates and its own
/// row; so are the sex, birth year and category of the people enrolled in it and the kind and
/// completion rule of its course. A session moved into the period, or an event moved into the
/// place, is refused too. A refusal aborts the statement with the message ``message(lock:table:operation:)``,
/// which ``AppDatabase`` recognises and words.
///
/// For example, the triggers of lock 3 (2019-Q4 in UZ-XO) include:
/// ```sql
/// CREATE TRIGGER periodLock_3_attendance_insert BEFORE INSERT ON attendance
/// WHEN EXISTS (SELECT 1 FROM session s JOIN event e ON e.id = s.eventId
///              WHERE s.eventId = (SELECT eventId FROM enrollment WHERE id = NEW.enrollmentId)
///                AND s.date BETWEEN '2019-10-01' AND '2019-12-31' AND e.regionCode = 'UZ-XO')
/// BEGIN SELECT RAISE(ABORT, 'malaka-period-lock:3:attendance:insert'); END
/// ```
public struct PeriodLockTriggers: Sendable {
    public let lockID: Int64
    public let from: DayDate
    public let to: DayDate
    public let scope: ReportScope

    public init(lockID: Int64, from: DayDate, to: DayDate, scope: ReportScope) {
        self.lockID = lockID
        self.from = from
        self.to = to
        self.scope = scope
    }

    /// What the triggers' refusal says: a prefix, the lock, the table and the operation.
    static let messagePrefix = "malaka-period-lock:"

    static func message(lock: Int64, table: String, operation: String) -> String {
        "\(messagePrefix)\(lock):\(table):\(operation)"
    }

    /// The lock, table and operation of a refusal's message; nil for any other message.
    static func refusal(in message: String) -> (lock: Int64, change: String)? {
        guard let start = message.range(of: messagePrefix) else { return nil }
        let parts = message[start.upperBound...].split(separator: ":")
        guard parts.count >= 3, let lock = Int64(parts[0]) else { return nil }
        return (lock, "\(parts[1]) \(parts[2].prefix { $0.isLetter })")
    }

    /// The statements that create the lock's triggers.
    public var createStatements: [String] {
        var statements: [String] = []
        func add(_ table: String, _ operation: String, of columns: String = "", when condition: String) {
            let name = triggerName(table, operation)
            statements.append("""
                CREATE TRIGGER \(name) BEFORE \(operation.uppercased())\(columns.isEmpty ? "" : " OF \(columns)") ON \(table)
                WHEN \(condition)
                BEGIN SELECT RAISE(ABORT, '\(Self.message(lock: lockID, table: table, operation: operation))'); END
                """)
        }
        let enrollmentEvent = { (row: String) in "(SELECT eventId FROM enrollment WHERE id = \(row).enrollmentId)" }
        for (operation, rows) in [("insert", ["NEW"]), ("update", ["OLD", "NEW"]), ("delete", ["OLD"])] {
            add("attendance", operation, when: rows.map { locked(event: enrollmentEvent($0)) }.joined(separator: " OR "))
            add("enrollment", operation, when: rows.map { locked(event: "\($0).eventId") }.joined(separator: " OR "))
            add("certificate", operation, of: operation == "update" ? "status, eventId, participantId" : "",
                when: rows.map { locked(event: "\($0).eventId") }.joined(separator: " OR "))
            // A session of a locked event, or a session that would bring an event into the period.
            add("session", operation, when: rows.map { row in
                "\(locked(event: "\(row).eventId")) OR (\(row).date BETWEEN '\(from.iso)' AND '\(to.iso)' AND "
                    + "EXISTS (SELECT 1 FROM event e WHERE e.id = \(row).eventId\(scopeCondition(event: "e"))))"
            }.joined(separator: " OR "))
        }
        // An event's own row: anything on it may change a number (place, course, status, organiser, project).
        add("event", "update", when: "\(locked(event: "OLD.id")) OR (\(heldInPeriod(event: "NEW.id")) AND \(inScope(region: "NEW.regionCode", district: "NEW.districtCode")))")
        add("event", "delete", when: locked(event: "OLD.id"))
        add("participant", "update", of: "sex, birthYear, category", when: """
            (OLD.sex IS NOT NEW.sex OR OLD.birthYear IS NOT NEW.birthYear OR OLD.category IS NOT NEW.category)
            AND EXISTS (SELECT 1 FROM enrollment en WHERE en.participantId = OLD.id AND \(locked(event: "en.eventId")))
            """)
        add("course", "update", of: "kind, minimumShare, lateCountsAsPresent, excusedCounts", when: """
            (OLD.kind IS NOT NEW.kind OR OLD.minimumShare IS NOT NEW.minimumShare
             OR OLD.lateCountsAsPresent IS NOT NEW.lateCountsAsPresent OR OLD.excusedCounts IS NOT NEW.excusedCounts)
            AND EXISTS (SELECT 1 FROM event ev WHERE ev.courseId = OLD.id AND \(locked(event: "ev.id")))
            """)
        return statements
    }

    /// The statements that drop the lock's triggers.
    public var dropStatements: [String] {
        let names = ["attendance", "enrollment", "certificate", "session"].flatMap { table in
            ["insert", "update", "delete"].map { triggerName(table, $0) }
        } + [triggerName("event", "update"), triggerName("event", "delete"),
             triggerName("participant", "update"), triggerName("course", "update")]
        return names.map { "DROP TRIGGER IF EXISTS \($0)" }
    }

    private func triggerName(_ table: String, _ operation: String) -> String {
        "periodLock_\(lockID)_\(table)_\(operation)"
    }

    /// Whether the event with the id `event` (an SQL expression) has a session in the period and is held in the place.
    private func locked(event: String) -> String {
        "EXISTS (SELECT 1 FROM session s JOIN event e ON e.id = s.eventId WHERE s.eventId = \(event) "
            + "AND s.date BETWEEN '\(from.iso)' AND '\(to.iso)'\(scopeCondition(event: "e")))"
    }

    private func heldInPeriod(event: String) -> String {
        "EXISTS (SELECT 1 FROM session s WHERE s.eventId = \(event) AND s.date BETWEEN '\(from.iso)' AND '\(to.iso)')"
    }

    /// ` AND …` limiting the event `alias` to the lock's place; nothing for every place.
    private func scopeCondition(event alias: String) -> String {
        let condition = inScope(region: "\(alias).regionCode", district: "\(alias).districtCode")
        return condition == "1" ? "" : " AND \(condition)"
    }

    private func inScope(region: String, district: String) -> String {
        switch scope {
        case .all: "1"
        case .country(let code): "\(region) IN (SELECT code FROM region WHERE country = '\(Self.literal(code))')"
        case .region(let code): "\(region) = '\(Self.literal(code))'"
        case .district(let code): "\(district) = '\(Self.literal(code))'"
        }
    }

    /// Codes come from the gazetteer; doubling quotes keeps any other text a literal all the same.
    private static func literal(_ text: String) -> String {
        text.replacingOccurrences(of: "'", with: "''")
    }
}
