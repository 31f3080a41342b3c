/// What to do with one incoming row change from another site, decided in one place for every table.
///
/// The rules (README, “Working from many places”; docs/coordinator.md):
/// - something it refers to is not here yet: **hold it back**, and apply it when that arrives;
/// - a deletion travels as a **tombstone**; a deleted row never comes back, and certificates are never deleted;
///   but a mark outweighs a removal from an event's list or a session's deletion made without seeing it (the
///   enrollment or session stays or comes back, and so does a mark deleted with its session and marked again after
///   the deletion, but not the same mark made before it at another site), and a row made at two sites is deleted
///   under both uuids
///   (``BundleApplier``, BundleApplier+Removals.swift and BundleApplier+Sessions.swift);
/// - a change the sender made after seeing ours (not concurrent) is **applied**;
/// - attendance, and any other row changed at two places at once: the **later** change (by hybrid logical
///   clock, the same order at every site) wins, and the one it beat is **listed**;
/// - a person's identity (name in either script, sex, birth year) changed at two places at once is never
///   overwritten silently: the later version is shown and both are **queued** for a person to resolve;
/// - certificates are append-only and a revocation always wins;
/// - an event belongs to the site that made it: another site's edit needs the coordinator's role, else it is
///   **kept out and listed**.
///
/// Every site decides the same way from the same two versions, so that after full delivery all agree.
///
/// For example:
/// ```swift
/// let decision = ConflictRule(table: "attendance").decide(local: here, incoming: there, concurrent: true)
/// // .apply(listingLocal: true) when `there` is later
/// ```
public struct ConflictRule: Sendable {
    /// One version of a row: when and where it was written, and its values (nil for a deletion).
    public struct Version: Hashable, Sendable {
        /// The hybrid logical clock of the change that wrote it: `<wall ms>-<counter>-<site>`, sortable as text.
        public var hlc: String
        /// The site that made the change.
        public var site: String
        /// Column → value as text (nil for SQL NULL); nil when the row was deleted.
        public var values: [String: String?]?

        public init(hlc: String, site: String, values: [String: String?]?) {
            self.hlc = hlc
            self.site = site
            self.values = values
        }

        var isDeletion: Bool { values == nil }
    }

    /// What the change refers to and who made it, beyond the two versions.
    public struct Context: Hashable, Sendable {
        /// Identifiers the incoming version refers to that this database does not hold.
        public var missingReferences: [String]
        /// For an event: the site that made it.
        public var ownerSite: String?
        /// Whether the change was made by someone in the coordinator's role.
        public var byCoordinator: Bool

        public init(missingReferences: [String] = [], ownerSite: String? = nil, byCoordinator: Bool = false) {
            self.missingReferences = missingReferences
            self.ownerSite = ownerSite
            self.byCoordinator = byCoordinator
        }
    }

    /// Which of the two versions a database shows.
    public enum Side: String, Hashable, Sendable {
        case local, incoming
    }

    public enum Decision: Hashable, Sendable {
        /// Write the incoming version; `listingLocal` when it beat a concurrent local one a person should see.
        case apply(listingLocal: Bool)
        /// Keep what is here; `listingIncoming` when the incoming version lost and a person should see it.
        case keepLocal(listingIncoming: Bool)
        /// Show `showing`'s version (the later, the same at every site) and queue both for a person: `fields` differ.
        case queueConflict(showing: Side, fields: [String])
        /// Delete the row and keep its tombstone.
        case tombstone
        /// Wait for these identifiers to arrive.
        case holdBack(missing: [String])
    }

    /// The identity fields of a person: changed at two places at once, they go to the review queue.
    public static let identityFields: Set<String> = ["fullName", "alternateName", "sex", "birthYear"]

    public var table: String

    public init(table: String) {
        self.table = table
    }

    /// Decides for one row.
    ///
    /// - Parameters:
    ///   - local: the row here, or nil when this database has never held it.
    ///   - concurrent: whether `local` was written by a change the sender did not hold.
    public func decide(local: Version?, incoming: Version, concurrent: Bool, context: Context = Context()) -> Decision {
        if incoming.isDeletion {
            // A certificate is evidence that was handed out: it is revoked, never deleted.
            if table == "certificate", local?.isDeletion == false { return .keepLocal(listingIncoming: true) }
            return local?.isDeletion == true ? .keepLocal(listingIncoming: false) : .tombstone
        }
        guard let local else {
            return context.missingReferences.isEmpty ? .apply(listingLocal: false) : .holdBack(missing: context.missingReferences)
        }
        // Deleted here: the tombstone stays, whatever edit of the row was made elsewhere.
        if local.isDeletion { return .keepLocal(listingIncoming: concurrent) }
        if local.values == incoming.values { return .keepLocal(listingIncoming: false) }
        if !context.missingReferences.isEmpty { return .holdBack(missing: context.missingReferences) }
        if table == "event", let owner = context.ownerSite, incoming.site != owner, !context.byCoordinator {
            return .keepLocal(listingIncoming: true)
        }
        if table == "certificate" { return certificate(local: local, incoming: incoming) }
        guard concurrent else { return .apply(listingLocal: false) }
        let incomingIsLater = incoming.hlc > local.hlc
        if table == "participant" {
            let differing = Self.identityFields.filter { (local.values?[$0] ?? nil) != (incoming.values?[$0] ?? nil) }.sorted()
            if !differing.isEmpty { return .queueConflict(showing: incomingIsLater ? .incoming : .local, fields: differing) }
        }
        return incomingIsLater ? .apply(listingLocal: true) : .keepLocal(listingIncoming: true)
    }

    /// Append-only: a revoked certificate stays revoked; otherwise the later status stands.
    private func certificate(local: Version, incoming: Version) -> Decision {
        func rank(_ version: Version) -> Int {
            switch version.values?["status"] ?? nil {
            case "revoked": 2
            case "superseded": 1
            default: 0
            }
        }
        let (here, there) = (rank(local), rank(incoming))
        if here != there { return there > here ? .apply(listingLocal: false) : .keepLocal(listingIncoming: false) }
        return incoming.hlc > local.hlc ? .apply(listingLocal: false) : .keepLocal(listingIncoming: false)
    }
}
