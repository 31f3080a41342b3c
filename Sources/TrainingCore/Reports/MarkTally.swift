/// How many of a participation's sessions were marked present, late and excused.
struct MarkTally: Hashable {
    var present: Int
    var late: Int
    var excused: Int

    init(present: Int, late: Int, excused: Int) {
        self.present = present
        self.late = late
        self.excused = excused
    }

    /// The tally from ``RegionSummaryQuery/packedMarks``: 16 bits each of present and late, then excused.
    init(packed: Int64) {
        present = Int(packed & 0xFFFF)
        late = Int(packed >> Self.lateShift & 0xFFFF)
        excused = Int(packed >> Self.excusedShift)
    }

    static let lateShift = 16
    static let excusedShift = 32

    /// Whether the person came at all: present or late at one session at least.
    var attended: Bool { present + late > 0 }

    /// The marks in some order, for ``CompletionRule/evaluate(_:sessionCount:)``, to which the order does not matter.
    var marks: [AttendanceStatus?] {
        Array(repeating: .present, count: present) + Array(repeating: .late, count: late)
            + Array(repeating: .excused, count: excused)
    }

    /// The sessions a rule credits.
    func credited(under rule: CompletionRule) -> Int {
        (rule.credits(.present) ? present : 0) + (rule.credits(.late) ? late : 0) + (rule.credits(.excused) ? excused : 0)
    }
}
