import Foundation
import TrainingCore

/// Sentences with numbers and names in them, and numbers as each language writes them.
enum ReportWording {
    /// `Page 2 of 9`, `Страница 2 из 9`, `9 sahifadan 2-sahifa`…
    static func page(_ number: Int, of count: Int, in language: DocumentLanguage) -> String {
        switch language {
        case .english: "Page \(number) of \(count)"
        case .russian: "Страница \(number) из \(count)"
        case .uzbekLatin: "\(count) sahifadan \(number)-sahifa"
        case .uzbekCyrillic: "\(count) саҳифадан \(number)-саҳифа"
        case .kyrgyz: "\(count) беттин \(number)-бети"
        }
    }

    /// `Generated on 22 November 2026`, in the language's own date form.
    static func generated(on day: DayDate, in language: DocumentLanguage) -> String {
        let date = DateWording.day(day, in: language)
        return switch language {
        case .english: "Generated on \(date)"
        case .russian: "Сформировано \(date)"
        case .uzbekLatin: "Tuzilgan sana: \(date)"
        case .uzbekCyrillic: "Тузилган сана: \(date)"
        case .kyrgyz: "Түзүлгөн күнү: \(date)"
        }
    }

    /// The heading of a region's page of events: `Events: Khorezm Region`.
    static func events(in place: String, language: DocumentLanguage) -> String {
        "\(ReportLabel.events.text(in: language)): \(place)"
    }

    /// A period as people say it: `2019`, `Q4 2019`, `IV квартал 2019 г.`, or its first and last days.
    static func period(_ period: ReportPeriod, in language: DocumentLanguage) -> String {
        switch period.span {
        case .year(let year):
            return switch language {
            case .english: "\(year)"
            case .russian: "\(year) год"
            case .uzbekLatin: "\(year)-yil"
            case .uzbekCyrillic: "\(year)-йил"
            case .kyrgyz: "\(year)-жыл"
            }
        case .quarter(let year, let quarter):
            let roman = ["I", "II", "III", "IV"][quarter - 1]
            return switch language {
            case .english: "Q\(quarter) \(year)"
            case .russian: "\(roman) квартал \(year) г."
            case .uzbekLatin: "\(year)-yil \(roman) chorak"
            case .uzbekCyrillic: "\(year)-йил \(roman) чорак"
            case .kyrgyz: "\(year)-жылдын \(roman) чейреги"
            }
        case .days:
            return DateWording.span(from: period.from, to: period.to, in: language)
        }
    }

    /// A whole number with the language's digit grouping: `63,805` in English, `63 805` otherwise.
    static func count(_ value: Int, in language: DocumentLanguage) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped += language == .english ? "," : "\u{00A0}" }
            grouped.append(digit)
        }
        return (value < 0 ? "-" : "") + grouped
    }

    /// Hours to one decimal at most, with the language's decimal mark: `12`, `12.5`, `12,5`.
    static func hours(_ value: Double, in language: DocumentLanguage) -> String {
        let tenths = Int((value * 10).rounded())
        let whole = count(tenths / 10, in: language)
        return tenths % 10 == 0 ? whole : whole + (language == .english ? "." : ",") + String(tenths % 10)
    }

    /// A share as a percentage to one decimal: `83.3%`, `83,3 %`; a dash when there is nothing to divide.
    static func percent(_ share: Double?, in language: DocumentLanguage) -> String {
        guard let share else { return "–" }
        let tenths = Int((share * 1000).rounded())
        let number = "\(tenths / 10)" + (language == .english ? "." : ",") + "\(tenths % 10)"
        return language == .english ? number + "%" : number + "\u{00A0}%"
    }
}
