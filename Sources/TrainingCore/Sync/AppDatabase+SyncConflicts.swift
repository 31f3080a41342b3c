import Foundation
import GRDB

/// A person's identity changed at two places at once: both versions, until someone chooses.
public struct SyncConflict: Sendable, Equatable {
    public var id: Int64
    /// The person's number here; nil when the person was since merged away or removed.
    public var participantID: Int64?
    public var rowUuid: String
    /// The identity fields the two versions disagree on.
    public var fields: [String]
    /// The version made here and the one that came from ``incomingSite``, field by field.
    public var local: [String: String?]
    public var incoming: [String: String?]
    public var incomingSite: String
    /// Which version the database shows meanwhile: the later one, the same at every site.
    public var shown: ConflictRule.Side
    public var resolution: String?
}

extension AppDatabase {
    /// The conflicts waiting for a person, oldest first; with `all`, the resolved ones too.
    public func syncConflicts(all: Bool = false) throws -> [SyncConflict] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT c.*, p.id AS participantID FROM syncConflict c LEFT JOIN participant p ON p.uuid = c.rowUuid
                \(all ? "" : "WHERE c.resolvedAt IS NULL") ORDER BY c.id
                """).map(Self.conflict(from:))
        }
    }

    /// Keeps one version of a conflicting identity: the chosen values are written as an ordinary correction,
    /// which travels to the other sites like any other.
    public func resolveSyncConflict(id: Int64, keep side: ConflictRule.Side) throws -> SyncConflict {
        let conflict = try read { db -> SyncConflict in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT c.*, p.id AS participantID FROM syncConflict c LEFT JOIN participant p ON p.uuid = c.rowUuid WHERE c.id = ?
                """, arguments: [id]) else {
                throw MalakaError(.data, .unknownConflict, "There is no conflict \(id); list them with their numbers.",
                                  subject: .syncConflict(id))
            }
            return try Self.conflict(from: row)
        }
        guard conflict.resolution == nil else {
            throw MalakaError(.data, .conflictResolved, "Conflict \(id) was already resolved (\(conflict.resolution!)). Nothing was changed.",
                              subject: .syncConflict(id))
        }
        let chosen = side == .local ? conflict.local : conflict.incoming
        var updated: Participant?
        if let participantID = conflict.participantID {
            let current = try participant(id: participantID)
            var changes = ParticipantChanges()
            changes.fullName = chosen["fullName"] ?? nil
            if let alternate = chosen["alternateName"] ?? nil { changes.alternateName = alternate } else { changes.clear.insert(.alternateName) }
            if let sex = (chosen["sex"] ?? nil).flatMap(Sex.init(rawValue:)) { changes.sex = sex } else { changes.clear.insert(.sex) }
            if let year = (chosen["birthYear"] ?? nil).flatMap({ Int($0) }) { changes.birthYear = year } else { changes.clear.insert(.birthYear) }
            let candidate = try self.updated(current, with: changes)
            if candidate.fullName != current.fullName || candidate.alternateName != current.alternateName
                || candidate.sex != current.sex || candidate.birthYear != current.birthYear {
                updated = candidate
            }
        }
        let who = actor
        try write(.resolveSyncConflict, detail: "conflict \(id): kept the \(side == .local ? "local" : "incoming") version") { db in
            if let updated { try updated.update(db) }
            try db.execute(sql: "UPDATE syncConflict SET resolvedAt = ?, resolvedBy = ?, resolution = ? WHERE id = ?",
                           arguments: [Date.databaseNow, who, side == .local ? "kept local" : "kept incoming", id])
        }
        var resolved = conflict
        resolved.resolution = side == .local ? "kept local" : "kept incoming"
        return resolved
    }

    private static func conflict(from row: Row) throws -> SyncConflict {
        func values(_ text: String) -> [String: String?] {
            guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else { return [:] }
            return BundleApplier.texts(object.mapValues { $0 })
        }
        let localHlc: String = row["localHlc"]
        let incomingHlc: String = row["incomingHlc"]
        return SyncConflict(
            id: row["id"], participantID: row["participantID"], rowUuid: row["rowUuid"],
            fields: (row["fields"] as String).split(separator: ",").map(String.init),
            local: values(row["localValues"]), incoming: values(row["incomingValues"]), incomingSite: row["incomingSite"],
            shown: incomingHlc > localHlc ? .incoming : .local, resolution: row["resolution"])
    }
}
