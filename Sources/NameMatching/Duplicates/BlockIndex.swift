/// Records grouped by blocking key, with oversized blocks ordered for a
/// sliding window.
///
/// A block holds every record that filed its key. Comparing all pairs in a
/// block costs its size squared, so a block larger than `maximumBlockSize`
/// (a very common name pair, or one trainer's phone written for a whole
/// list) is *capped*: its members are sorted by ``sortKey`` (the record's
/// name skeletons in alphabetical order, then birth year) and each record is
/// compared only with the `window` records on either side of it — the
/// sorted-neighbourhood method. Duplicates in a capped block still meet
/// because they sort next to each other; the cost stays linear.
///
/// For example, with `maximumBlockSize: 200, window: 24`, a block of 5,000
/// records costs 120,000 comparisons instead of 12.5 million.
struct BlockIndex: Sendable {
    /// Block key → block number.
    private var blockOfKey: [UInt64: Int32] = [:]
    /// Block `b` is `members[starts[b] ..< starts[b + 1]]`.
    private var starts: [Int32] = [0]
    private(set) var members: [Int32] = []
    /// For each record, its `(block, position in members)` postings:
    /// `postings[postingStarts[i] ..< postingStarts[i + 1]]`.
    private var postingStarts: [Int32] = []
    private var postings: [(block: Int32, position: Int32)] = []
    let maximumBlockSize: Int
    let window: Int

    /// Builds the index from each record's keys.
    ///
    /// - Parameter sortKey: the order within capped blocks.
    init(keysOfRecord: [[UInt64]], maximumBlockSize: Int, window: Int, sortKey: (Int32, Int32) -> Bool) {
        self.maximumBlockSize = maximumBlockSize
        self.window = window
        var filed: [(key: UInt64, record: Int32)] = []
        filed.reserveCapacity(keysOfRecord.reduce(0) { $0 + $1.count })
        for (record, keys) in keysOfRecord.enumerated() {
            for key in keys { filed.append((key, Int32(record))) }
        }
        filed.sort { $0.key != $1.key ? $0.key < $1.key : $0.record < $1.record }

        members.reserveCapacity(filed.count)
        var counts = [Int32](repeating: 0, count: keysOfRecord.count + 1)
        var start = 0
        while start < filed.count {
            var end = start + 1
            while end < filed.count && filed[end].key == filed[start].key { end += 1 }
            // A block of one record compares nothing in `candidates`, but
            // a newcomer looking for matches may still meet it.
            blockOfKey[filed[start].key] = Int32(starts.count - 1)
            var block = filed[start..<end].map(\.record)
            if block.count > maximumBlockSize { block.sort(by: sortKey) }
            members.append(contentsOf: block)
            starts.append(Int32(members.count))
            for record in block { counts[Int(record)] += 1 }
            start = end
        }

        postingStarts = [Int32](repeating: 0, count: keysOfRecord.count + 1)
        for i in 0..<keysOfRecord.count { postingStarts[i + 1] = postingStarts[i] + counts[i] }
        postings = [(block: Int32, position: Int32)](repeating: (0, 0), count: members.count)
        var fill = Array(postingStarts.dropLast())
        for b in 0..<(starts.count - 1) {
            for p in Int(starts[b])..<Int(starts[b + 1]) {
                let record = Int(members[p])
                postings[Int(fill[record])] = (Int32(b), Int32(p))
                fill[record] += 1
            }
        }
    }

    /// Appends to `neighbours` every record that shares a block with
    /// `record` and has a larger number, within the window in capped
    /// blocks. A record may be appended more than once.
    func appendLaterNeighbours(of record: Int32, to neighbours: inout [Int32]) {
        for k in Int(postingStarts[Int(record)])..<Int(postingStarts[Int(record) + 1]) {
            let (block, position) = postings[k]
            let lower = Int(starts[Int(block)]), upper = Int(starts[Int(block) + 1])
            let range = upper - lower > maximumBlockSize
                ? max(lower, Int(position) - window)..<min(upper, Int(position) + window + 1)
                : lower..<upper
            for p in range where members[p] > record {
                neighbours.append(members[p])
            }
        }
    }

    /// Calls `body` with the records filed under `key`; for a capped block,
    /// only the `window` records on either side of where `isBefore` places
    /// a newcomer.
    func forEachMember(of key: UInt64, isBefore: (Int32) -> Bool, _ body: (Int32) -> Void) {
        guard let block = blockOfKey[key] else { return }
        let lower = Int(starts[Int(block)]), upper = Int(starts[Int(block) + 1])
        if upper - lower > maximumBlockSize {
            // Binary search for the first member the newcomer sorts before.
            var low = lower, high = upper
            while low < high {
                let mid = (low + high) / 2
                if isBefore(members[mid]) { high = mid } else { low = mid + 1 }
            }
            for p in max(lower, low - window)..<min(upper, low + window) { body(members[p]) }
        } else {
            for p in lower..<upper { body(members[p]) }
        }
    }
}
