import Foundation

/// A calendar day without a time or a time zone, as sessions and birth dates are written.
///
/// Accepts ISO `2019-03-25` and the day-first `25.03.2019` that Russian- and
/// Uzbek-locale spreadsheets use, and refuses days that do not exist.
///
/// For example:
/// ```swift
/// let day = try DayDate(parsing: "25.03.2019")
/// day.iso        // "2019-03-25"
/// day.adding(days: 7).iso // "2019-04-01"
/// ```
public struct DayDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Creates a day, or returns nil if it does not exist (31 February, month 13).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...DayDate.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `2019-03-25` or `25.03.2019` (also `25/03/2019`), leading and trailing spaces ignored.
    public init(parsing text: String) throws {
        let trimmed = text.trimmingSpaces()
        let parts: [Substring]
        let yearFirst: Bool
        if trimmed.contains("-") {
            parts = trimmed.split(separator: "-", omittingEmptySubsequences: false)
            yearFirst = true
        } else if trimmed.contains(".") {
            parts = trimmed.split(separator: ".", omittingEmptySubsequences: false)
            yearFirst = false
        } else if trimmed.contains("/") {
            parts = trimmed.split(separator: "/", omittingEmptySubsequences: false)
            yearFirst = false
        } else {
            throw DayDate.formatError(text)
        }
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else {
            throw DayDate.formatError(text)
        }
        let numbers = parts.compactMap { Int($0) }
        guard numbers.count == 3 else { throw DayDate.formatError(text) }
        let (y, m, d) = yearFirst ? (numbers[0], numbers[1], numbers[2]) : (numbers[2], numbers[1], numbers[0])
        let yearDigits = yearFirst ? parts[0].count : parts[2].count
        guard yearDigits == 4 else { throw DayDate.formatError(text) }
        guard let date = DayDate(year: y, month: m, day: d) else {
            throw MalakaError(.data, .noSuchDay, "“\(text)” is not a day that exists. Check the day and the month.")
        }
        self = date
    }

    /// The ISO 8601 form, `2019-03-25`, as stored in the database.
    public var iso: String {
        // Not `String(format:)`: every date bound to a statement goes through here, and Foundation's formatting
        // cost more than the rest of marking a session.
        Self.digits(year, 4) + "-" + Self.digits(month, 2) + "-" + Self.digits(day, 2)
    }

    /// The day-first form people write in the region, `25.03.2019`.
    public var dotted: String {
        Self.digits(day, 2) + "." + Self.digits(month, 2) + "." + Self.digits(year, 4)
    }

    /// `number` in decimal with leading zeros up to `width` digits (the numbers of a valid day are not negative).
    static func digits(_ number: Int, _ width: Int) -> String {
        let text = String(number)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    public var description: String { iso }

    /// Days since 1970-01-01, on the proleptic Gregorian calendar.
    public var dayNumber: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The day `dayNumber` days after 1970-01-01.
    public init(dayNumber: Int) {
        let z = dayNumber + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    public func adding(days: Int) -> DayDate {
        DayDate(dayNumber: dayNumber + days)
    }

    /// 1 = Monday … 7 = Sunday (ISO 8601).
    public var weekday: Int {
        // 1970-01-01 was a Thursday.
        let index = ((dayNumber % 7) + 7 + 3) % 7
        return index + 1
    }

    public static func < (lhs: DayDate, rhs: DayDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func formatError(_ text: String) -> MalakaError {
        MalakaError(.data, .notADate, "“\(text)” is not a date. Write it as 2019-03-25 or 25.03.2019.")
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
