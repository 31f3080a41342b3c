/// People merged into one another are one person, however and wherever the merges were made: one record
/// merged into two others at two sites makes those two one too, and two sites merging the same pair each its
/// own way make one.
///
/// Every site decides a group's record the same way from the merges it knows, so that once every merge is
/// delivered all sites agree, whatever order the merges came in:
/// - the group is every record a merge joined, directly or through others;
/// - the group keeps the record its latest merge kept (by hybrid clock): the latest decision a person made
///   stands, and a site that merges two records keeps the one it chose without waiting to hear from others;
/// - that record shows the details of its own latest change; changes made elsewhere to the other records
///   stay in the change log and are left out, as changes to a deleted record are.
///
/// For example, a record merged into one person at one site and into another at a second site:
/// ```swift
/// let group = MergeGroup(merges: [
///     .init(merged: "a", kept: "b", hlc: "1778000000000-0000-XO-URG1"),
///     .init(merged: "a", kept: "c", hlc: "1778000060000-0000-SA-SAM1"),
/// ])
/// group?.members  // ["a", "b", "c"]
/// group?.record   // "c"
/// ```
struct MergeGroup: Hashable, Sendable {
    /// One merge: `merged` into `kept`, at the hybrid clock of the change that made it.
    struct Merge: Hashable, Sendable {
        var merged: String
        var kept: String
        var hlc: String
    }

    /// Every record the group's merges name.
    let members: Set<String>
    /// The record the group keeps.
    let record: String

    /// The group of connected merges; nil when there are none.
    init?(merges: some Collection<Merge>) {
        // Two merges at one clock are two sites' changes only if their sites differ, and the clock names the
        // site: the uuids decide only between merges of one change, which never happens, but must be total.
        guard let latest = merges.max(by: { ($0.hlc, $0.kept, $0.merged) < ($1.hlc, $1.kept, $1.merged) }) else { return nil }
        members = Set(merges.flatMap { [$0.merged, $0.kept] })
        record = latest.kept
    }

    /// The groups that `merges` make, each with its own merges.
    static func groups(of merges: [Merge]) -> [MergeGroup] {
        var grouped: Set<String> = []
        var groups: [MergeGroup] = []
        for merge in merges where !grouped.contains(merge.merged) {
            let connected = Self.merges(connectedTo: merge.merged) { uuid in merges.filter { $0.merged == uuid || $0.kept == uuid } }
            guard let group = MergeGroup(merges: connected) else { continue }
            grouped.formUnion(group.members)
            groups.append(group)
        }
        return groups
    }

    /// The merges connected to `start`, found by asking `partners` for the merges that name one record at a time.
    static func merges(connectedTo start: String, partners: (String) throws -> [Merge]) rethrows -> [Merge] {
        var seen: Set<String> = [start]
        var queue = [start]
        var found: Set<Merge> = []
        while let uuid = queue.popLast() {
            for merge in try partners(uuid) where found.insert(merge).inserted {
                for next in [merge.merged, merge.kept] where seen.insert(next).inserted { queue.append(next) }
            }
        }
        return Array(found)
    }
}
