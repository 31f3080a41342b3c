import Foundation
import GRDB

/// Applies the rows of change-log entries received from other sites, inside the import's transaction,
/// through ``ConflictRule``; rows that refer to what is not here yet are kept in `heldChange`.
///
/// Capture is off meanwhile (``ChangeTap/isPaused``, and `syncState.applying` for the tombstone triggers), so
/// nothing applied is logged again as this site's change; the entries themselves are stored as they came, with
/// their own site and hash.
final class BundleApplier {
    struct RowResult {
        var outcome: SyncReport.Outcome
        var note: String?
    }

    let db: Database
    private let localSite: String
    /// What the sender held: a row last changed here by a change beyond it was changed concurrently.
    private let senderVector: [String: Int64]
    private var captures: [String: ChangeCapture] = [:]
    /// Per table, the columns of each unique index that says two rows are one (not the uuid, not a partial one).
    var identityKeys: [String: [[String]]] = [:]
    /// Merges in the entry being applied, which is stored only after its rows: merged uuid → kept uuid.
    var pendingMerges: [String: String] = [:]
    /// The entry being applied and its rows, which are stored only after them.
    private(set) var current: (entry: ChangeEntry, rows: [[String: Any]])?
    /// People of merge groups whose records changed or met: made one again (``settle(_:)``) once the entry is applied.
    private var unsettled: Set<String> = []
    /// The row whose version the row being applied recorded, if it did.
    private var lastVersioned: (table: String, uuid: String)?
    /// Enrollments removed and sessions deleted here that the row being applied brought back
    /// (``restoreRemovedEnrollment(_:)``, ``restoreDeletedSession(_:)``).
    var restored: [(table: String, uuid: String)] = []
    private struct WriteKey: Hashable {
        var table: String
        var updating: Bool
    }
    private var writeStatements: [WriteKey: (columns: [String], statement: RawStatement)] = [:]
    /// The statements of the lookups made at every row, by table (``rowLookup(_:_:sql:)``).
    var rowLookups: [String: [RowLookup: RawStatement]] = [:]
    /// The statements of every row that name no table (``shared(_:)``).
    var sharedLookups: [SharedLookup: RawStatement] = [:]
    /// Whether a row was deleted here that another arriving may be one with (``removalOfTwin(_:values:)``).
    lazy var mayHaveRemovals = (try? Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM syncRemoval)")) ?? true
    /// Whether an enrollment was removed here, which a mark arriving may bring back (``restoreRemovedEnrollment(_:)``).
    lazy var mayHaveRemovedEnrollments = (try? Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM syncTombstone WHERE tableName = 'enrollment')")) ?? true
    /// The tables in which a uuid here answers for another (`syncAlias`, which ``recordAlias(_:lost:kept:)`` alone
    /// adds to); nil when it could not be read, and any table may. By table, not for the whole database: the courses
    /// loaded at two sites are twins, and their aliases, recorded by the first entries of a bundle, made every row
    /// of every table look for one (2 % of an import of 100,000 people, enrollments and marks, none aliased).
    lazy var aliasedTables: Set<String>? = try? Set(String.fetchAll(db, sql: "SELECT DISTINCT tableName FROM syncAlias"))
    /// Whether a merge of people is known here (`syncMerge`, filled as entries with merges are stored) or in the
    /// entry being applied: most imports meet none, and need not look for a merge group at every person.
    lazy var mayHaveMerges = (try? Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM syncMerge)")) ?? true
    /// Whether the review queue may hold a conflict still open, which a later change can settle: most
    /// imports meet none, and need not look for one at every row.
    private lazy var mayHaveOpenConflicts = (try? Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM syncConflict WHERE resolvedAt IS NULL)")) ?? true

    init(_ db: Database, localSite: String, senderVector: [String: Int64]) {
        self.db = db
        self.localSite = localSite
        self.senderVector = senderVector
    }

