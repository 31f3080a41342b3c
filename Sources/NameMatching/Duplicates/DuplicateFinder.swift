import Foundation
import MalakaSupport

/// Finds records that describe the same person among many, without
/// comparing every pair.
///
/// Records are filed under blocking keys (see ``BlockingKeys``: pairs of
/// name words by phonetic skeleton, with one-letter deletions for typos,
/// single-word names, phone numbers) and only records sharing a key are
/// compared with ``compare(_:_:)``. Blocks larger than `maximumBlockSize`
/// are searched with a sliding window of `window` records on either side
/// after sorting by name (see ``BlockIndex``), so that very common names and
/// a phone number shared by a whole list stay cheap. Agreeing on a name
/// word that many of the indexed people carry weighs less than in
/// ``compare(_:_:)`` (see ``WordFrequencies``): two Gulnora Karimovas born
/// the same year are not taken for one person on that alone.
///
/// Not found (no shared key): a one-word name and a full name that share
/// no phone, and two records with typos in every name word and no shared
/// phone. Work is spread over all cores.
///
/// For example:
/// ```swift
/// let finder = DuplicateFinder(people: [
///     (id: 1, facts: PersonFacts(name: "Gulnora Karimova", birthYear: 1987)),
///     (id: 2, facts: PersonFacts(name: "Каримова Гулнора Рустамовна", birthYear: 1987)),
///     (id: 3, facts: PersonFacts(name: "Nilufar Karimova", birthYear: 1991)),
/// ])
/// finder.candidates(minimumScore: 0.9).map { ($0.idA, $0.idB) }  // [(1, 2)]
/// finder.matches(for: PersonFacts(name: "Karimova Gulnora")).first?.id  // 1
/// ```
public struct DuplicateFinder: Sendable {
    private let ids: [Int64]
    private let people: [PreparedPerson]
    private let sortKeys: [[UInt8]]
    private let index: BlockIndex
    private let initialsIndex: BlockIndex
    private let initialsProbes: [[UInt64]]
    private let frequencies: WordFrequencies
    private let summaries: [FactsSummary]

    /// The block size above which a block is searched with a sliding window.
    public static let defaultMaximumBlockSize = 200
    /// Records compared on either side of each record in a capped block.
    public static let defaultWindow = 24

    /// Prepares and indexes `people`; ids need not be unique or ordered.
    public init(
        people: [(id: Int64, facts: PersonFacts)],
        maximumBlockSize: Int = DuplicateFinder.defaultMaximumBlockSize,
        window: Int = DuplicateFinder.defaultWindow
    ) {
        ids = people.map(\.id)
        let prepared = Parallel.map(people.count) { PreparedPerson(people[$0].facts) }
        self.people = prepared
        summaries = prepared.map(FactsSummary.init)
        frequencies = WordFrequencies(prepared)
        let sortKeys = prepared.map(Self.sortKey)
        self.sortKeys = sortKeys
        let keys = Parallel.map(prepared.count) { BlockingKeys(prepared[$0]) }
        initialsProbes = keys.map(\.initialsProbes)
        let before: (Int32, Int32) -> Bool = { a, b in
            let ka = sortKeys[Int(a)], kb = sortKeys[Int(b)]
            return ka != kb ? ka.lexicographicallyPrecedes(kb) : a < b
        }
        index = BlockIndex(keysOfRecord: keys.map(\.keys), maximumBlockSize: maximumBlockSize,
                           window: window, sortKey: before)
        initialsIndex = BlockIndex(keysOfRecord: keys.map(\.initialsKeys), maximumBlockSize: maximumBlockSize,
                                   window: window, sortKey: before)
    }

    /// The number of records indexed.
    public var count: Int { ids.count }

    /// Every pair of indexed records whose score reaches `minimumScore`,
    /// best first; `idA` is the record given earlier to `init`.
    public func candidates(minimumScore: Double = MatchAssessment.possibleThreshold) -> [Candidate] {
        let threshold = Self.logit(minimumScore)
        let chunks = Parallel.chunkCount(people.count)
        let found = Parallel.mapChunks(chunks: chunks, count: people.count) { range in
            candidatePairs(in: range, threshold: threshold)
        }
        // A pair met from both sides through the initials index is kept once.
        var reported = Set<Int64>()
        let unique = found.joined().filter { reported.insert(Int64($0.0) << 32 | Int64($0.1)).inserted }
        let candidates = Parallel.map(unique.count) { k in
            let (x, y) = unique[k]
            let evidence = Evidence(people[x], people[y], explain: true, frequencies: frequencies)
            return Candidate(idA: ids[x], idB: ids[y], assessment: MatchAssessment(score: evidence.score, reasons: evidence.reasons))
        }
        return candidates.sorted {
            $0.assessment.score != $1.assessment.score ? $0.assessment.score > $1.assessment.score : ($0.idA, $0.idB) < ($1.idA, $1.idB)
        }
    }

