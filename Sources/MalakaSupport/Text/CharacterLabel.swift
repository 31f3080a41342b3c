/// How every message names a character: `U+738B 王`, or `U+001B` alone when the character cannot be seen.
///
/// Messages about fonts, templates, YAML and imported files name characters the same way, so that a
/// person who searches for one finds it in every message.
public enum CharacterLabel {
    /// `U+001B`: the code point, at least four upper-case hexadecimal digits.
    public static func code(of scalar: Unicode.Scalar) -> String {
        code(ofValue: scalar.value)
    }

    /// The code of a value that may not be a valid scalar, such as a lone surrogate a YAML reader met.
    public static func code(ofValue value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// `U+738B 王`: the code, then the character itself unless printing it would show nothing or move the text.
    public static func label(of scalar: Unicode.Scalar) -> String {
        isVisible(scalar) ? "\(code(of: scalar)) \(Character(scalar))" : code(of: scalar)
    }

    /// Whether the character shows as itself: not a space, control, format, private-use or unassigned one.
    public static func isVisible(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        switch properties.generalCategory {
        case .control, .format, .privateUse, .unassigned, .surrogate, .lineSeparator, .paragraphSeparator, .spaceSeparator:
            return false
        default:
            return !properties.isWhitespace
        }
    }
}
