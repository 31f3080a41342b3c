import ArgumentParser
import TrainingCore

// Days and times are parsed by the argument parser, so that a bad one is refused naming its option
// (a usage error, exit 64) before anything is opened. The option's help says the format.

extension DayDate: ExpressibleByArgument {
    /// `2019-03-25`, `25.03.2019` or `25/03/2019`; nil for anything else or a day that does not exist.
    public init?(argument: String) {
        guard let day = try? DayDate(parsing: argument) else { return nil }
        self = day
    }

    public var defaultValueDescription: String { iso }
}

extension TimeOfDay: ExpressibleByArgument {
    /// `09:00`, `9:00` or `9.00`.
    public init?(argument: String) {
        guard let time = try? TimeOfDay(parsing: argument) else { return nil }
        self = time
    }
}

extension TimeRange: ExpressibleByArgument {
    /// `09:00-13:00`, ending after it starts.
    public init?(argument: String) {
        guard let range = try? TimeRange(parsing: argument) else { return nil }
        self = range
    }
}
