import TrainingCore

/// The wording of the pages in one language: a table of every ``Phrase``, and numbers and dates as that
/// language writes them.
struct Words: Sendable {
    let language: DocumentLanguage
    private let table: [Phrase: String]

    init(_ language: DocumentLanguage) {
        self.language = language
        table = switch language {
        case .english: Self.english
        case .russian: Self.russian
        case .uzbekLatin: Self.uzbekLatin
        case .uzbekCyrillic: Self.uzbekCyrillic
        case .kyrgyz: Self.kyrgyz
        }
    }

    subscript(_ phrase: Phrase) -> String { table[phrase] ?? Self.english[phrase] ?? phrase.rawValue }

    /// The phrases a language has no wording for; the tests require none.
    static func missing(in language: DocumentLanguage) -> [Phrase] {
        let table = Words(language).table
        return Phrase.allCases.filter { table[$0] == nil }
    }

    /// Every phrase by name, for templates (`{{t.signIn}}`).
    var all: [String: String] {
        Dictionary(uniqueKeysWithValues: Phrase.allCases.map { ($0.rawValue, self[$0]) })
    }

    /// A phrase with `%1`, `%2`… replaced by values.
    func format(_ phrase: Phrase, _ values: String...) -> String {
        var text = self[phrase]
        for (index, value) in values.enumerated() { text = text.replacingOccurrences(of: "%\(index + 1)", with: value) }
        return text
    }

    /// A whole number with the language's group separator: 12,345 in English, 12 345 in the others.
    func number(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped.append(language == .english ? "," : "\u{202F}") }
            grouped.append(digit)
        }
        return (value < 0 ? "-" : "") + grouped
    }

    /// A decimal number with one digit after the language's decimal mark: 12.5 in English, 12,5 in the others.
    func decimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let whole = number(tenths / 10)
        let fraction = abs(tenths % 10)
        return fraction == 0 ? whole : whole + (language == .english ? "." : ",") + String(fraction)
    }

    /// A day as the language writes it: 2026-12-04 in English pages, 04.12.2026 in the others.
    func date(_ day: DayDate) -> String {
        if language == .english { return day.iso }
        return String(format: "%02d.%02d.%04d", day.day, day.month, day.year)
    }

    /// The name of a role.
    func role(_ role: AccountRole) -> String {
        switch role {
        case .trainer: self[.roleTrainer]
        case .coordinator: self[.roleCoordinator]
        case .manager: self[.roleManager]
        case .admin: self[.roleAdmin]
        }
    }

    /// The name of a participant category.
    func category(_ category: ParticipantCategory) -> String {
        switch category {
        case .parent: self[.categoryParent]
        case .ngoStaff: self[.categoryNgoStaff]
        case .civilServant: self[.categoryCivilServant]
        case .specialist: self[.categorySpecialist]
        case .teacher: self[.categoryTeacher]
        case .youth: self[.categoryYouth]
        case .other: self[.categoryOther]
        }
    }

    /// The name of an attendance mark.
    func mark(_ status: AttendanceStatus?) -> String {
        switch status {
        case .present: self[.present]
        case .late: self[.late]
        case .excused: self[.excused]
        case .absent: self[.absent]
        case nil: self[.notMarked]
        }
    }
}
