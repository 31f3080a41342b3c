import Foundation
import GRDB

/// One entry of the change log, which is also the audit log: one write, its operation, who made it,
/// when (a ``HybridClock`` stamp), at which site, and the rows it changed.
///
/// Each site numbers its entries 1, 2, 3… and chains them: an entry holds the hash of the same site's
/// previous entry, and its own hash covers every field but the local `id`, so an entry edited,
/// deleted or put in another order is found by ``ChangeChain``. Entries received from other sites
/// keep their own site, number and hash, so any database can check and forward them.
public struct ChangeEntry: Codable, Hashable, Sendable, Identifiable {
    public var id: Int64?
    public var uuid: String
    /// The code of the site that made the change.
    public var site: String
    /// 1, 2, 3… within the site.
    public var siteSequence: Int64
    /// The ``HybridClock/Stamp`` of the change, as text.
    public var hlc: String
    /// Who made it: an OS account such as `dilnoza`, or `web:NAME`.
    public var actor: String
    /// A ``ChangeOperation`` name.
    public var operation: String
    /// What the rows do not say, such as the change a closed period refused.
    public var detail: String?
    /// The events, participants and period locks the change concerns, as a JSON object of uuid lists.
    public var subjects: String
    /// The rows changed, in order, in one of the two forms of ``ChangeRows`` (``listedRows`` reads either); foreign
    /// keys are written as the referenced row's uuid, in a column whose name ends `Uuid`.
    public var rows: String
    /// The hash of the same site's previous entry; nil for its first.
    public var previousHash: String?
    /// SHA-256 of ``canonicalText``, in hexadecimal.
    public var hash: String

    public var stamp: HybridClock.Stamp? { HybridClock.Stamp(hlc) }

    /// The rows as a JSON array of `{"kind","table","uuid","values"}`, whichever form they are stored in.
    public var listedRows: String { ChangeRows.listed(rows) }

    /// The text the hash covers: every field but `id` and `hash`, as JSON with sorted keys. The
    /// `rows` and `subjects` are JSON already and go in as they are stored.
    public var canonicalText: String {
        let (head, tail) = canonicalTextAroundRows
        return head + rows + tail
    }

    /// The canonical text before and after the rows, which are hashed where they lie.
    var canonicalTextAroundRows: (head: String, tail: String) {
        ("{\"actor\":\(CanonicalJSON.string(actor)),\"detail\":\(CanonicalJSON.optionalString(detail)),"
            + "\"hlc\":\(CanonicalJSON.string(hlc)),\"operation\":\(CanonicalJSON.string(operation)),"
            + "\"previousHash\":\(CanonicalJSON.optionalString(previousHash)),\"rows\":",
         ",\"site\":\(CanonicalJSON.string(site)),\"siteSequence\":\(siteSequence),"
            + "\"subjects\":\(subjects),\"uuid\":\(CanonicalJSON.string(uuid))}")
    }

    /// The hash the entry should carry, computed from its other fields.
    public var computedHash: String {
        ChangeHash.of(self)
    }
}

extension ChangeEntry: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "change"

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let site = Column(CodingKeys.site)
        public static let siteSequence = Column(CodingKeys.siteSequence)
        public static let hlc = Column(CodingKeys.hlc)
        public static let actor = Column(CodingKeys.actor)
        public static let operation = Column(CodingKeys.operation)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
