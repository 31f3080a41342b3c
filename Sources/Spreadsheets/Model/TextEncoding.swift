/// The text encodings the CSV reader understands.
///
/// Leave ``SpreadsheetOptions/encoding`` `nil` to detect it, or name one to force it.
/// A sheet read from CSV reports the encoding it was decoded with, always with a
/// byte order for UTF-16.
public enum TextEncoding: Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// UTF-8, with or without a byte-order mark.
    case utf8
    /// UTF-16 with the byte order taken from the byte-order mark, else guessed from
    /// where the NUL bytes of ASCII characters fall, else little-endian. Only
    /// meaningful when forcing an encoding.
    case utf16
    /// UTF-16, little-endian: what Excel calls “Unicode Text”.
    case utf16LittleEndian
    /// UTF-16, big-endian.
    case utf16BigEndian
    /// Windows-1251 (Cyrillic), written by Russian-locale Excel for “CSV (comma delimited)”.
    ///
    /// It has Russian letters and ў, but not the Uzbek қ ғ ҳ nor the Kyrgyz ң ө ү.
    case windows1251

    /// The usual name, such as `UTF-8` or `Windows-1251`.
    public var description: String {
        switch self {
        case .utf8: "UTF-8"
        case .utf16: "UTF-16"
        case .utf16LittleEndian: "UTF-16LE"
        case .utf16BigEndian: "UTF-16BE"
        case .windows1251: "Windows-1251"
        }
    }
}
