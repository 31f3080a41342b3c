import Foundation
import GRDB

/// Merges of people made at other sites, met here: the records of each merge group become the one record
/// ``MergeGroup`` decides, what pointed at the others follows it, and references to them land on it.
extension BundleApplier {
    /// Enrollments (combined with the kept person's in the same event), certificates and waitlist places.
    private func moveRows(ofParticipant mergedID: Int64, to keptID: Int64) throws {
        for (enrollmentID, eventID) in try Row.fetchAllCached(db, sql: "SELECT id, eventId FROM enrollment WHERE participantId = ?",
                                                         arguments: [mergedID]).map({ ($0[0] as Int64, $0[1] as Int64) }) {
            if let keptEnrollment = try Int64.fetchOneCached(db, sql: "SELECT id FROM enrollment WHERE eventId = ? AND participantId = ?",
                                                        arguments: [eventID, keptID]) {
                try combine("enrollment", stays: keptEnrollment, goes: enrollmentID)
            } else {
                try db.executeCached(sql: "UPDATE enrollment SET participantId = ? WHERE id = ?", arguments: [keptID, enrollmentID])
            }
        }
        // The kept record's enrollments, those just moved included, meet the removals of both records.
        try followRemovals(ofParticipant: mergedID, to: keptID)
        // Certificates are never deleted (one valid per event); a waitlist place the kept person already has is dropped.
        try moveCertificates(ofParticipant: mergedID, to: keptID)
        if try db.tableExists("waitlist") {
            try db.executeCached(sql: "UPDATE OR IGNORE waitlist SET participantId = ? WHERE participantId = ?", arguments: [keptID, mergedID])
            try db.executeCached(sql: "DELETE FROM waitlist WHERE participantId = ?", arguments: [mergedID])
        }
    }

    /// Makes the records of a merge group left here one, as ``MergeGroup`` decides: the group's record, under
    /// its uuid (a record of the group stands in for it until it arrives), with the details of its latest change
    /// known here; the others' rows move to it and their uuids answer for it.
    func settle(_ group: MergeGroup) throws {
        let present = try records(of: group)
        guard let staying = present.first else { return }
        for other in present where other.id != staying.id {
            try moveRows(ofParticipant: other.id, to: staying.id)
            try db.executeCached(sql: "DELETE FROM participant WHERE id = ?", arguments: [other.id])
        }
        if staying.uuid != group.record {
            try db.executeCached(sql: "UPDATE participant SET uuid = ? WHERE id = ?", arguments: [group.record, staying.id])
        }
        try db.executeCached(sql: "DELETE FROM syncTombstone WHERE tableName = 'participant' AND uuid = ?", arguments: [group.record])
        for member in group.members.sorted() where member != group.record {
            try recordAlias("participant", lost: member, kept: group.record)
        }
        try showLatestChange(ofParticipant: group.record, id: staying.id)
    }

    /// The group's records left here: the one that answers for the group first (its own record, else the one
    /// with the smallest uuid, which stands in for it).
    private func records(of group: MergeGroup) throws -> [(uuid: String, id: Int64)] {
        let rows = try Row.fetchAll(db, sql: "SELECT id, uuid FROM participant WHERE uuid IN (\(group.members.map { _ in "?" }.joined(separator: ", "))) ORDER BY uuid",
                                    arguments: StatementArguments(Array(group.members)))
            .map { (uuid: $0["uuid"] as String, id: $0["id"] as Int64) }
        return rows.filter { $0.uuid == group.record } + rows.filter { $0.uuid != group.record }
    }

    /// Gives a group's record the details of its own latest change that is not its deletion (a record merged
    /// away and kept by a later merge comes back as it was); none known here yet: the stand-in's stay.
    private func showLatestChange(ofParticipant uuid: String, id: Int64) throws {
        guard let latest = try latestChange(of: "participant", uuid: uuid) else {
            // Nothing of it known here yet: what it arrives with is applied as to a new row.
            try db.executeCached(sql: "DELETE FROM rowVersion WHERE tableName = 'participant' AND uuid = ?", arguments: [uuid])
            return
        }
        try show(latest, in: "participant", uuid: uuid, rowid: id)
    }

    /// A change that wrote a row's values, as ``latestChange(of:uuid:)`` finds it.
    typealias WrittenChange = (site: String, sequence: Int64, hlc: String, values: [String: Any])

