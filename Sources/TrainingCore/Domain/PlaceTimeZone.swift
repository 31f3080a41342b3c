import Foundation
import GRDB

/// The time zone of a place where sessions are held: wall-clock times are local to it.
///
/// Uzbekistan keeps `Asia/Tashkent` (UTC+5) and Kyrgyzstan `Asia/Bishkek`
/// (UTC+6); neither has had daylight saving time since 2005, so the offsets are fixed.
///
/// For example:
/// ```swift
/// PlaceTimeZone(regionCode: "KG-C")   // .bishkek
/// PlaceTimeZone.bishkek.utcOffsetMinutes   // 360
/// ```
public enum PlaceTimeZone: String, CaseIterable, Codable, Sendable, DatabaseValueConvertible {
    case tashkent = "Asia/Tashkent"
    case bishkek = "Asia/Bishkek"

    /// The zone of a region, by its ISO 3166-2 code (`UZ-…` or `KG-…`).
    public init(regionCode: String) {
        self = regionCode.uppercased().hasPrefix("KG") ? .bishkek : .tashkent
    }

    /// The IANA identifier, as iCalendar's TZID.
    public var identifier: String { rawValue }

    /// Minutes east of UTC.
    public var utcOffsetMinutes: Int {
        switch self {
        case .tashkent: 5 * 60
        case .bishkek: 6 * 60
        }
    }

    /// `+0500`, as iCalendar writes an offset.
    public var offsetText: String {
        String(format: "+%02d%02d", utcOffsetMinutes / 60, utcOffsetMinutes % 60)
    }

    /// Minutes since 1970-01-01 00:00 UTC of a wall-clock time on a day in this zone.
    public func absoluteMinute(_ day: DayDate, _ time: TimeOfDay) -> Int {
        day.dayNumber * 1440 + time.minutes - utcOffsetMinutes
    }
}