    /// Applies every row of an entry and says what became of it; held rows are kept to retry.
    func apply(_ entry: ChangeEntry) throws -> (SyncReport.Outcome, [String]) {
        let rows = try Self.rows(of: entry)
        pendingMerges = [:]
        current = (entry, rows)
        for row in rows where row["table"] as? String == "participantMerge" {
            if let values = row["values"] as? [String: Any], let merged = values["mergedParticipantUuid"] as? String,
               let kept = values["keptParticipantUuid"] as? String {
                pendingMerges[merged] = kept
                unsettled.insert(kept)
            }
        }
        // Stored after its rows, the entry's merges are known from then on.
        if !pendingMerges.isEmpty { mayHaveMerges = true }
        defer { (pendingMerges, current) = ([:], nil) }
        var results: [RowResult] = []
        var unversioned: [(table: String, uuid: String)] = []
        for (index, row) in rows.enumerated() {
            lastVersioned = nil
            results.append(try apply(row, index: index, of: entry))
            if let table = row["table"] as? String, let uuid = row["uuid"] as? String, lastVersioned.map({ $0 != (table, uuid) }) ?? true {
                unversioned.append((table, uuid))
            }
        }
        // Every row the entry names, applied or held, has it as its latest change under the uuid it gave,
        // once the entry is whole (as the change log's trigger recorded it before).
        for row in unversioned {
            try recordVersion(row.table, row.uuid, of: entry)
        }
        try settleMergeGroups()
        let clashes = try scheduleClashes(rows)
        guard !clashes.isEmpty else { return Self.summary(results) }
        return Self.summary(results + clashes.map { RowResult(outcome: .conflict, note: $0) })
    }

    /// Makes the records of each merge group the entry touched one, as every site does (``MergeGroup``).
    private func settleMergeGroups() throws {
        var settled: Set<String> = []
        for uuid in unsettled.sorted() where !settled.contains(uuid) {
            guard let group = try mergeGroup(of: uuid) else { continue }
            try settle(group)
            settled.formUnion(group.members)
        }
        unsettled = []
    }

    /// Retries the held rows until none gets through; returns how many entries were let through entirely.
    func releaseHeld(entries: (String) throws -> ChangeEntry?) throws -> Int {
        var released = 0
        while true {
            let held = try Row.fetchAllCached(db, sql: "SELECT id, changeUuid, rowIndex, row FROM heldChange ORDER BY id")
            var progressed = false
            for record in held {
                guard let entry = try entries(record["changeUuid"]),
                      let row = try JSONSerialization.jsonObject(with: Data((record["row"] as String).utf8)) as? [String: Any]
                else { continue }
                try db.executeCached(sql: "DELETE FROM heldChange WHERE id = ?", arguments: [record["id"] as Int64])
                let result = try apply(row, index: record["rowIndex"], of: entry)
                if result.outcome != .heldBack {
                    progressed = true
                    let remaining = try Int.fetchOneCached(db, sql: "SELECT count(*) FROM heldChange WHERE changeUuid = ?",
                                                     arguments: [entry.uuid]) ?? 0
                    if remaining == 0 { released += 1 }
                }
            }
            if !progressed {
                try settleMergeGroups()
                return released
            }
        }
    }

    // MARK: One row

    private func apply(_ row: [String: Any], index: Int, of entry: ChangeEntry) throws -> RowResult {
        restored = []
        let result = try decide(row, index: index, of: entry)
        guard !restored.isEmpty, result.outcome != .heldBack else { return result }
        let notes = [result.note].compactMap { $0 }
            + restored.map { row in
                row.table == "session"
                    ? "session \(row.uuid) is back: \(entry.site) marked attendance at it without seeing its deletion here"
                    : "enrollment \(row.uuid) is back: \(entry.site) marked attendance for it without seeing its removal here"
            }
        return RowResult(outcome: .conflict, note: notes.joined(separator: "; "))
    }

