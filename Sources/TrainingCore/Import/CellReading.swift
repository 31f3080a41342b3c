import Foundation
import MalakaSupport

/// Reads the values people type into spreadsheet cells: dates in any of the usual
/// forms and as Excel serial numbers, birth years or ages, phones, languages.
///
/// Every function throws a ``MalakaError`` whose message quotes the value and
/// says what to write instead; the importer adds the line and column.
enum CellReading {
    /// The cell's text without surrounding spaces, or nil when it says nothing:
    /// empty, or a dash or “none” word standing for an empty field.
    ///
    /// A leading `'` that neutralised a formula in an exported file (`'+998…`) is dropped.
    static func value(_ cell: String) -> String? {
        var text = trimmed(cell)
        if text.hasPrefix("'"), let second = text.dropFirst().first, "=+-@".contains(second) {
            text.removeFirst()
        }
        // Only short cells can be a “none” word; most cells are names and skip the folding.
        if text.isEmpty || (text.utf8.count <= 8 && emptyWords.contains(text.searchFolded())) { return nil }
        // Runs of spaces inside a value (a name typed with two spaces) become one.
        if hasDoubleSpace(text) {
            text = text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        }
        return text
    }

    /// The text without surrounding white space; most cells have none, and are returned as they are.
    private static func trimmed(_ text: String) -> String {
        let utf8 = text.utf8
        guard let first = utf8.first, let last = utf8.last else { return text }
        if first > 0x20 && first < 0x80 && last > 0x20 && last < 0x80 { return text }
        return text.trimmingSpaces()
    }