    /// Writes a change's values into a row, but for the columns that make two rows one (an enrollment's event and
    /// person), which stay as they are here, and makes the change the row's version under `uuid`.
    func show(_ change: WrittenChange, in table: String, uuid: String, rowid: Int64) throws {
        let identity = Set(try identityKeys(of: table).joined())
        let resolved = try resolve(change.values, of: try capture(of: table), changeSite: change.site).values.filter { !identity.contains($0.key) }
        if !resolved.isEmpty {
            let columns = resolved.keys.sorted()
            try db.executeCached(sql: "UPDATE \(table.quotedDatabaseIdentifier) SET \(columns.map { "\($0.quotedDatabaseIdentifier) = ?" }.joined(separator: ", ")) WHERE rowid = ?",
                                 arguments: StatementArguments(columns.map { resolved[$0] ?? nil }) + [rowid])
        }
        try db.executeCached(sql: "INSERT OR REPLACE INTO rowVersion (tableName, uuid, site, siteSequence, hlc) VALUES (?, ?, ?, ?, ?)",
                             arguments: [table, uuid, change.site, change.sequence, change.hlc])
    }

    /// The latest change known here that wrote the row's values: the one `rowVersion` names, unless that was its
    /// deletion; then the change log is searched. An entry may write a row twice (`event reschedule` moves each
    /// session through a free start time first): its last row is the change's.
    func latestChange(of table: String, uuid: String) throws -> WrittenChange? {
        func written(_ rows: [[String: Any]]) -> [String: Any]? {
            guard let row = rows.last(where: { $0["table"] as? String == table && $0["uuid"] as? String == uuid }),
                  row["kind"] as? String != "delete" else { return nil }
            return row["values"] as? [String: Any]
        }
        // The entry being applied, not stored yet, may have written the row after the version recorded for it.
        var latest: WrittenChange?
        if let entry = current?.entry, let values = written(current?.rows ?? []) { latest = (entry.site, entry.siteSequence, entry.hlc, values) }
        if let version = try Row.fetchOneCached(db, sql: "SELECT site, siteSequence, hlc FROM rowVersion WHERE tableName = ? AND uuid = ?",
                                                arguments: [table, uuid]) {
            let (site, sequence, hlc): (String, Int64, String) = (version["site"], version["siteSequence"], version["hlc"])
            if let latest, latest.hlc >= hlc { return latest }
            if let values = try String.fetchOneCached(db, sql: "SELECT rows FROM change WHERE site = ? AND siteSequence = ?", arguments: [site, sequence])
                .flatMap({ written(try SyncBundleReader.rows($0)) }) {
                return (site, sequence, hlc, values)
            }
        }
        if let stored = try Row.fetchOneCached(db, sql: """
            SELECT c.site, c.siteSequence, c.hlc, json_extract(r.value, '$.values') AS vals
            FROM change c, json_each(changeRows(c.rows)) r
            WHERE instr(c.rows, ?) > 0 AND json_extract(r.value, '$.table') = ? AND json_extract(r.value, '$.uuid') = ?
              AND json_extract(r.value, '$.kind') <> 'delete' AND json_type(r.value, '$.values') = 'object'
            ORDER BY c.hlc DESC, r.key DESC LIMIT 1
            """, arguments: [uuid, table, uuid]), latest.map({ $0.hlc < stored["hlc"] }) ?? true,
           let values = try JSONSerialization.jsonObject(with: Data((stored["vals"] as String).utf8)) as? [String: Any] {
            latest = (stored["site"], stored["siteSequence"], stored["hlc"], values)
        }
        return latest
    }

    /// An enrollment a merge elsewhere combined with the kept person's in the same event is deleted there; marks
    /// made for it here meanwhile move to the kept person's enrollment, as they will at the merging site when they
    /// arrive there (two marks for one session become one, as twins do).
    ///
    /// - Parameter person: the person the merging site's enrollment was of (it may have followed another merge here).
    func keepMarks(ofCombinedEnrollment enrollmentID: Int64, person given: String?) throws {
        guard let enrollment = try Row.fetchOneCached(db, sql: """
            SELECT en.eventId, p.id AS personID, p.uuid AS person FROM enrollment en JOIN participant p ON p.id = en.participantId WHERE en.id = ?
            """, arguments: [enrollmentID]) else { return }
        let personID: Int64 = enrollment["personID"]
        guard let group = try mergeGroup(of: enrollment["person"]) ?? given.flatMap(mergeGroup(of:)) else { return }
        // The person the merge being applied kept first: the merging site moved the marks there. Else anyone of
        // the group here: they are one person, whose enrollments in the event become one.
        let kept = try given.flatMap { pendingMerges[$0] }.flatMap { try resolveReference(table: "participant", uuid: $0) }
        for other in [kept].compactMap({ $0 }) + (try records(of: group).map(\.id)) where other != personID {
            guard let keptEnrollment = try Int64.fetchOneCached(db, sql: "SELECT id FROM enrollment WHERE eventId = ? AND participantId = ?",
                                                                arguments: [enrollment["eventId"] as Int64, other]) else { continue }
            try moveMarks(from: enrollmentID, to: keptEnrollment)
            return
        }
    }