    private func decide(_ row: [String: Any], index: Int, of entry: ChangeEntry) throws -> RowResult {
        guard let table = row["table"] as? String, TravellingTables.names.contains(table),
              let givenUuid = row["uuid"] as? String, let kind = row["kind"] as? String else {
            return RowResult(outcome: .conflict, note: "a row of a kind this Malaka does not know was left out")
        }
        if table == "participant", let group = try mergeGroup(of: givenUuid) {
            unsettled.insert(givenUuid)
            if givenUuid != group.record { return try mergedAway(givenUuid, kind: kind, of: entry) }
            // Deleted by a merge that a later one outweighs, which kept this record: it stays.
            if kind == "delete", pendingMerges[givenUuid] != nil { return RowResult(outcome: .applied, note: nil) }
        }
        var uuid = try alias(table, givenUuid) ?? givenUuid
        let incomingValues = kind == "delete" ? nil : row["values"] as? [String: Any]
        if incomingValues != nil, try separatesMarkOfDeletedSession(table, given: givenUuid, answeringFor: uuid, change: entry) { uuid = givenUuid }
        // A row a merge combined into another (``survivesCombining(_:_:given:)``): deleted, as at the merging site.
        if uuid != givenUuid, try deletedAt(table, givenUuid) != nil { return RowResult(outcome: .applied, note: nil) }
        let capture = try capture(of: table)
        var localID = try rowid(table, uuid)
        var versionUuid = uuid
        var concurrentTwin = false
        var tombstone = try deletedAt(table, uuid)
        if tombstone != nil, incomingValues != nil,
           try revivesTwin(table, uuid, change: entry) || revivesMarkOfDeletedSession(table, uuid, change: entry) { tombstone = nil }

        if table == "attendance", localID == nil, tombstone == nil, let incomingValues,
           let removal = try deletionOfTwinWithSession(incomingValues, change: entry) {
            try recordTombstones(table, [uuid], given: nil, hlc: removal)
            return RowResult(outcome: .applied, note: nil)
        }
        var resolved: [String: (any DatabaseValueConvertible)?] = [:]
        var missing: [String] = []
        if let incomingValues {
            // A mark (not itself deleted here) for an enrollment removed here brings it back.
            (resolved, missing) = try resolve(incomingValues, of: capture, changeSite: entry.site, restoring: tombstone == nil)
        }
        if localID == nil, tombstone == nil, incomingValues != nil, missing.isEmpty,
           let removal = try removalOfTwin(table, values: resolved), removal > entry.hlc {
            // Made here too, under another uuid, and removed here after this change was made: removed under this
            // uuid too; a row still here for it (enrolled again since, or kept by a mark) answers for it.
            try recordTombstones(table, [uuid], given: nil, hlc: removal)
            if let twin = try twin(table, uuid: uuid, values: resolved) { try recordAlias(table, lost: uuid, kept: twin.uuid) }
            return RowResult(outcome: .applied, note: nil)
        }
        if localID == nil, tombstone == nil, incomingValues != nil, missing.isEmpty,
           let twin = try twin(table, uuid: uuid, values: resolved) {
            // The same row made here independently: both sites keep the smaller uuid, the other answers for it.
            let kept = try answer(table, rowid: twin.rowid, current: twin.uuid, alsoFor: uuid)
            localID = twin.rowid
            versionUuid = twin.uuid
            concurrentTwin = true
            uuid = kept
            try db.executeCached(sql: AppDatabase.rowVersionCopy, arguments: [kept, table, twin.uuid])
        }
        let version = try storedVersion(table, versionUuid)
        var local: ConflictRule.Version?
        if let tombstone {
            local = ConflictRule.Version(hlc: tombstone, site: version?.site ?? localSite, values: nil)
        } else if let localID {
            local = ConflictRule.Version(hlc: version?.hlc ?? "", site: version?.site ?? localSite,
                                         values: SecondCertificates.asWritten(Self.texts(try localValues(capture, id: localID)), table: table))
        }
        // Concurrent: the sender did not hold the change that last touched the row here, or the incoming change
        // is older than it by the hybrid clock (a change made after another always stamps later).
        let concurrent = concurrentTwin
            || version.map { (senderVector[$0.site] ?? 0) < $0.siteSequence || entry.hlc < $0.hlc } ?? false
        // The rule compares the values only with a version here: for a new row they are not made into text.
        let incoming = ConflictRule.Version(hlc: entry.hlc, site: entry.site,
                                            values: incomingValues.map { local == nil ? [:] : Self.texts($0.mapValues { $0 as Any? }) })
        let context = ConflictRule.Context(missingReferences: missing,
                                           ownerSite: nil, byCoordinator: false)
        let decision = ConflictRule(table: table).decide(local: local, incoming: incoming, concurrent: concurrent, context: context)
        if case .holdBack = decision {} else {
            // The row answers to `uuid` here, whatever uuid the change gave: its latest change is remembered under it.
            try recordVersion(table, uuid, of: entry)
            lastVersioned = (table, uuid)
        }
        // Two sites that made the same row (a course loaded at each) need not hear about it; two marks do.
        let listing = !concurrentTwin || table == "attendance"
        // A row that answers for twins then shows the latest write under any of their uuids, whichever of them
        // this change wrote and whatever the rule decided for it, as a site that meets the twins the other way
        // round (``combine(_:stays:goes:)``) shows it. Twins written in one instant (one register marking two
        // records of one person) show the write under the larger uuid.
        switch decision {
        case .apply(let listingLocal):
            if let failure = try write(table, uuid: uuid, id: localID, values: resolved) { return failure }
            if let localID, try concurrentTwin || answersForTwins(table, uuid) { try showLatestWrite(ofTwins: uuid, in: table, rowid: localID) }
            if !concurrent, mayHaveOpenConflicts {
                // A correction made after seeing both versions of a conflict settles it here too.
                try db.executeCached(sql: """
                    UPDATE syncConflict SET resolvedAt = ?, resolvedBy = ?, resolution = ?
                    WHERE tableName = ? AND rowUuid = ? AND resolvedAt IS NULL AND localHlc < ? AND incomingHlc < ?
                    """, arguments: [Date.databaseNow, entry.actor, "resolved at \(entry.site)", table, uuid, entry.hlc, entry.hlc])
            }
            return listingLocal && listing
                ? RowResult(outcome: .conflict, note: "\(table) \(uuid): the later change, from \(entry.site), replaced one made here at the same time")
                : RowResult(outcome: .applied, note: nil)
        case .keepLocal(let listingIncoming):
            if kind == "delete", tombstone != nil { try removeTwins(ofDeleted: givenUuid, in: table, row: row, by: entry) }
            if let localID, try concurrentTwin || answersForTwins(table, uuid) { try showLatestWrite(ofTwins: uuid, in: table, rowid: localID) }
            return listingIncoming && listing
                ? RowResult(outcome: .conflict, note: "\(table) \(uuid): kept the change made here; \(entry.site)'s was left out by the rules")
                : RowResult(outcome: .applied, note: nil)
        case .queueConflict(let showing, let fields):
            mayHaveOpenConflicts = true
            try db.executeCached(sql: """
                INSERT INTO syncConflict (tableName, rowUuid, fields, localValues, localHlc, incomingValues, incomingHlc, incomingSite, recordedAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [table, uuid, fields.joined(separator: ","), Self.json(local?.values ?? nil), local?.hlc ?? "",
                                 Self.json(incoming.values), entry.hlc, entry.site, Date.databaseNow])
            if showing == .incoming, let failure = try write(table, uuid: uuid, id: localID, values: resolved) { return failure }
            return RowResult(outcome: .conflict, note: "\(table) \(uuid): \(fields.joined(separator: ", ")) changed here and at \(entry.site) at the same time; both kept for review")
        case .tombstone:
            return try remove(table, uuid: uuid, given: givenUuid, rowid: localID, row: row, of: entry)
        case .holdBack(let missing):
            let text = String(decoding: try JSONSerialization.data(withJSONObject: row, options: [.sortedKeys]), as: UTF8.self)
            try db.executeCached(sql: "INSERT OR REPLACE INTO heldChange (changeUuid, rowIndex, row, missing) VALUES (?, ?, ?, ?)",
                           arguments: [entry.uuid, index, text, missing.joined(separator: ",")])
            return RowResult(outcome: .heldBack, note: "\(table) \(uuid) waits for \(missing.joined(separator: ", "))")
        }
    }

    /// A change to a person whose merge group keeps another record: their deletion is remembered, their
    /// details are left out (as a deleted record's are), and their rows move to the group's record once the
    /// entry is applied.
    private func mergedAway(_ uuid: String, kind: String, of entry: ChangeEntry) throws -> RowResult {
        if kind == "delete" {
            try db.executeCached(sql: "INSERT OR REPLACE INTO syncTombstone (tableName, uuid, hlc) VALUES ('participant', ?, ?)", arguments: [uuid, entry.hlc])
        }
        return RowResult(outcome: .applied, note: nil)
    }

    /// A row's values as this database stores them: references as local ids (with the uuids not here yet
    /// listed as missing), the origin site empty when it is this site's own; `restoring`, a mark's enrollment
    /// removed here comes back (``restoreRemovedEnrollment(_:)``).
    func resolve(_ values: [String: Any], of capture: ChangeCapture, changeSite: String, restoring: Bool = false) throws
        -> (values: [String: (any DatabaseValueConvertible)?], missing: [String]) {
        var resolved: [String: (any DatabaseValueConvertible)?] = [:]
        resolved.reserveCapacity(capture.columns.count)
        var missing: [String] = []
        for column in capture.columns {
            let value = values[column.travellingName]
            // updateValue, not a subscript: a NULL must stay in the row as a value, not drop the column.
            guard let target = column.references else {
                resolved.updateValue(Self.databaseValue(value, column: column.name, localSite: localSite, changeSite: changeSite),
                                     forKey: column.name)
                continue
            }
            guard let referenced = value as? String else {
                resolved.updateValue(nil, forKey: column.name)
                continue
            }
            if let id = try resolveReference(table: target, uuid: referenced, forMark: restoring && capture.table == "attendance") {
                resolved.updateValue(id, forKey: column.name)
            } else if TravellingTables.referencesWithoutForeignKeys[capture.table]?[column.name] != nil,
                      try deletedAt(target, referenced) != nil {
                // A merge's record naming someone deleted here names no one here (0 is no row's number); its
                // entry in the change log keeps who it was. Waiting for them would be waiting for ever.
                resolved.updateValue(0, forKey: column.name)
            } else {
                missing.append(referenced)
            }
        }
        return (resolved, missing)
    }

    /// Inserts or updates the row; a refusal by the database (a closed period, a duplicate) is listed, not fatal.
    private func write(_ table: String, uuid: String, id: Int64?, values: [String: (any DatabaseValueConvertible)?]) throws -> RowResult? {
        let values = table == "certificate" ? try secondUntilSettled(uuid: uuid, values) : values
        let columns = values.keys.sorted()
        do {
            try writeStatement(table, columns, updating: id != nil).write(uuid: uuid, id: id, columns: columns, values: values)
            if table == "certificate", let event = values["eventId"] ?? nil, let person = values["participantId"] ?? nil,
               let eventID = Int64.fromDatabaseValue(event.databaseValue), let personID = Int64.fromDatabaseValue(person.databaseValue) {
                try SecondCertificates.settle(db, event: eventID, participant: personID)
            }
            return nil
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            // A statement that failed cannot run again: its next reset repeats the error. GRDB drops it from its
            // own cache; this one must too.
            writeStatements[WriteKey(table: table, updating: id != nil)] = nil
            // An enrollment moved to a person (a merge elsewhere) who is enrolled in the event here too: one
            // enrollment, under the smaller uuid, with the marks of both, as the merging site will have once it
            // receives ours. A mark moved onto an enrollment marked for the same session here becomes one with it.
            if ["enrollment", "attendance"].contains(table), let id, let twin = try twin(table, uuid: uuid, values: values, except: id) {
                let identity = Set(try identityKeys(of: table).joined())
                let rest = columns.filter { !identity.contains($0) }
                if !rest.isEmpty {
                    try db.execute(sql: "UPDATE \(table.quotedDatabaseIdentifier) SET \(rest.map { "\($0.quotedDatabaseIdentifier) = ?" }.joined(separator: ", ")) WHERE rowid = ?",
                                   arguments: StatementArguments(rest.map { values[$0] ?? nil }) + [id])
                }
                try combine(table, stays: twin.rowid, goes: id)
                return nil
            }
            return RowResult(outcome: .conflict, note: "\(table) \(uuid) was not applied: \(error.message ?? "the database refused it")")
        }
    }

    /// The insert (uuid, then `columns`) or the update by rowid of `table`'s rows, made once per import: a
    /// table's rows come with the same columns, and building the SQL cost more than running it.
    func writeStatement(_ table: String, _ columns: [String], updating: Bool) throws -> RawStatement {
        let key = WriteKey(table: table, updating: updating)
        if let known = writeStatements[key], known.columns == columns { return known.statement }
        let statement: RawStatement
        if updating {
            let assignments = columns.map { "\($0.quotedDatabaseIdentifier) = ?" }.joined(separator: ", ")
            statement = try RawStatement(db, sql: "UPDATE \(table.quotedDatabaseIdentifier) SET \(assignments) WHERE rowid = ?")
        } else {
            let names = (["uuid"] + columns).map(\.quotedDatabaseIdentifier).joined(separator: ", ")
            let marks = Array(repeating: "?", count: columns.count + 1).joined(separator: ", ")
            statement = try RawStatement(db, sql: "INSERT INTO \(table.quotedDatabaseIdentifier) (\(names)) VALUES (\(marks))")
        }
        writeStatements[key] = (columns, statement)
        return statement
    }

    // MARK: Values

    func capture(of table: String) throws -> ChangeCapture {
        if let known = captures[table] { return known }
        let capture = try ChangeCapture.reading(db, table: table)
        captures[table] = capture
        return capture
    }

    /// The row here as the change log writes it, references as uuids.
    private func localValues(_ capture: ChangeCapture, id: Int64) throws -> [String: Any?] {
        let json = try String.fetchOneCached(db, sql: "SELECT \(capture.valuesExpression(row: "r")) FROM \(capture.table.quotedDatabaseIdentifier) AS r WHERE r.rowid = ?",
                                       arguments: [id]) ?? "{}"
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] ?? [:]
        var values: [String: Any?] = object.mapValues { $0 }
        // A row made here has no origin site written; one received names its site. Compared alike.
        if values["originSite"] is NSNull { values["originSite"] = localSite }
        return values
    }

    private static func summary(_ results: [RowResult]) -> (SyncReport.Outcome, [String]) {
        let notes = results.compactMap(\.note)
        if results.contains(where: { $0.outcome == .heldBack }) { return (.heldBack, notes) }
        if results.contains(where: { $0.outcome == .conflict }) { return (.conflict, notes) }
        return (.applied, notes)
    }
}
