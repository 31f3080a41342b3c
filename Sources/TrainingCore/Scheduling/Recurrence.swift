/// Session days that repeat: every day, every week on some weekdays, or every month.
///
/// A monthly recurrence keeps the day of the month of its first day; in a month
/// that is too short it falls on the month's last day (31 January, 28 February,
/// 31 March). A recurrence ends after a number of sessions or on a last day.
///
/// For example:
/// ```swift
/// let tuesdays = Recurrence(frequency: .weekly([2]), start: try DayDate(parsing: "2019-03-25"), end: .count(4))
/// try tuesdays.days().map(\.iso)   // 2019-03-26, 2019-04-02, 2019-04-09, 2019-04-16
/// ```
public struct Recurrence: Hashable, Sendable {
    public enum Frequency: Hashable, Sendable {
        case daily
        /// ISO weekdays, 1 = Monday … 7 = Sunday; empty means the first day's weekday.
        case weekly(Set<Int>)
        case monthly
    }

    public enum End: Hashable, Sendable {
        case count(Int)
        case until(DayDate)
    }

    /// The most sessions one recurrence makes.
    public static let maximumCount = 366

    public var frequency: Frequency
    /// The first day a session may fall on.
    public var start: DayDate
    public var end: End
    /// Every how many days, weeks or months.
    public var interval: Int

    public init(frequency: Frequency, start: DayDate, end: End, interval: Int = 1) {
        self.frequency = frequency
        self.start = start
        self.end = end
        self.interval = interval
    }

    /// The session days, in order.
    public func days() throws -> [DayDate] {
        guard (1...52).contains(interval) else {
            throw MalakaError.usage("Repeat every 1 to 52 days, weeks or months, not \(interval).")
        }
        switch end {
        case .count(let count):
            guard (1...Self.maximumCount).contains(count) else {
                throw MalakaError(.usage, .valueOutOfRange, "must be from 1 to \(Self.maximumCount), not \(count).",
                                  location: .input(.count))
            }
        case .until(let last):
            guard last >= start else {
                throw MalakaError(.data, .datesOutOfOrder, "The recurrence would end (\(last.dotted)) before its first day (\(start.dotted)).",
                                  remedy: .giveLaterUntil)
            }
        }
        var days: [DayDate] = []
        func wants(_ day: DayDate) -> Bool {
            switch end {
            case .count(let count): days.count < count
            case .until(let last): day <= last
            }
        }
        switch frequency {
        case .daily:
            var day = start
            while wants(day) {
                days.append(day)
                day = day.adding(days: interval)
            }
        case .weekly(let weekdays):
            if let bad = weekdays.first(where: { !(1...7).contains($0) }) {
                throw MalakaError.usage("Weekday \(bad) does not exist; use monday … sunday.")
            }
            let wanted = weekdays.isEmpty ? [start.weekday] : weekdays
            // The Monday of the first week, then each week's wanted days on or after the start.
            var monday = start.adding(days: 1 - start.weekday)
            outer: while true {
                for weekday in wanted.sorted() {
                    let day = monday.adding(days: weekday - 1)
                    guard day >= start else { continue }
                    guard wants(day) else { break outer }
                    days.append(day)
                }
                monday = monday.adding(days: 7 * interval)
            }
        case .monthly:
            var index = 0
            while true {
                let months = start.month - 1 + index * interval
                let year = start.year + months / 12
                let month = months % 12 + 1
                let day = DayDate(year: year, month: month, day: min(start.day, DayDate.daysIn(month: month, year: year)))!
                guard wants(day) else { break }
                days.append(day)
                index += 1
            }
        }
        if days.count > Self.maximumCount {
            throw MalakaError(.usage, .tooManySessions, "The recurrence makes \(days.count) sessions; at most \(Self.maximumCount) are allowed.",
                              remedy: .giveEarlierUntilOrCount)
        }
        return days
    }

    /// Parses a weekday in English, Uzbek or Russian, full or abbreviated: `tuesday`, `tue`, `seshanba`, `вторник`.
    public static func weekday(parsing text: String) throws -> Int {
        let key = text.trimmingSpaces().lowercased()
        let names: [[String]] = [
            ["monday", "mon", "dushanba", "понедельник", "пн", "дүйшөмбү"],
            ["tuesday", "tue", "tues", "seshanba", "вторник", "вт", "шейшемби"],
            ["wednesday", "wed", "chorshanba", "среда", "ср", "шаршемби"],
            ["thursday", "thu", "thur", "thurs", "payshanba", "четверг", "чт", "бейшемби"],
            ["friday", "fri", "juma", "пятница", "пт", "жума"],
            ["saturday", "sat", "shanba", "суббота", "сб", "ишемби"],
            ["sunday", "sun", "yakshanba", "воскресенье", "вс", "жекшемби"],
        ]
        guard let index = names.firstIndex(where: { $0.contains(key) }) else {
            throw MalakaError.usage("“\(text)” is not a day of the week. Write monday, tuesday, … sunday (or mon, tue, …).")
        }
        return index + 1
    }
}

extension EventPlan {
    /// Sessions on the days of a recurrence, all at the same time.
    ///
    /// A recurrence that would run past `lastDay` (the event's end date) is refused
    /// rather than cut short, naming the sessions that fall after it: a
    /// coordinator who asked for ten Tuesdays should not silently get eight.
    public static func recurringSessions(_ recurrence: Recurrence, time: TimeRange, hours: Double? = nil,
                                         lastDay: DayDate? = nil) throws -> [PlannedSession] {
        let days = try recurrence.days()
        if let lastDay {
            let late = days.filter { $0 > lastDay }
            if !late.isEmpty {
                let within = days.filter { $0 <= lastDay }
                let named = late.prefix(5).map(\.dotted).joined(separator: ", ") + (late.count > 5 ? " and \(late.count - 5) more" : "")
                let remedy: MalakaError.Remedy = within.last.map { .endRecurrenceSooner(until: $0, count: within.count) }
                    ?? .startRecurrenceEarlierOrExtendEvent
                throw MalakaError(.data, .recurrencePastEvent, "The recurrence runs past the event's last day, \(lastDay.dotted): \(late.count) session(s) would fall after it (\(named)). Nothing was changed.",
                                  remedy: remedy)
            }
        }
        return days.map { PlannedSession(date: $0, time: time, hours: hours) }
    }
}
