import ArgumentParser
import TrainingCore

/// What `--every` repeats by: a day, a week (on the weekdays of `--on`) or a month.
enum RecurrenceUnit: String, CaseIterable, ExpressibleByArgument {
    case day, week, month

    /// Also the plural and the adverb: `days`, `daily`, `weekly`…
    init?(argument: String) {
        switch argument.trimmingCharacters(in: .whitespaces).lowercased() {
        case "day", "days", "daily": self = .day
        case "week", "weeks", "weekly": self = .week
        case "month", "months", "monthly": self = .month
        default: return nil
        }
    }

    /// The frequency, with the weekdays a weekly recurrence falls on.
    func frequency(on weekdays: Weekdays?) -> Recurrence.Frequency {
        switch self {
        case .day: .daily
        case .week: .weekly(weekdays?.days ?? [])
        case .month: .monthly
        }
    }
}

/// The weekdays of `--on`, such as `tuesday` or `tue,thu`, in any of the five languages.
struct Weekdays: ExpressibleByArgument {
    /// ISO weekday numbers, Monday 1 to Sunday 7.
    let days: Set<Int>

    init?(argument: String) {
        let names = argument.split(separator: ",")
        guard !names.isEmpty, let days = try? names.map({ try Recurrence.weekday(parsing: String($0)) }) else { return nil }
        self.days = Set(days)
    }
}
