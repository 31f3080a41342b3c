/// The character between fields of a CSV file.
public enum CSVSeparator: Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// `,`, the RFC 4180 separator.
    case comma
    /// `;`, written by Excel in locales where the comma is the decimal mark (Russian, Uzbek).
    case semicolon
    /// A tab, as in `.tsv` files and Excel's “Text (Tab delimited)”.
    case tab

    /// The separator as a character.
    public var character: Character {
        switch self {
        case .comma: ","
        case .semicolon: ";"
        case .tab: "\t"
        }
    }

    /// Reads as “semicolon (;)”.
    public var description: String {
        switch self {
        case .comma: "comma (,)"
        case .semicolon: "semicolon (;)"
        case .tab: "tab"
        }
    }

    var byte: UInt8 {
        switch self {
        case .comma: UInt8(ascii: ",")
        case .semicolon: UInt8(ascii: ";")
        case .tab: UInt8(ascii: "\t")
        }
    }
}
