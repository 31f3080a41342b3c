/// Characters that must not reach the database from any entry (the command line, a file, a form):
/// they are invisible, or change what is shown.
///
/// A control character stored in a name is printed back to the terminal, where an
/// escape sequence can clear the screen or rewrite earlier lines, and on
/// certificates, where it becomes a box; a bidirectional override (U+202A–U+202E,
/// U+2066–U+2069) makes one name display as another. Files are refused with the
/// character named, rather than cleaned silently, so that the person who made
/// the file learns what was in it.
public enum ForbiddenCharacter {
    /// The first such character in `text`, or nil; a line break or tab passes when `allowingLineBreaks`.
    public static func first(in text: String, allowingLineBreaks: Bool) -> Unicode.Scalar? {
        // Most text is plain printable ASCII: one pass over the bytes settles it.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return nil }
        return text.unicodeScalars.first { scalar in
            if allowingLineBreaks, scalar == "\n" || scalar == "\r" || scalar == "\t" { return false }
            switch scalar.properties.generalCategory {
            // Format characters are the zero-width ones (U+200B–U+200F, U+2060, U+FEFF, the soft
            // hyphen) and the bidirectional overrides; separators break a line where none is seen.
            case .control, .format, .lineSeparator, .paragraphSeparator: return true
            default: return blankLetters.contains(scalar.value)
            }
        }
    }

    /// Letters that draw nothing (Hangul fillers, the braille blank, the Mongolian vowel separator), used to fake an empty name.
    private static let blankLetters: Set<UInt32> = [0x115F, 0x1160, 0x180E, 0x2800, 0x3164, 0xFFA0, 0x034F]
}
