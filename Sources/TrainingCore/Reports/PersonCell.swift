/// A person's sex, age group and category as one of 126 cells, and cells back into a ``RegionSummary/Breakdown``.
enum PersonCell {
    private static let sexes: [SexGroup] = [.female, .male, .unknown]
    private static let ages = AgeGroup.allCases
    private static let categories = ParticipantCategory.allCases
    static let count = sexes.count * ages.count * categories.count

    /// The cell of a person with packed attributes, at an event in `year`.
    static func index(_ packed: Int32, year: Int) -> Int {
        let sex = Int(packed % 3)
        let category = Int(packed / 3 % 7)
        let birthYear = Int(packed / 21)
        let age = AgeGroup(age: birthYear == 0 ? nil : year - birthYear)
        return (sex * ages.count + ages.firstIndex(of: age)!) * categories.count + category
    }

    static func breakdown(_ cells: ArraySlice<Int>) -> RegionSummary.Breakdown {
        var breakdown = RegionSummary.Breakdown()
        for (offset, count) in cells.enumerated() where count > 0 {
            let category = offset % categories.count
            let age = offset / categories.count % ages.count
            let sex = offset / categories.count / ages.count
            breakdown.add(count, sex: sexes[sex], age: ages[age], category: categories[category])
        }
        return breakdown
    }
}
