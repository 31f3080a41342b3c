import Foundation
import GRDB

extension AppDatabase {
    /// The change log, oldest first by hybrid clock, filtered.
    ///
    /// With `includingRows`, each entry keeps its rows' JSON; otherwise `rows` is empty and only
    /// their counts are read, which keeps the listing of a large import small.
    public func changeLog(_ filter: ChangeLogFilter = ChangeLogFilter(), includingRows: Bool = false) throws -> [ChangeLogLine] {
        try read { db in
            var conditions: [String] = []
            var arguments: StatementArguments = []
            if let id = filter.participantID {
                let uuids = try Self.participantUUIDs(db, id: id)
                conditions.append("EXISTS (SELECT 1 FROM json_each(change.subjects, '$.participants') WHERE value IN (SELECT value FROM json_each(?)))")
                arguments += [CanonicalJSON.array(uuids)]
            }
            if let id = filter.eventID {
                guard let uuid = try String.fetchOne(db, sql: "SELECT uuid FROM event WHERE id = ?", arguments: [id]) else {
                    throw MalakaError(.data, .unknownEvent, "There is no event \(id).", subject: .event(id))
                }
                conditions.append("EXISTS (SELECT 1 FROM json_each(change.subjects, '$.events') WHERE value = ?)")
                arguments += [uuid]
            }
            if let actor = filter.actor {
                conditions.append("actor = ?")
                arguments += [actor]
            }
            if let from = filter.from {
                conditions.append("hlc >= ?")
                arguments += [Self.stampPrefix(of: from)]
            }
            if let to = filter.to {
                conditions.append("hlc < ?")
                arguments += [Self.stampPrefix(of: to.adding(days: 1))]
            }
            let rows = includingRows ? "rows" : "'' AS rows"
            let sql = """
                SELECT id, uuid, site, siteSequence, hlc, actor, operation, detail, subjects, \(rows), previousHash, hash,
                  (SELECT json_group_object(k, n) FROM (SELECT \(ChangeRows.headSQL(.table, of: "value")) || ' ' || \(ChangeRows.headSQL(.kind, of: "value")) AS k,
                     count(*) AS n FROM json_each(\(ChangeRows.eachSQL("change.rows"))) GROUP BY k)) AS counts
                FROM change \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
                ORDER BY hlc, id
                """
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                let counts = (row["counts"] as String?).flatMap { try? JSONDecoder().decode([String: Int].self, from: Data($0.utf8)) }
                return ChangeLogLine(entry: try ChangeEntry(row: row), rowCounts: counts ?? [:])
            }
        }
    }

    /// Recomputes every site's hash chain; the first break of each, or nothing when the log is whole.
    public func verifyChangeLog() throws -> [ChangeChain.Break] {
        try read { db in
            var checker = ChangeChain.Checker()
            let cursor = try ChangeEntry.order(ChangeEntry.Columns.site, ChangeEntry.Columns.siteSequence).fetchCursor(db)
            while let entry = try cursor.next() {
                checker.check(entry)
            }
            let heads = try Row.fetchAll(db, sql: "SELECT code, headSequence FROM site WHERE headSequence > 0")
            return checker.breaks(heads: Dictionary(uniqueKeysWithValues: heads.map { ($0[0] as String, $0[1] as Int64) }))
        }
    }

    /// How many entries the change log holds, and how many changed rows are captured and not recorded yet (always
    /// none between writes of Malaka's).
    public func changeLogCounts() throws -> (entries: Int, staged: Int) {
        try dbWriter.writeWithoutTransaction { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM change") ?? 0, try ChangeTap.of(db).count)
        }
    }

    /// The person's uuid, and those of the people merged into them, whose history is theirs too.
    private static func participantUUIDs(_ db: Database, id: Int64) throws -> [String] {
        guard let uuid = try String.fetchOne(db, sql: "SELECT uuid FROM participant WHERE id = ?", arguments: [id]) else {
            throw MalakaError(.data, .unknownParticipant, "There is no participant \(id).", subject: .participant(id))
        }
        let merged = try String.fetchAll(db, sql: """
            SELECT json_extract(r.value, '$.values.mergedParticipantUuid') FROM change, json_each(changeRows(change.rows)) r
            WHERE change.operation = ? AND json_extract(r.value, '$.table') = 'participantMerge'
              AND json_extract(r.value, '$.values.keptParticipantUuid') = ?
            """, arguments: [ChangeOperation.mergePeople.name, uuid])
        return [uuid] + merged
    }

    /// The hybrid-clock text of midnight UTC at the start of `day`: entries of that day sort at or after it.
    static func stampPrefix(of day: DayDate) -> String {
        HybridClock.Stamp(milliseconds: Int64(day.dayNumber) * 86_400_000, counter: 0, site: "").description
    }
}
