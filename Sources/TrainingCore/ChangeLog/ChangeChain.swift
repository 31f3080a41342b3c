/// Checks the change log's hash chains: for each site, entries numbered 1, 2, 3… without a gap, each
/// holding the previous one's hash and a hash of its own that matches its content.
///
/// A plain type over entries already read, so it is tested without a database.
///
/// For example:
/// ```swift
/// let breaks = ChangeChain.verify(entries, heads: ["XO-URG1": 12])
/// breaks.first?.description   // "XO-URG1 #7 (entry 31): its content does not match its hash: it was edited"
/// ```
public enum ChangeChain {
    /// What is wrong with one site's chain, at the first entry where it breaks.
    public struct Break: Hashable, Sendable, CustomStringConvertible {
        public enum Kind: Hashable, Sendable {
            /// The entry's content does not give its hash.
            case edited
            /// The entry does not hold the previous entry's hash: one was replaced or put in another order.
            case unlinked
            /// Entries before this one are missing: `expected` was the next number.
            case missing(expected: Int64)
            /// The site's last entries are missing: the site had reached `head`.
            case truncated(head: Int64)
        }

        public var site: String
        public var sequence: Int64
        /// The local id of the entry, nil when the entry itself is missing.
        public var entryID: Int64?
        public var kind: Kind

        public var description: String {
            let entry = entryID.map { " (entry \($0))" } ?? ""
            switch kind {
            case .edited:
                return "\(site) #\(sequence)\(entry): its content does not match its hash; it was edited after it was recorded."
            case .unlinked:
                return "\(site) #\(sequence)\(entry): it does not follow #\(sequence - 1) of the chain; an entry was replaced or the entries were reordered."
            case .missing(let expected):
                return "\(site) #\(sequence)\(entry): the entries from #\(expected) to #\(sequence - 1) are missing; they were deleted."
            case .truncated(let head):
                return "\(site): the log ends at #\(sequence) but the site had recorded #\(head); the last entries were deleted."
            }
        }
    }

    /// The first break of each site's chain, sites in order; empty when every chain is whole.
    ///
    /// - Parameter heads: for sites whose last number is known (this database's own), that number.
    public static func verify(_ entries: [ChangeEntry], heads: [String: Int64] = [:]) -> [Break] {
        var checker = Checker()
        for entry in entries.sorted(by: { ($0.site, $0.siteSequence) < ($1.site, $1.siteSequence) }) {
            checker.check(entry)
        }
        return checker.breaks(heads: heads)
    }

    /// Checks entries one at a time, in order of site then number, so a log of any size is checked
    /// without holding it in memory.
    public struct Checker {
        private var site: String?
        private var previous: (sequence: Int64, hash: String)?
        private var broken = false
        private var found: [Break] = []
        private var lastSequences: [String: Int64] = [:]

        public init() {}

        public mutating func check(_ entry: ChangeEntry) {
            if entry.site != site {
                site = entry.site
                previous = nil
                broken = false
            }
            lastSequences[entry.site] = entry.siteSequence
            guard !broken else { return }
            let expected = (previous?.sequence ?? 0) + 1
            var kind: Break.Kind?
            if entry.computedHash != entry.hash {
                kind = .edited
            } else if entry.siteSequence != expected {
                kind = .missing(expected: expected)
            } else if entry.previousHash != previous?.hash {
                kind = .unlinked
            }
            if let kind {
                found.append(Break(site: entry.site, sequence: entry.siteSequence, entryID: entry.id, kind: kind))
                broken = true
            }
            previous = (entry.siteSequence, entry.hash)
        }

        /// The breaks found, and a truncation for each site whose log ends before its known head.
        public func breaks(heads: [String: Int64] = [:]) -> [Break] {
            var all = found
            let brokenSites = Set(found.map(\.site))
            for (site, head) in heads where !brokenSites.contains(site) && head > (lastSequences[site] ?? 0) {
                all.append(Break(site: site, sequence: lastSequences[site] ?? 0, entryID: nil, kind: .truncated(head: head)))
            }
            return all.sorted { $0.site < $1.site }
        }
    }
}
