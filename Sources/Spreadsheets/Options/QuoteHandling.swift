/// What the CSV reader does with a `"` inside a field that did not start with one.
public enum QuoteHandling: Sendable, Hashable {
    /// Keep it as a literal character, as Excel does: `ООО "Ромашка"` reads as written.
    case lenient
    /// Reject the file with ``SpreadsheetError/Code/unexpectedQuote``, as RFC 4180 would.
    case strict
}
