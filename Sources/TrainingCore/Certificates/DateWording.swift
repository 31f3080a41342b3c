/// Dates, spans of dates and hours written as each language writes them on a certificate.
///
/// For example:
/// ```swift
/// DateWording.day(DayDate(year: 2019, month: 10, day: 7)!, in: .uzbekLatin)  // "7-oktabr 2019-yil"
/// DateWording.day(DayDate(year: 2019, month: 10, day: 7)!, in: .russian)     // "7 октября 2019 г."
/// DateWording.span(from: start, to: end, in: .english)                       // "25–28 March 2019"
/// ```
public enum DateWording {
    public static func day(_ date: DayDate, in language: DocumentLanguage) -> String {
        let month = monthName(date.month, in: language)
        switch language {
        case .english: return "\(date.day) \(month) \(date.year)"
        case .russian: return "\(date.day) \(month) \(date.year) г."
        case .uzbekLatin: return "\(date.day)-\(month) \(date.year)-yil"
        case .uzbekCyrillic: return "\(date.day)-\(month) \(date.year)-йил"
        case .kyrgyz: return "\(date.year)-жылдын \(date.day)-\(month)"
        }
    }

    /// A span such as `25–28 March 2019`, `25 March – 16 April 2019` or `30 December 2019 – 2 January 2020`.
    public static func span(from start: DayDate, to end: DayDate, in language: DocumentLanguage) -> String {
        if start == end { return day(start, in: language) }
        if start.year == end.year && start.month == end.month {
            let month = monthName(start.month, in: language)
            switch language {
            case .english: return "\(start.day)–\(end.day) \(month) \(start.year)"
            case .russian: return "\(start.day)–\(end.day) \(month) \(start.year) г."
            case .uzbekLatin: return "\(start.day)–\(end.day)-\(month) \(start.year)-yil"
            case .uzbekCyrillic: return "\(start.day)–\(end.day)-\(month) \(start.year)-йил"
            case .kyrgyz: return "\(start.year)-жылдын \(start.day)–\(end.day)-\(month)"
            }
        }
        if start.year == end.year {
            let first = monthName(start.month, in: language)
            let second = monthName(end.month, in: language)
            switch language {
            case .english: return "\(start.day) \(first) – \(end.day) \(second) \(start.year)"
            case .russian: return "\(start.day) \(first) – \(end.day) \(second) \(start.year) г."
            case .uzbekLatin: return "\(start.day)-\(first) – \(end.day)-\(second) \(start.year)-yil"
            case .uzbekCyrillic: return "\(start.day)-\(first) – \(end.day)-\(second) \(start.year)-йил"
            case .kyrgyz: return "\(start.year)-жылдын \(start.day)-\(first) – \(end.day)-\(second)"
            }
        }
        return "\(day(start, in: language)) – \(day(end, in: language))"
    }

    /// `12 hours`, `12 soat`, `12 часов`, `1 час`, `12 саат`.
    public static func hours(_ hours: Double, in language: DocumentLanguage) -> String {
        let whole = hours == hours.rounded()
        let number = whole ? String(Int(hours)) : String(hours).replacingDecimalPoint(in: language)
        switch language {
        case .english: return "\(number) \(whole && Int(hours) == 1 ? "hour" : "hours")"
        case .russian: return "\(number) \(whole ? russianHours(Int(hours)) : "часа")"
        case .uzbekLatin: return "\(number) soat"
        case .uzbekCyrillic: return "\(number) соат"
        case .kyrgyz: return "\(number) саат"
        }
    }

    private static func russianHours(_ count: Int) -> String {
        let lastTwo = count % 100
        let last = count % 10
        if (11...14).contains(lastTwo) { return "часов" }
        switch last {
        case 1: return "час"
        case 2, 3, 4: return "часа"
        default: return "часов"
        }
    }

    /// Month names in the form a date takes: genitive in Russian, as written after the day elsewhere.
    static func monthName(_ month: Int, in language: DocumentLanguage) -> String {
        let names: [String]
        switch language {
        case .english:
            names = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        case .russian:
            names = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"]
        case .uzbekLatin:
            names = ["yanvar", "fevral", "mart", "aprel", "may", "iyun", "iyul", "avgust", "sentabr", "oktabr", "noyabr", "dekabr"]
        case .uzbekCyrillic:
            names = ["январ", "феврал", "март", "апрел", "май", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр"]
        case .kyrgyz:
            names = ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"]
        }
        return names[month - 1]
    }
}

private extension String {
    func replacingDecimalPoint(in language: DocumentLanguage) -> String {
        language == .english ? self : String(map { $0 == "." ? "," : $0 })
    }
}
