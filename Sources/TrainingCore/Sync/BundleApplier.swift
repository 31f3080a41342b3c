import Foundation
import GRDB

/// Applies the rows of change-log entries received from other sites, inside the import's transaction,
/// through ``ConflictRule``; rows that refer to what is not here yet are kept in `heldChange`.
///
/// The capture triggers are off meanwhile (`syncState.applying`), so nothing applied is logged again as
/// this site's change; the entries themselves are stored as they came, with their own site and hash.
final class BundleApplier {
    struct RowResult {
        var outcome: SyncReport.Outcome
        var note: String?
    }

    private let db: Database
    private let localSite: String
    /// What the sender held: a row last changed here by a change beyond it was changed concurrently.
    private let senderVector: [String: Int64]
    private var captures: [String: ChangeCapture] = [:]

    init(_ db: Database, localSite: String, senderVector: [String: Int64]) {
        self.db = db
        self.localSite = localSite
        self.senderVector = senderVector
    }

    /// Applies every row of an entry and says what became of it; held rows are kept to retry.
    func apply(_ entry: ChangeEntry) throws -> (SyncReport.Outcome, [String]) {
        let rows = try Self.rows(of: entry)
        var results: [RowResult] = []
        for (index, row) in rows.enumerated() {
            results.append(try apply(row, index: index, of: entry))
        }
        return Self.summary(results)
    }

    /// Retries the held rows until none gets through; returns how many entries were let through entirely.
    func releaseHeld(entries: (String) throws -> ChangeEntry?) throws -> Int {
        var released = 0
        while true {
            let held = try Row.fetchAll(db, sql: "SELECT id, changeUuid, rowIndex, row FROM heldChange ORDER BY id")
            var progressed = false
            for record in held {
                guard let entry = try entries(record["changeUuid"]),
                      let row = try JSONSerialization.jsonObject(with: Data((record["row"] as String).utf8)) as? [String: Any]
                else { continue }
                try db.execute(sql: "DELETE FROM heldChange WHERE id = ?", arguments: [record["id"] as Int64])
                let result = try apply(row, index: record["rowIndex"], of: entry)
                if result.outcome != .heldBack {
                    progressed = true
                    let remaining = try Int.fetchOne(db, sql: "SELECT count(*) FROM heldChange WHERE changeUuid = ?",
                                                     arguments: [entry.uuid]) ?? 0
                    if remaining == 0 { released += 1 }
                }
            }
            if !progressed { return released }
        }
    }

    // MARK: One row