    private static func hasDoubleSpace(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == 0x20 && previous == 0x20 { return true }
            previous = byte
        }
        return false
    }

    static func forbiddenCharacter(in text: String, allowingLineBreaks: Bool) -> Unicode.Scalar? {
        ForbiddenCharacter.first(in: text, allowingLineBreaks: allowingLineBreaks)
    }

    static func describe(_ scalar: Unicode.Scalar) -> String {
        CharacterLabel.code(of: scalar)
    }

    /// What people write in a cell to say there is nothing to say.
    static let emptyWords: Set<String> = ["-", "—", "–", "n/a", "na", "yoq", "йўқ", "нет", "жок", "none", "?"]

    /// A calendar day: `25.03.1987`, `1987-03-25`, `25/03/1987`, a date and time as worksheets
    /// write it (`1987-03-25T00:00:00`), or an Excel serial day number (`31861`).
    static func day(_ text: String) throws -> DayDate {
        if let day = quickDay(text) { return day }
        var trimmed = text.trimmingSpaces()
        if trimmed.count > 10, trimmed.dropFirst(10).first == "T" || trimmed.dropFirst(10).first == " ",
           let day = try? DayDate(parsing: String(trimmed.prefix(10))) {
            return day
        }
        if let serial = Double(trimmed), serial.rounded(.down) >= 1, !trimmed.contains(Character("-")) {
            return try excelDay(serial: serial, text: text)
        }
        // Two-digit years are ambiguous (a birth in 1925 or 2025); ask for four.
        let parts = trimmed.split(whereSeparator: { $0 == "." || $0 == "/" })
        if parts.count == 3, parts[2].count == 2, parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }) {
            throw MalakaError(.data, .twoDigitYear, "“\(text)” has a two-digit year. Write the year with four digits, e.g. 25.03.1987.")
        }
        trimmed = trimmed.replacingOccurrences(of: " ", with: "")
        return try DayDate(parsing: trimmed)
    }

    /// `25.03.1987` or `1987-03-25` read byte by byte, as most cells are; nil for anything else.
    private static func quickDay(_ text: String) -> DayDate? {
        let utf8 = text.utf8
        guard utf8.count == 10 else { return nil }
        return utf8.withContiguousStorageIfAvailable { bytes -> DayDate? in
            func number(_ range: Range<Int>) -> Int? {
                var value = 0
                for index in range {
                    let digit = Int(bytes[index]) - 0x30
                    guard (0...9).contains(digit) else { return nil }
                    value = value * 10 + digit
                }
                return value
            }
            if bytes[2] == 0x2E, bytes[5] == 0x2E, let day = number(0..<2), let month = number(3..<5), let year = number(6..<10) {
                return DayDate(year: year, month: month, day: day)
            }
            if bytes[4] == 0x2D, bytes[7] == 0x2D, let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) {
                return DayDate(year: year, month: month, day: day)
            }
            return nil
        } ?? nil
    }

    /// The day an Excel serial number stands for, in the 1900 date system Excel uses by default.
    ///
    /// Serial 1 is 1900-01-01; Excel counts a 29 February 1900 that never was, so
    /// from serial 61 on the days count from 1899-12-30.
    static func excelDay(serial: Double, text: String) throws -> DayDate {
        // Checked as a Double first: `Int(1e308)` would stop the program instead of refusing the cell.
        guard serial.isFinite, serial >= 1, serial < 2_958_466 else {
            throw MalakaError.data("“\(text)” is not a date. Write it as 25.03.1987 or 1987-03-25.")
        }
        let days = Int(serial.rounded(.down))
        guard days != 60, (1...2_958_465).contains(days) else {
            throw MalakaError.data("“\(text)” is not a date. Write it as 25.03.1987 or 1987-03-25.")
        }
        // 1899-12-30 is day -25,569 counted from 1970-01-01.
        return DayDate(dayNumber: days - (days < 60 ? 25_568 : 25_569))
    }

    /// A year of birth: `1987`, `1987.0` as a spreadsheet stores it, a whole date, or an Excel serial date.
    static func birthYear(_ text: String, thisYear: Int) throws -> Int {
        let trimmed = text.trimmingSpaces()
        let number = trimmed.hasSuffix(".0") ? String(trimmed.dropLast(2)) : trimmed
        if number.allSatisfy(\.isASCIIDigit), let value = Int(number) {
            switch number.count {
            case 4:
                guard (1900...thisYear).contains(value) else {
                    throw MalakaError(.data, .impossibleBirthYear, "Birth year \(value) is not possible. Give a year from 1900 to \(thisYear).")
                }
                return value
            case 1...2:
                throw MalakaError.data("“\(text)” is not a birth year. Write the year with four digits, e.g. 1987; for an age, use an age column (Yoshi, Возраст, Age).")
            case 5:
                return try checkedYear(of: excelDay(serial: Double(value), text: text), text: text, thisYear: thisYear)
            default:
                throw MalakaError(.data, .notABirthYear, "“\(text)” is not a birth year. Write it with four digits, e.g. 1987.")
            }
        }
        guard let day = try? day(trimmed) else {
            throw MalakaError(.data, .notABirthYear, "“\(text)” is not a birth year. Write it with four digits, e.g. 1987.")
        }
        return try checkedYear(of: day, text: text, thisYear: thisYear)
    }

    /// The year of a date of birth given as a date, a serial or a bare year.
    static func birthDateYear(_ text: String, thisYear: Int) throws -> Int {
        let trimmed = text.trimmingSpaces()
        if trimmed.count == 4, trimmed.allSatisfy(\.isASCIIDigit) {
            return try birthYear(trimmed, thisYear: thisYear)
        }
        return try checkedYear(of: day(trimmed), text: text, thisYear: thisYear)
    }

    private static func checkedYear(of day: DayDate, text: String, thisYear: Int) throws -> Int {
        guard (1900...thisYear).contains(day.year) else {
            throw MalakaError.data("“\(text)” (\(day.dotted)) is not a possible date of birth. Give a date from 1900 to \(thisYear).")
        }
        return day.year
    }

    /// An age in years: `34`, `34 yosh`, `34 года`, `34 years`.
    static func age(_ text: String) throws -> Int {
        let trimmed = text.trimmingSpaces()
        let digits = trimmed.prefix(while: \.isASCIIDigit)
        let rest = trimmed.dropFirst(digits.count).trimmingSpaces()
        let unitWords = ["yosh", "ёш", "лет", "год", "года", "жаш", "years", "y", "yil"]
        guard let age = Int(digits), rest.isEmpty || unitWords.contains(rest.lowercased()) else {
            throw MalakaError(.data, .notAnAge, "“\(text)” is not an age. Write the age in years, e.g. 34.")
        }
        guard (0...120).contains(age) else {
            throw MalakaError(.data, .impossibleAge, "An age of \(age) years is not possible. Give the age in years, from 0 to 120.")
        }
        return age
    }

    /// A phone number as written, if it holds at least six digits.
    static func phone(_ text: String) throws -> String {
        var digits = 0, others = 0
        for byte in text.utf8 {
            switch byte {
            case 0x30...0x39: digits += 1
            case 0x20, 0x2B, 0x2D, 0x28, 0x29, 0x2C, 0x2E, 0x2F: break   // space + - ( ) , . /
            default: others += 1
            }
        }
        guard digits >= 6, others == 0 || digits >= 9 else {
            throw MalakaError(.data, .notAPhoneNumber, "“\(text)” is not a phone number. Write it with its digits, e.g. +998 90 123 45 67.")
        }
        return text
    }

    /// A document language: its tag (`uz-Latn`) or the language's name in the five languages.
    static func language(_ text: String) throws -> DocumentLanguage {
        if let language = try? DocumentLanguage(parsing: text) { return language }
        if let language = languageWords[text.searchFolded()] { return language }
        throw MalakaError.data("“\(text)” is not a supported language. Use one of: \(DocumentLanguage.allTags) (or oʻzbekcha, ўзбекча, кыргызча, русский, English).")
    }

    private static let languageWords: [String: DocumentLanguage] = [
        "ozbek": .uzbekLatin, "ozbekcha": .uzbekLatin, "ozbek tili": .uzbekLatin, "uzbek": .uzbekLatin,
        "uzbek (latin)": .uzbekLatin, "ozbek (lotin)": .uzbekLatin, "lotin": .uzbekLatin,
        "ўзбек": .uzbekCyrillic, "ўзбекча": .uzbekCyrillic, "ўзбек тили": .uzbekCyrillic, "uzbek (cyrillic)": .uzbekCyrillic,
        "ozbek (kirill)": .uzbekCyrillic, "узбекский": .uzbekCyrillic, "kirill": .uzbekCyrillic,
        "кыргыз": .kyrgyz, "кыргызча": .kyrgyz, "кыргыз тили": .kyrgyz, "kyrgyz": .kyrgyz, "киргизский": .kyrgyz,
        "кыргызский": .kyrgyz, "qirgiz": .kyrgyz,
        "рус": .russian, "русский": .russian, "орусча": .russian, "rus": .russian, "ruscha": .russian, "russian": .russian,
        "русча": .russian,
        "english": .english, "ingliz": .english, "inglizcha": .english, "английский": .english, "англисче": .english,
    ]
}
