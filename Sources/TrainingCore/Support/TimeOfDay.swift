import Foundation

/// A wall-clock time, minutes after midnight, local to the event's place.
public struct TimeOfDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let minutes: Int

    public init?(hour: Int, minute: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        minutes = hour * 60 + minute
    }

    /// Parses `09:00`, `9:00` or `9.00`.
    public init(parsing text: String) throws {
        let parts = text.trimmingSpaces().split(whereSeparator: { $0 == ":" || $0 == "." })
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              let hour = Int(parts[0]), let minute = Int(parts[1]),
              let time = TimeOfDay(hour: hour, minute: minute)
        else {
            throw MalakaError.data("“\(text)” is not a time of day. Write it as 09:00 (24-hour clock).")
        }
        self = time
    }

    public var description: String {
        DayDate.digits(minutes / 60, 2) + ":" + DayDate.digits(minutes % 60, 2)
    }

    public static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool { lhs.minutes < rhs.minutes }
}

/// A start and an end time on one day, written `09:00-13:00`.
public struct TimeRange: Hashable, Sendable, CustomStringConvertible {
    public let start: TimeOfDay
    public let end: TimeOfDay

    public init(start: TimeOfDay, end: TimeOfDay) throws {
        guard end > start else {
            throw MalakaError.data("A session cannot end (\(end)) before or when it starts (\(start)).")
        }
        self.start = start
        self.end = end
    }

    /// Parses `09:00-13:00` (an en dash works too).
    public init(parsing text: String) throws {
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "–" })
        guard parts.count == 2 else {
            throw MalakaError.data("“\(text)” is not a time range. Write it as 09:00-13:00.")
        }
        try self.init(start: TimeOfDay(parsing: String(parts[0])), end: TimeOfDay(parsing: String(parts[1])))
    }

    /// Length in hours, e.g. 4.0 for 09:00-13:00.
    public var hours: Double { Double(end.minutes - start.minutes) / 60 }

    public var description: String { "\(start)-\(end)" }
}
