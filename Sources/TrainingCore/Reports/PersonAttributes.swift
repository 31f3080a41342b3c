/// What a person is counted by, packed in one number by SQL (see ``RegionSummaryQuery/personColumn``):
/// the position of their sex in `[female, male]` (2 when not recorded), plus 3 × the position of
/// their category, plus 21 × their birth year (0 when not recorded).
struct PersonAttributes {
    private var dense: [Int32] = []
    private var sparse: [Int64: Int32] = [:]

    /// A table for people whose ids run up to `maximumID`: an array when that is not much more than their number.
    init(maximumID: Int64, count: Int) {
        if maximumID < 4 * Int64(count) + 1024 {
            dense = Array(repeating: 0, count: Int(maximumID) + 1)
        }
    }

    mutating func set(_ id: Int64, _ packed: Int32) {
        if id < dense.count { dense[Int(id)] = packed } else { sparse[id] = packed }
    }

    subscript(id: Int64) -> Int32 {
        id < dense.count ? dense[Int(id)] : sparse[id] ?? 2
    }
}
