import Foundation

/// A calendar day as a certificate token signs it: a whole day, no time and no time zone, from 2000 to 2179.
///
/// Tokens hold days as a count from 2000-01-01 in two bytes; this type keeps that
/// count and gives the day in the forms people read. For example:
/// ```swift
/// let day = TokenDate(year: 2019, month: 3, day: 25)!
/// day.dotted   // "25.03.2019"
/// ```
public struct TokenDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 2000-01-01, the first day a token can carry.
    public let daysSince2000: Int

    /// The last day two bytes reach.
    static let lastDay = Int(UInt16.max)

    public init(daysSince2000: Int) {
        self.daysSince2000 = daysSince2000
    }

    /// The day, or nil when it does not exist (31 February).
    public init?(year: Int, month: Int, day: Int) {
        let parts = DateComponents(year: year, month: month, day: day)
        guard parts.isValidDate(in: TokenDate.calendar), let date = TokenDate.calendar.date(from: parts),
              let days = TokenDate.calendar.dateComponents([.day], from: TokenDate.epoch, to: date).day
        else { return nil }
        daysSince2000 = days
    }

    /// The calendar day of a moment, in UTC: how a key's retirement time is compared with a token's days.
    public init(utcDayOf date: Date) {
        let seconds = date.timeIntervalSince(TokenDate.epoch)
        daysSince2000 = Int((seconds / 86_400).rounded(.down))
    }

    public var year: Int { components.year! }
    public var month: Int { components.month! }
    public var day: Int { components.day! }

    /// `2019-03-25`.
    public var iso: String { String(format: "%04d-%02d-%02d", year, month, day) }
    /// `25.03.2019`, as people in the region write a day.
    public var dotted: String { String(format: "%02d.%02d.%04d", day, month, year) }
    public var description: String { iso }

    /// Whether the token's two bytes can hold the day.
    var fitsToken: Bool { (0...TokenDate.lastDay).contains(daysSince2000) }

    public static func < (lhs: TokenDate, rhs: TokenDate) -> Bool { lhs.daysSince2000 < rhs.daysSince2000 }

    private var components: DateComponents {
        let date = TokenDate.epoch.addingTimeInterval(Double(daysSince2000) * 86_400)
        return TokenDate.calendar.dateComponents([.year, .month, .day], from: date)
    }

    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// 2000-01-01T00:00:00Z.
    private static let epoch = Date(timeIntervalSince1970: 946_684_800)
}
