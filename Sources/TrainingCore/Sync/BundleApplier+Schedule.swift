import GRDB

extension BundleApplier {
    /// What the schedules of the events an entry's rows concern break here, one note each for the import's report:
    /// a session outside its event's dates, two sessions of one event at the same date and start time.
    ///
    /// An event moved at one site while another moved or added one of its sessions: each row keeps its later
    /// version, at every site alike, and the schedule can end broken. Both are kept (marks may hang on them)
    /// and listed until the coordinator moves a session or the event's dates.
    func scheduleClashes(_ rows: [[String: Any]]) throws -> [String] {
        var events: Set<String> = []
        for row in rows {
            switch row["table"] as? String {
            case "event": if let uuid = row["uuid"] as? String { events.insert(uuid) }
            case "session": if let uuid = (row["values"] as? [String: Any])?["eventUuid"] as? String { events.insert(uuid) }
            default: break
            }
        }
        guard !events.isEmpty else { return [] }
        let concerned = CanonicalJSON.array(events.sorted())
        let outside = try Row.fetchAll(db, sql: """
            SELECT s.uuid, s.date, s.startTime, e.id, e.startDate, e.endDate FROM session s JOIN event e ON e.id = s.eventId
            WHERE e.uuid IN (SELECT value FROM json_each(?)) AND s.date NOT BETWEEN e.startDate AND e.endDate
            ORDER BY e.id, s.date, s.startTime
            """, arguments: [concerned]).map { row in
            "session \(row["uuid"] as String) of event \(row["id"] as Int64) on \(row["date"] as String) at \(row["startTime"] as String) "
                + "lies outside the event's dates (\(row["startDate"] as String) to \(row["endDate"] as String)) after changes made at two sites; "
                + "move the session (malaka session move) or the event's dates"
        }
        let shared = try Row.fetchAll(db, sql: """
            SELECT e.id, s.date, s.startTime, group_concat(s.uuid, ' and ') AS uuids FROM session s JOIN event e ON e.id = s.eventId
            WHERE e.uuid IN (SELECT value FROM json_each(?))
            GROUP BY e.id, s.date, s.startTime HAVING count(*) > 1 ORDER BY e.id, s.date, s.startTime
            """, arguments: [concerned]).map { row in
            "sessions \(row["uuids"] as String) of event \(row["id"] as Int64) are both on \(row["date"] as String) at \(row["startTime"] as String) "
                + "after changes made at two sites; move one of them (malaka session move), or delete it"
        }
        return outside + shared
    }
}
