/// Whether a cell's number format shows a date, a date with a time, or a time.
enum NumberFormatKind: Sendable, Hashable {
    case date
    case dateTime
    case time

    /// The kind of a built-in format id: 14–17 and the East Asian 27–31, 36, 50–58 are dates,
    /// 22 is a date and time, 18–21, 32–35 and 45–47 are times; `nil` for the others.
    init?(builtInID id: Int) {
        switch id {
        case 14...17, 27...31, 36, 50...58: self = .date
        case 22: self = .dateTime
        case 18...21, 32...35, 45...47: self = .time
        default: return nil
        }
    }

    /// The kind of a custom format code such as `dd.mm.yyyy` or `[$-419]d mmmm yyyy "г."`; `nil` for number formats.
    ///
    /// Only the first section (before `;`) counts. Quoted text, escaped and
    /// padding characters and bracketed colours or locales are ignored; `d` or `y`
    /// make a date, `h`, `s` or an elapsed `[h]` a time, and a lone `m` a month.
    init?(formatCode: String) {
        var hasDate = false, hasTime = false, hasMonthOrMinute = false
        var characters = formatCode.lowercased().replacingOccurrences(of: "general", with: "").makeIterator()
        scanning: while let character = characters.next() {
            switch character {
            case ";":
                break scanning
            case "\"":
                while let quoted = characters.next(), quoted != "\"" {}
            case "\\", "_", "*":
                _ = characters.next()
            case "[":
                var bracketed = ""
                while let inner = characters.next(), inner != "]" { bracketed.append(inner) }
                if !bracketed.isEmpty, bracketed.allSatisfy({ "hms".contains($0) }) { hasTime = true }
            case "d", "y":
                hasDate = true
            case "h", "s":
                hasTime = true
            case "m":
                hasMonthOrMinute = true
            default:
                break
            }
        }
        switch (hasDate, hasTime) {
        case (true, true): self = .dateTime
        case (true, false): self = .date
        case (false, true): self = .time
        case (false, false):
            guard hasMonthOrMinute else { return nil }
            self = .date
        }
    }
}