    /// The local id of a travelling row; a person merged away answers with the one kept, and an enrollment
    /// of a person merged away with the kept person's enrollment in the same event. An enrollment a mark needs
    /// comes back if it was removed here (``restoreRemovedEnrollment(_:)``).
    func resolveReference(table: String, uuid: String, forMark: Bool = false) throws -> Int64? {
        if forMark, table == "enrollment", let id = try restoreRemovedEnrollment(uuid) { return id }
        // The row, or the one its uuid became when it was found made twice: one statement, as most references are plain.
        let lookup: RawStatement
        if mayHaveAliases(table) {
            lookup = try rowLookup(table, .reference) { """
                SELECT id FROM \(table.quotedDatabaseIdentifier) WHERE uuid = coalesce((SELECT keptUuid FROM syncAlias WHERE tableName = ? AND uuid = ?), ?)
                """ }
            lookup.bind(1, table)
            lookup.bind(2, uuid)
            lookup.bind(3, uuid)
        } else {
            lookup = try rowLookup(table, .unaliasedReference) { "SELECT id FROM \(table.quotedDatabaseIdentifier) WHERE uuid = ?" }
            lookup.bind(1, uuid)
        }
        if let id = try lookup.int64() { return id }
        switch table {
        case "participant":
            // Merged with others: the group's record, or a record of the group that stands in for it here.
            guard let group = try mergeGroup(of: uuid) else { return nil }
            return try records(of: group).first?.id
        case "enrollment":
            // What the enrollment said when it was last written (a deletion carries the row as it was).
            guard let last = try Row.fetchOneCached(db, sql: """
                SELECT json_extract(r.value, '$.values.eventUuid') AS event, json_extract(r.value, '$.values.participantUuid') AS person
                FROM rowVersion v JOIN change c ON c.site = v.site AND c.siteSequence = v.siteSequence, json_each(changeRows(c.rows)) r
                WHERE v.tableName = 'enrollment' AND v.uuid = ?
                  AND json_extract(r.value, '$.table') = 'enrollment' AND json_extract(r.value, '$.uuid') = v.uuid
                  AND json_type(r.value, '$.values') = 'object'
                """, arguments: [uuid]), let person: String = last["person"],
                  // A person some merge took part in: their enrollments may have become one with another's of the group.
                  try !mergePartners(of: person).isEmpty,
                  let personID = try resolveReference(table: "participant", uuid: person) else { return nil }
            return try Int64.fetchOneCached(db, sql: """
                SELECT en.id FROM enrollment en JOIN event e ON e.id = en.eventId WHERE e.uuid = ? AND en.participantId = ?
                """, arguments: [last["event"] as String?, personID])
        case "session":
            // Deleted here while a trainer elsewhere marked attendance at it: the mark brings it back.
            return forMark ? try restoreDeletedSession(uuid) : nil
        default:
            return nil
        }
    }

    /// The people a merge known here (the entry being applied's included) merged `uuid` into or merged into them.
    private func mergePartners(of uuid: String) throws -> [String] {
        try merges(naming: uuid).map { $0.merged == uuid ? $0.kept : $0.merged }
    }

    /// The group of people merged with `uuid` by the merges known here, the entry being applied's included;
    /// nil when no merge names them.
    func mergeGroup(of uuid: String) throws -> MergeGroup? {
        guard mayHaveMerges || !pendingMerges.isEmpty else { return nil }
        return MergeGroup(merges: try MergeGroup.merges(connectedTo: uuid, partners: merges(naming:)))
    }

    /// The merges known here that name `uuid`, merged or kept.
    private func merges(naming uuid: String) throws -> [MergeGroup.Merge] {
        try Row.fetchAllCached(db, sql: """
            SELECT mergedUuid, keptUuid, hlc FROM syncMerge WHERE mergedUuid = ? UNION ALL SELECT mergedUuid, keptUuid, hlc FROM syncMerge WHERE keptUuid = ?
            """, arguments: [uuid, uuid]).map { MergeGroup.Merge(merged: $0["mergedUuid"], kept: $0["keptUuid"], hlc: $0["hlc"]) }
            + pendingMerges.filter { $0.key == uuid || $0.value == uuid }.map { MergeGroup.Merge(merged: $0.key, kept: $0.value, hlc: current?.entry.hlc ?? "") }
    }
}
