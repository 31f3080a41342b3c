import ArgumentParser
import TrainingCore

/// One `--session` of `event create`: a day, with times of its own after `@` (`2019-03-25@09:00-12:00`).
struct SessionDay: ExpressibleByArgument {
    let date: DayDate
    /// The day's own times; the event's `--time` when nil.
    let time: TimeRange?

    init?(argument: String) {
        let parts = argument.split(separator: "@", maxSplits: 1).map(String.init)
        guard let date = parts.first.flatMap(DayDate.init(argument:)) else { return nil }
        self.date = date
        if parts.count == 2 {
            guard let time = TimeRange(argument: parts[1]) else { return nil }
            self.time = time
        } else {
            time = nil
        }
    }
}
