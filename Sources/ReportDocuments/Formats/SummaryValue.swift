import TrainingCore

/// A number as the formats print it.
enum SummaryValue: Equatable {
    case count(Int)
    case hours(Double)
    /// A share from 0 to 1, or nil when there was nothing to divide.
    case rate(Double?)

    /// As people read it in a language: grouped digits, the language's decimal mark, a percent sign.
    func text(in language: DocumentLanguage) -> String {
        switch self {
        case .count(let value): ReportWording.count(value, in: language)
        case .hours(let value): ReportWording.hours(value, in: language)
        case .rate(let share): ReportWording.percent(share, in: language)
        }
    }

    /// As a spreadsheet reads it: no grouping, a decimal point, a percentage without its sign, empty for no rate.
    var plain: String {
        switch self {
        case .count(let value): String(value)
        case .hours(let value): ReportWording.hours(value, in: .english).replacingOccurrences(of: ",", with: "")
        case .rate(let share): share.map { ReportWording.percent($0, in: .english).replacingOccurrences(of: "%", with: "") } ?? ""
        }
    }
}
