/// How to read a spreadsheet: what to detect, what to force, and the limits.
///
/// The defaults detect everything:
///
/// ```swift
/// var options = SpreadsheetOptions()
/// options.encoding = .windows1251   // force instead of detecting
/// options.separator = .semicolon
/// options.sheetName = "Участники"   // XLSX only
/// ```
public struct SpreadsheetOptions: Sendable, Hashable {
    /// The CSV encoding, or `nil` to detect it from the byte-order mark and the bytes.
    public var encoding: TextEncoding?
    /// The CSV separator, or `nil` to pick the one that splits the first lines most consistently.
    public var separator: CSVSeparator?
    /// The XLSX worksheet to read, or `nil` for the first visible worksheet.
    public var sheetName: String?
    /// Whether to drop blank rows; each kept row still knows its line. Default `false`.
    ///
    /// Trailing blank rows are always dropped.
    public var skipsBlankRows: Bool
    /// What to do with a `"` inside an unquoted CSV field. Default ``QuoteHandling/lenient``.
    public var quotes: QuoteHandling
    /// The size limits.
    public var limits: SpreadsheetLimits

    /// Creates options; every parameter has the default described on its property.
    public init(
        encoding: TextEncoding? = nil,
        separator: CSVSeparator? = nil,
        sheetName: String? = nil,
        skipsBlankRows: Bool = false,
        quotes: QuoteHandling = .lenient,
        limits: SpreadsheetLimits = SpreadsheetLimits()
    ) {
        self.encoding = encoding
        self.separator = separator
        self.sheetName = sheetName
        self.skipsBlankRows = skipsBlankRows
        self.quotes = quotes
        self.limits = limits
    }
}
