extension RegionSummary.Breakdown {
    mutating func merge(_ other: RegionSummary.Breakdown) {
        total += other.total
        bySex.merge(other.bySex, uniquingKeysWith: +)
        byAge.merge(other.byAge, uniquingKeysWith: +)
        byCategory.merge(other.byCategory, uniquingKeysWith: +)
    }
}