    /// The pairs, as indices with the smaller first, that the records in
    /// `range` form with later records (and, through initials, with any
    /// record) and whose evidence reaches `threshold`.
    private func candidatePairs(in range: Range<Int>, threshold: Double) -> [(Int, Int)] {
        var seen = [Int32](repeating: -1, count: people.count)
        var neighbours: [Int32] = []
        var pairs: [(Int, Int)] = []
        for i in Int32(range.lowerBound)..<Int32(range.upperBound) {
            neighbours.removeAll(keepingCapacity: true)
            index.appendLaterNeighbours(of: i, to: &neighbours)
            let sortKey = sortKeys[Int(i)]
            for probe in initialsProbes[Int(i)] {
                initialsIndex.forEachMember(of: probe, isBefore: { sortKey.lexicographicallyPrecedes(self.sortKeys[Int($0)]) }) { j in
                    if j != i { neighbours.append(j) }
                }
            }
            let summary = summaries[Int(i)]
            for j in neighbours where seen[Int(j)] != i {
                seen[Int(j)] = i
                guard FactsSummary.upperBound(summary, summaries[Int(j)]) >= threshold else { continue }
                let (x, y) = i < j ? (Int(i), Int(j)) : (Int(j), Int(i))
                if Evidence(people[x], people[y], explain: false, frequencies: frequencies).total >= threshold {
                    pairs.append((x, y))
                }
            }
        }
        return pairs
    }

    /// The indexed records that may be the person described by `facts`,
    /// best first.
    public func matches(for facts: PersonFacts, minimumScore: Double = MatchAssessment.possibleThreshold) -> [Match] {
        let person = PreparedPerson(facts)
        let keys = BlockingKeys(person)
        let sortKey = Self.sortKey(person)
        let isBefore: (Int32) -> Bool = { sortKey.lexicographicallyPrecedes(self.sortKeys[Int($0)]) }
        var seen = Set<Int32>()
        var found: [Match] = []
        let threshold = Self.logit(minimumScore)
        let summary = FactsSummary(person)
        func consider(_ j: Int32) {
            guard seen.insert(j).inserted, FactsSummary.upperBound(summary, summaries[Int(j)]) >= threshold else { return }
            let evidence = Evidence(person, people[Int(j)], explain: false, frequencies: frequencies)
            guard evidence.score >= minimumScore else { return }
            let explained = Evidence(person, people[Int(j)], explain: true, frequencies: frequencies)
            found.append(Match(id: ids[Int(j)], assessment: MatchAssessment(score: explained.score, reasons: explained.reasons)))
        }
        for key in keys.keys { index.forEachMember(of: key, isBefore: isBefore, consider) }
        for key in keys.initialsKeys { initialsIndex.forEachMember(of: key, isBefore: isBefore, consider) }
        for probe in keys.initialsProbes { initialsIndex.forEachMember(of: probe, isBefore: isBefore, consider) }
        return found.sorted { $0.assessment.score != $1.assessment.score ? $0.assessment.score > $1.assessment.score : $0.id < $1.id }
    }

    /// The evidence total at which the score is `p`, minus a margin for
    /// rounding: the inverse of the logistic function.
    private static func logit(_ p: Double) -> Double {
        p <= 0 ? -.infinity : p >= 1 ? .infinity : log(p / (1 - p)) - 1e-9
    }

    /// The order within capped blocks: the skeletons of the first name's
    /// words in alphabetical order, then the birth year.
    private static func sortKey(_ person: PreparedPerson) -> [UInt8] {
        var key: [UInt8] = []
        for skeleton in person.names[0].tokens.map(\.skeleton).sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            key.append(contentsOf: skeleton)
            key.append(0x20)
        }
        let year = person.birthYear ?? 0
        key.append(UInt8(truncatingIfNeeded: year >> 8))
        key.append(UInt8(truncatingIfNeeded: year))
        return key
    }
}

