/// Turns Excel date serials into ISO 8601 text.
///
/// In the 1900 date system serial 1 is 1900-01-01 and, copying a Lotus 1-2-3
/// bug, serial 60 is the non-existent 1900-02-29, so from serial 61 on the
/// days count from 1899-12-30. In the 1904 system serial 0 is 1904-01-01.
enum ExcelDate {
    /// The largest serial Excel accepts: 9999-12-31.
    static let maximumSerial = 2_958_465.0

    /// `yyyy-MM-dd` for a date, `yyyy-MM-ddTHH:mm:ss` for a date and time, `HH:mm:ss` for a time;
    /// `nil` if the serial is no date (negative, too large, or day 0 shown as a date).
    static func format(serial: Double, as kind: NumberFormatKind, uses1904: Bool) -> String? {
        guard serial.isFinite, serial >= 0, serial < maximumSerial + 1 else { return nil }
        var days = Int(serial.rounded(.down))
        var seconds = Int(((serial - Double(days)) * 86_400).rounded())
        if seconds >= 86_400 {
            days += 1
            seconds -= 86_400
        }
        let time = "\(pad(seconds / 3600))" + ":" + pad(seconds / 60 % 60) + ":" + pad(seconds % 60)
        if kind == .time {
            return days == 0 ? time : "\(pad(days * 24 + seconds / 3600)):\(pad(seconds / 60 % 60)):\(pad(seconds % 60))"
        }
        guard let date = date(days: days, uses1904: uses1904) else { return nil }
        return kind == .date ? date : date + "T" + time
    }

    /// `yyyy-MM-dd` for a day serial.
    private static func date(days: Int, uses1904: Bool) -> String? {
        let daysSince1970: Int
        if uses1904 {
            daysSince1970 = days - 24_107
        } else {
            switch days {
            case ..<1: return nil
            case 60: return "1900-02-29"
            case ..<60: daysSince1970 = days - 25_568
            default: daysSince1970 = days - 25_569
            }
        }
        // Howard Hinnant's civil_from_days.
        let shifted = daysSince1970 + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return "\(year)-\(pad(month))-\(pad(day))"
    }

    private static func pad(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
