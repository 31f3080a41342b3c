/// Reads the header of a sign-in sheet's session column: a date (`25.03.2019`, `2019-03-25`,
/// an Excel serial), a day and month (`25.03`), either with a start time (`25.03.2019 14:00`),
/// or a session number (`1`, `1-kun`, `Day 1`, `1-й день`).
enum SessionColumnReading {
    enum Header: Equatable {
        case day(DayDate, TimeOfDay?)
        case dayAndMonth(day: Int, month: Int, TimeOfDay?)
        case number(Int)
    }

    static func parse(_ text: String) -> Header? {
        var words = text.trimmingSpaces().split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
        guard !words.isEmpty, words.count <= 3 else { return nil }
        var time: TimeOfDay?
        if words.count == 2, words[1].contains(":"), let parsed = try? TimeOfDay(parsing: words[1]) {
            time = parsed
            words.removeLast()
        }
        if words.count == 1 {
            let word = words[0]
            if word.count > 10, word.dropFirst(10).first == "T", let day = try? DayDate(parsing: String(word.prefix(10))) {
                return .day(day, time)
            }
            if let day = try? DayDate(parsing: word) { return .day(day, time) }
            let parts = word.split(separator: ".", omittingEmptySubsequences: false)
            if parts.count == 2 || (parts.count == 3 && parts[2].isEmpty),
               let day = Int(parts[0]), let month = Int(parts[1]), (1...31).contains(day), (1...12).contains(month) {
                return .dayAndMonth(day: day, month: month, time)
            }
            if time == nil, let serial = Int(word), (20_000...80_000).contains(serial),
               let day = try? CellReading.excelDay(serial: Double(serial), text: word) {
                return .day(day, nil)
            }
        }
        guard time == nil else { return nil }
        // A session number, alone or with a word for day or session.
        let joined = words.joined(separator: " ").lowercased()
        let digits = joined.filter(\.isASCIIDigit)
        let letters = joined.filter { !$0.isASCIIDigit && $0 != "-" && $0 != "." && $0 != "№" && $0 != " " }
        guard let number = Int(digits), (1...99).contains(number), digits.count <= 2,
              joined.firstIndex(where: \.isASCIIDigit).map({ index in
                  joined[index...].prefix(while: \.isASCIIDigit).count == digits.count
              }) ?? false
        else { return nil }
        let sessionWords = ["", "kun", "кун", "day", "день", "йдень", "күн", "session", "сессия", "занятие", "mashgulot",
                            "машғулот", "сабак", "dars", "дарс"]
        return sessionWords.contains(letters.searchFolded()) ? .number(number) : nil
    }

    /// Whether a header is written like a date (`31.02.2019`, `0000-00-00`, `31/04/2019`) but names no day that exists.
    static func isImpossibleDate(_ text: String) -> Bool {
        let word = text.trimmingSpaces().split(separator: " ").first.map(String.init) ?? ""
        let shapes = [#"^\d{1,2}[./]\d{1,2}[./]\d{4}$"#, #"^\d{4}-\d{1,2}-\d{1,2}$"#]
        guard shapes.contains(where: { word.range(of: $0, options: .regularExpression) != nil }) else { return false }
        return (try? DayDate(parsing: word)) == nil
    }
}
