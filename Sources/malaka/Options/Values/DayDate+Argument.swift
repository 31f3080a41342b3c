import ArgumentParser
import TrainingCore

// Days and times as the command line gives them; each option's help says the format.

/// `2019-03-25`, `25.03.2019` or `25/03/2019`; a day that does not exist is refused.
extension DayDate: ParsedValue {
    public var defaultValueDescription: String { iso }
}

/// `09:00`, `9:00` or `9.00`.
extension TimeOfDay: ParsedValue {}

/// `09:00-13:00`, ending after it starts.
extension TimeRange: ParsedValue {}
