/// The days on which each person of the synthetic programme is already at an event, so that the generator
/// enrolls nobody in two events that meet on the same day.
struct BusyDays {
    private var days: [Int64: Set<Int>] = [:]

    /// Whether `person` is at an event on any of `dayNumbers`.
    func isBusy(_ person: Int64, onAnyOf dayNumbers: [Int]) -> Bool {
        guard let booked = days[person] else { return false }
        return dayNumbers.contains { booked.contains($0) }
    }

    /// Records that `people` are at an event on `dayNumbers`.
    mutating func book(_ people: [Int64], on dayNumbers: [Int]) {
        for person in people { days[person, default: []].formUnion(dayNumbers) }
    }
}
