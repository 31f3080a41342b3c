import MalakaSupport

/// The one rule for text a person types or a file brings: no invisible or
/// display-changing characters (see ``ForbiddenCharacter``) and a length limit,
/// the same for the command line, CSV and XLSX. Only fields that may run over
/// lines (an organisation, an address) take a line break or tab, from any entry;
/// the Unicode line and paragraph separators are refused everywhere.
///
/// For example:
/// ```swift
/// try TextRule.check("Mahalla markazi", field: "venue")          // passes
/// try TextRule.check("Ali\u{202E}va", field: "name")              // throws: U+202E
/// ```
public enum TextRule {
    /// The longest name, in characters: longer than any real name with a patronymic, short enough for one certificate line.
    public static let nameLimit = 150
    /// The longest other text: a venue, an organisation, a locality, a title.
    public static let textLimit = 300

    /// Refuses text with a forbidden character or over the limit, naming the field.
    ///
    /// - Parameter property: the record's property the text is for (`fullName`), which the error's location
    ///   names so that a form can show the error beside its field.
    public static func check(_ text: String, field: String, limit: Int = textLimit, allowingLineBreaks: Bool = false,
                             property: String? = nil) throws {
        let location = property.map { MalakaError.Location(field: $0) }
        if let scalar = ForbiddenCharacter.first(in: text, allowingLineBreaks: allowingLineBreaks) {
            throw MalakaError(.data, .invisibleCharacter,
                              "The \(field) contains the invisible character \(CharacterLabel.code(of: scalar)), which would print differently from what is stored. Retype it.",
                              location: location)
        }
        let length = text.count
        if length > limit {
            throw MalakaError(.data, .textTooLong, "The \(field) is \(length) characters long; at most \(limit) are allowed. Shorten it.",
                              location: location)
        }
    }

    /// Checks an optional value; nil passes.
    public static func check(_ text: String?, field: String, limit: Int = textLimit, allowingLineBreaks: Bool = false,
                             property: String? = nil) throws {
        if let text { try check(text, field: field, limit: limit, allowingLineBreaks: allowingLineBreaks, property: property) }
    }
}