    private func apply(_ row: [String: Any], index: Int, of entry: ChangeEntry) throws -> RowResult {
        guard let table = row["table"] as? String, TravellingTables.names.contains(table),
              let givenUuid = row["uuid"] as? String, let kind = row["kind"] as? String else {
            return RowResult(outcome: .conflict, note: "a row of a kind this Malaka does not know was left out")
        }
        var uuid = try alias(table, givenUuid) ?? givenUuid
        let incomingValues = kind == "delete" ? nil : row["values"] as? [String: Any]
        let capture = try capture(of: table)
        var localID = try Int64.fetchOne(db, sql: "SELECT rowid FROM \(table.quotedDatabaseIdentifier) WHERE uuid = ?", arguments: [uuid])
        var versionUuid = uuid
        var concurrentTwin = false
        let tombstone = try String.fetchOne(db, sql: "SELECT hlc FROM syncTombstone WHERE tableName = ? AND uuid = ?", arguments: [table, uuid])

        var resolved: [String: (any DatabaseValueConvertible)?] = [:]
        var missing: [String] = []
        if let incomingValues {
            for column in capture.columns {
                let value = incomingValues[column.travellingName]
                // updateValue, not a subscript: a NULL must stay in the row as a value, not drop the column.
                guard let target = column.references else {
                    resolved.updateValue(Self.databaseValue(value, column: column.name, localSite: localSite, changeSite: entry.site),
                                         forKey: column.name)
                    continue
                }
                guard let referenced = value as? String else {
                    resolved.updateValue(nil, forKey: column.name)
                    continue
                }
                if let id = try resolveReference(table: target, uuid: referenced) {
                    resolved.updateValue(id, forKey: column.name)
                } else {
                    missing.append(referenced)
                }
            }
        }
        if localID == nil, tombstone == nil, incomingValues != nil, missing.isEmpty,
           let twin = try twin(table, uuid: uuid, values: resolved) {
            // The same row made here independently: both sites keep the smaller uuid, the other answers for it.
            let kept = min(twin.uuid, uuid)
            let lost = kept == uuid ? twin.uuid : uuid
            try db.execute(sql: "INSERT OR REPLACE INTO syncAlias (tableName, uuid, keptUuid) VALUES (?, ?, ?)", arguments: [table, lost, kept])
            if twin.uuid != kept {
                try db.execute(sql: "UPDATE \(table.quotedDatabaseIdentifier) SET uuid = ? WHERE rowid = ?", arguments: [kept, twin.rowid])
            }
            localID = twin.rowid
            versionUuid = twin.uuid
            concurrentTwin = true
            uuid = kept
            try db.execute(sql: """
                INSERT INTO rowVersion (tableName, uuid, site, siteSequence, hlc)
                SELECT tableName, ?, site, siteSequence, hlc FROM rowVersion WHERE tableName = ? AND uuid = ? AND true
                ON CONFLICT (tableName, uuid) DO UPDATE SET site = excluded.site, siteSequence = excluded.siteSequence,
                  hlc = excluded.hlc WHERE excluded.hlc > rowVersion.hlc
                """, arguments: [kept, table, twin.uuid])
        }
        let version = try Row.fetchOne(db, sql: "SELECT site, siteSequence, hlc FROM rowVersion WHERE tableName = ? AND uuid = ?",
                                       arguments: [table, versionUuid])
        var local: ConflictRule.Version?
        if let tombstone {
            local = ConflictRule.Version(hlc: tombstone, site: version?["site"] ?? localSite, values: nil)
        } else if let localID {
            local = ConflictRule.Version(hlc: version?["hlc"] ?? "", site: version?["site"] ?? localSite,
                                         values: Self.texts(try localValues(capture, id: localID)))
        }
        // Concurrent: the sender did not hold the change that last touched the row here, or the incoming change
        // is older than it by the hybrid clock (a change made after another always stamps later).
        let concurrent = concurrentTwin
            || version.map { (senderVector[$0["site"] as String] ?? 0) < ($0["siteSequence"] as Int64) || entry.hlc < $0["hlc"] } ?? false
        let incoming = ConflictRule.Version(hlc: entry.hlc, site: entry.site,
                                            values: incomingValues.map { Self.texts($0.mapValues { $0 as Any? }) })
        let context = ConflictRule.Context(missingReferences: missing,
                                           ownerSite: nil, byCoordinator: false)
        let decision = ConflictRule(table: table).decide(local: local, incoming: incoming, concurrent: concurrent, context: context)
        if case .holdBack = decision {} else {
            // The row answers to `uuid` here, whatever uuid the change gave: its latest change is remembered under it.
            try db.execute(sql: """
                INSERT INTO rowVersion (tableName, uuid, site, siteSequence, hlc) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (tableName, uuid) DO UPDATE SET site = excluded.site, siteSequence = excluded.siteSequence,
                  hlc = excluded.hlc WHERE excluded.hlc > rowVersion.hlc
                """, arguments: [table, uuid, entry.site, entry.siteSequence, entry.hlc])
        }
        // Two sites that made the same row (a course loaded at each) need not hear about it; two marks do.
        let listing = !concurrentTwin || table == "attendance"
        switch decision {
        case .apply(let listingLocal):
            if let failure = try write(table, uuid: uuid, id: localID, values: resolved) { return failure }
            if !concurrent {
                // A correction made after seeing both versions of a conflict settles it here too.
                try db.execute(sql: """
                    UPDATE syncConflict SET resolvedAt = ?, resolvedBy = ?, resolution = ?
                    WHERE tableName = ? AND rowUuid = ? AND resolvedAt IS NULL AND localHlc < ? AND incomingHlc < ?
                    """, arguments: [Date.databaseNow, entry.actor, "resolved at \(entry.site)", table, uuid, entry.hlc, entry.hlc])
            }
            return listingLocal && listing
                ? RowResult(outcome: .conflict, note: "\(table) \(uuid): the later change, from \(entry.site), replaced one made here at the same time")
                : RowResult(outcome: .applied, note: nil)
        case .keepLocal(let listingIncoming):
            return listingIncoming && listing
                ? RowResult(outcome: .conflict, note: "\(table) \(uuid): kept the change made here; \(entry.site)'s was left out by the rules")
                : RowResult(outcome: .applied, note: nil)
        case .queueConflict(let showing, let fields):
            try db.execute(sql: """
                INSERT INTO syncConflict (tableName, rowUuid, fields, localValues, localHlc, incomingValues, incomingHlc, incomingSite, recordedAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [table, uuid, fields.joined(separator: ","), Self.json(local?.values ?? nil), local?.hlc ?? "",
                                 Self.json(incoming.values), entry.hlc, entry.site, Date.databaseNow])
            if showing == .incoming, let failure = try write(table, uuid: uuid, id: localID, values: resolved) { return failure }
            return RowResult(outcome: .conflict, note: "\(table) \(uuid): \(fields.joined(separator: ", ")) changed here and at \(entry.site) at the same time; both kept for review")
        case .tombstone:
            if table == "participant", let localID { try followMerge(ofParticipant: localID, uuid: uuid) }
            do {
                try db.execute(sql: "DELETE FROM \(table.quotedDatabaseIdentifier) WHERE uuid = ?", arguments: [uuid])
            } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
                return RowResult(outcome: .conflict, note: "\(table) \(uuid) was not deleted here: \(error.message ?? "something here still refers to it")")
            }
            try db.execute(sql: "INSERT OR REPLACE INTO syncTombstone (tableName, uuid, hlc) VALUES (?, ?, ?)", arguments: [table, uuid, entry.hlc])
            return RowResult(outcome: .applied, note: nil)
        case .holdBack(let missing):
            let text = String(decoding: try JSONSerialization.data(withJSONObject: row, options: [.sortedKeys]), as: UTF8.self)
            try db.execute(sql: "INSERT OR REPLACE INTO heldChange (changeUuid, rowIndex, row, missing) VALUES (?, ?, ?, ?)",
                           arguments: [entry.uuid, index, text, missing.joined(separator: ",")])
            return RowResult(outcome: .heldBack, note: "\(table) \(uuid) waits for \(missing.joined(separator: ", "))")
        }
    }

    /// Inserts or updates the row; a refusal by the database (a closed period, a duplicate) is listed, not fatal.
    private func write(_ table: String, uuid: String, id: Int64?, values: [String: (any DatabaseValueConvertible)?]) throws -> RowResult? {
        let columns = values.keys.sorted()
        let arguments = StatementArguments(columns.map { values[$0] ?? nil })
        do {
            if let id {
                let assignments = columns.map { "\($0.quotedDatabaseIdentifier) = ?" }.joined(separator: ", ")
                try db.execute(sql: "UPDATE \(table.quotedDatabaseIdentifier) SET \(assignments) WHERE rowid = ?", arguments: arguments + [id])
            } else {
                let names = (["uuid"] + columns).map(\.quotedDatabaseIdentifier).joined(separator: ", ")
                let marks = Array(repeating: "?", count: columns.count + 1).joined(separator: ", ")
                try db.execute(sql: "INSERT INTO \(table.quotedDatabaseIdentifier) (\(names)) VALUES (\(marks))", arguments: [uuid] + arguments)
            }
            return nil
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            return RowResult(outcome: .conflict, note: "\(table) \(uuid) was not applied: \(error.message ?? "the database refused it")")
        }
    }

    /// A person merged away elsewhere may have been enrolled or marked here since: what points at them here
    /// moves to the person kept, as the merge moved what the merging site had.
    private func followMerge(ofParticipant mergedID: Int64, uuid: String) throws {
        guard let kept = try keptParticipant(of: uuid),
              let keptID = try Int64.fetchOne(db, sql: "SELECT id FROM participant WHERE uuid = ?", arguments: [kept]) else { return }
        for (enrollmentID, eventID) in try Row.fetchAll(db, sql: "SELECT id, eventId FROM enrollment WHERE participantId = ?",
                                                         arguments: [mergedID]).map({ ($0[0] as Int64, $0[1] as Int64) }) {
            if let keptEnrollment = try Int64.fetchOne(db, sql: "SELECT id FROM enrollment WHERE eventId = ? AND participantId = ?",
                                                        arguments: [eventID, keptID]) {
                try db.execute(sql: "UPDATE OR IGNORE attendance SET enrollmentId = ? WHERE enrollmentId = ?", arguments: [keptEnrollment, enrollmentID])
                try db.execute(sql: "DELETE FROM attendance WHERE enrollmentId = ?", arguments: [enrollmentID])
                try db.execute(sql: "DELETE FROM enrollment WHERE id = ?", arguments: [enrollmentID])
            } else {
                try db.execute(sql: "UPDATE enrollment SET participantId = ? WHERE id = ?", arguments: [keptID, enrollmentID])
            }
        }
        // Certificates are never deleted; a waitlist place the kept person already has is dropped.
        try db.execute(sql: "UPDATE OR IGNORE certificate SET participantId = ? WHERE participantId = ?", arguments: [keptID, mergedID])
        if try db.tableExists("waitlist") {
            try db.execute(sql: "UPDATE OR IGNORE waitlist SET participantId = ? WHERE participantId = ?", arguments: [keptID, mergedID])
            try db.execute(sql: "DELETE FROM waitlist WHERE participantId = ?", arguments: [mergedID])
        }
    }

    /// The uuid that answers for a row made twice, if `uuid` is the one given up.
    private func alias(_ table: String, _ uuid: String) throws -> String? {
        try String.fetchOne(db, sql: "SELECT keptUuid FROM syncAlias WHERE tableName = ? AND uuid = ?", arguments: [table, uuid])
    }

    /// A row here that a unique index says is the same as the incoming one (the same person's mark at the
    /// same session, the same course code), made independently.
    private func twin(_ table: String, uuid: String, values: [String: (any DatabaseValueConvertible)?]) throws -> (rowid: Int64, uuid: String)? {
        for index in try db.indexes(on: table) where index.isUnique && !index.columns.contains("uuid") {
            guard index.columns.allSatisfy({ values[$0] != nil && values[$0]! != nil }) else { continue }
            let condition = index.columns.map { "\($0.quotedDatabaseIdentifier) = ?" }.joined(separator: " AND ")
            if let row = try Row.fetchOne(db, sql: "SELECT rowid, uuid FROM \(table.quotedDatabaseIdentifier) WHERE \(condition)",
                                          arguments: StatementArguments(index.columns.map { values[$0]! })) {
                return (row[0], row[1])
            }
        }
        return nil
    }

    /// The local id of a travelling row; a person merged away answers with the one kept, and an enrollment
    /// of a person merged away with the kept person's enrollment in the same event.
    private func resolveReference(table: String, uuid: String) throws -> Int64? {
        let lookup = "SELECT id FROM \(table.quotedDatabaseIdentifier) WHERE uuid = ?"
        if let id = try Int64.fetchOne(db, sql: lookup, arguments: [try alias(table, uuid) ?? uuid]) { return id }
        switch table {
        case "participant":
            guard let kept = try keptParticipant(of: uuid) else { return nil }
            return try Int64.fetchOne(db, sql: lookup, arguments: [kept])
        case "enrollment":
            guard let last = try Row.fetchOne(db, sql: """
                SELECT json_extract(r.value, '$.values.eventUuid') AS event, json_extract(r.value, '$.values.participantUuid') AS person
                FROM change, json_each(change.rows) r
                WHERE json_extract(r.value, '$.table') = 'enrollment' AND json_extract(r.value, '$.uuid') = ?
                  AND json_type(r.value, '$.values') = 'object'
                ORDER BY change.hlc DESC LIMIT 1
                """, arguments: [uuid]), let person: String = last["person"], let kept = try keptParticipant(of: person) else { return nil }
            return try Int64.fetchOne(db, sql: """
                SELECT en.id FROM enrollment en JOIN event e ON e.id = en.eventId JOIN participant p ON p.id = en.participantId
                WHERE e.uuid = ? AND p.uuid = ?
                """, arguments: [last["event"] as String?, kept])
        default:
            return nil
        }
    }

    /// The person a merged-away person was merged into, following merges of merges.
    private func keptParticipant(of uuid: String) throws -> String? {
        var current = uuid
        for _ in 0..<16 {
            guard let kept = try String.fetchOne(db, sql: """
                SELECT json_extract(r.value, '$.values.keptParticipantUuid') FROM change, json_each(change.rows) r
                WHERE json_extract(r.value, '$.table') = 'participantMerge'
                  AND json_extract(r.value, '$.values.mergedParticipantUuid') = ?
                LIMIT 1
                """, arguments: [current]) else { break }
            current = kept
        }
        return current == uuid ? nil : current
    }

    // MARK: Values

    private func capture(of table: String) throws -> ChangeCapture {
        if let known = captures[table] { return known }
        let capture = try ChangeCapture.reading(db, table: table)
        captures[table] = capture
        return capture
    }

    /// The row here as the capture triggers write it, references as uuids.
    private func localValues(_ capture: ChangeCapture, id: Int64) throws -> [String: Any?] {
        let json = try String.fetchOne(db, sql: "SELECT \(capture.valuesExpression(row: "r")) FROM \(capture.table.quotedDatabaseIdentifier) AS r WHERE r.rowid = ?",
                                       arguments: [id]) ?? "{}"
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] ?? [:]
        var values: [String: Any?] = object.mapValues { $0 }
        // A row made here has no origin site written; one received names its site. Compared alike.
        if values["originSite"] is NSNull { values["originSite"] = localSite }
        return values
    }

    static func texts(_ values: [String: Any?]) -> [String: String?] {
        values.mapValues { value -> String? in
            guard let value, !(value is NSNull) else { return nil }
            switch value {
            case let string as String: return string
            case let number as NSNumber: return number.stringValue
            default: return "\(value)"
            }
        }
    }

    /// A JSON value as SQLite stores it; a row's origin site is kept empty when it is this site's own.
    private static func databaseValue(_ value: Any?, column: String, localSite: String, changeSite: String) -> (any DatabaseValueConvertible)? {
        if column == "originSite" {
            let site = (value as? String) ?? changeSite
            return site == localSite ? nil : site
        }
        guard let value, !(value is NSNull) else { return nil }
        switch value {
        case let string as String: return string
        case let number as NSNumber:
            if ["d", "f"].contains(String(cString: number.objCType)) { return number.doubleValue }
            return number.int64Value
        default: return nil
        }
    }

    static func json(_ values: [String: String?]?) -> String {
        guard let values else { return "null" }
        let object = values.mapValues { $0 ?? NSNull() as Any }
        return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    static func rows(of entry: ChangeEntry) throws -> [[String: Any]] {
        guard let rows = try JSONSerialization.jsonObject(with: Data(entry.rows.utf8)) as? [[String: Any]] else {
            throw MalakaError(.data, .refusedBundle, "The change \(entry.site) #\(entry.siteSequence) holds rows that are not a list. Nothing was changed.")
        }
        return rows
    }

    private static func summary(_ results: [RowResult]) -> (SyncReport.Outcome, [String]) {
        let notes = results.compactMap(\.note)
        if results.contains(where: { $0.outcome == .heldBack }) { return (.heldBack, notes) }
        if results.contains(where: { $0.outcome == .conflict }) { return (.conflict, notes) }
        return (.applied, notes)
    }
}
