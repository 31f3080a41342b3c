/// How a CSV file separates fields and writes decimals, for the spreadsheet that will open it.
///
/// Excel in a Russian, Uzbek or Kyrgyz locale reads `;` between fields and a decimal comma
/// (`12,5`); in an English locale, `,` and a decimal point.
///
/// For example:
/// ```swift
/// let data = RegionSummaryCSV.data(summary, language: .russian, style: CSVStyle(separator: ";"))
/// ```
public struct CSVStyle: Hashable, Sendable {
    public var separator: Character
    public var decimalComma: Bool

    /// By default a decimal comma goes with a `;` separator, as the locales that use one expect.
    public init(separator: Character = ",", decimalComma: Bool? = nil) {
        self.separator = separator
        self.decimalComma = decimalComma ?? (separator == ";")
    }

    /// A number as written for a spreadsheet: its decimal point becomes a comma when asked.
    func number(_ plain: String) -> String {
        decimalComma ? plain.replacingOccurrences(of: ".", with: ",") : plain
    }

    /// A field, quoted when it holds the separator, a quote or a line end.
    func field(_ value: String) -> String {
        guard value.contains(where: { $0 == separator || $0 == "\"" || $0.isNewline }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
