/// The days a report covers, the first and the last included.
///
/// Written on the command line as a year, a quarter or two dates.
///
/// For example:
/// ```swift
/// try ReportPeriod(year: "2019")        // 2019-01-01 to 2019-12-31
/// try ReportPeriod(quarter: "2019Q4")   // 2019-10-01 to 2019-12-31
/// try ReportPeriod(from: DayDate(parsing: "25.03.2019"), to: DayDate(parsing: "2019-04-17"))
/// ```
public struct ReportPeriod: Hashable, Sendable {
    /// How the period was given, so that it can be named the way it was asked for.
    public enum Span: Hashable, Sendable {
        case year(Int)
        case quarter(year: Int, quarter: Int)
        case days
    }

    public let from: DayDate
    public let to: DayDate
    public let span: Span

    /// The days from `from` to `to`, both included; refuses a period that ends before it starts.
    public init(from: DayDate, to: DayDate) throws {
        guard from <= to else {
            throw MalakaError(.data, .datesOutOfOrder, "The period cannot end (\(to.iso)) before it starts (\(from.iso)).", remedy: .giveFromEarlierDate)
        }
        self.from = from
        self.to = to
        span = .days
    }

    /// A calendar year, written `2019`.
    public init(year text: String) throws {
        let year = try Self.year(text, in: text)
        from = DayDate(year: year, month: 1, day: 1)!
        to = DayDate(year: year, month: 12, day: 31)!
        span = .year(year)
    }

    /// A calendar quarter, written `2019Q4`, `2019-Q4` or `Q4 2019` (any letter case).
    public init(quarter text: String) throws {
        let compact = text.trimmingSpaces().uppercased().filter { $0 != "-" && $0 != " " }
        var yearPart = Substring(compact)
        var quarterPart = Substring("")
        if let q = compact.firstIndex(of: "Q") {
            if q == compact.startIndex {
                quarterPart = compact[compact.index(after: q)...].prefix(1)
                yearPart = compact.dropFirst(2)
            } else {
                yearPart = compact[..<q]
                quarterPart = compact[compact.index(after: q)...]
            }
        }
        guard let quarter = Int(quarterPart), (1...4).contains(quarter) else {
            throw MalakaError.data("“\(text)” is not a quarter. Write it as 2019Q4: a year, Q, and 1 to 4.")
        }
        let year = try Self.year(String(yearPart), in: text)
        let firstMonth = (quarter - 1) * 3 + 1
        from = DayDate(year: year, month: firstMonth, day: 1)!
        to = DayDate(year: year, month: firstMonth + 2, day: DayDate.daysIn(month: firstMonth + 2, year: year))!
        span = .quarter(year: year, quarter: quarter)
    }

    /// Whether `day` lies in the period.
    public func contains(_ day: DayDate) -> Bool {
        from <= day && day <= to
    }

    private static func year(_ text: String, in original: String) throws -> Int {
        let trimmed = text.trimmingSpaces()
        guard trimmed.count == 4, trimmed.allSatisfy(\.isASCIIDigit), let year = Int(trimmed), (1900...2100).contains(year) else {
            throw MalakaError(.data, .notAReportYear,
                              "“\(original)” does not give a year Malaka can report on. Write a four-digit year from 1900 to 2100, such as 2019.")
        }
        return year
    }
}
