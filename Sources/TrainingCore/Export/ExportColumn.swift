/// A column of an export: its JSON key, its CSV header, and whether it holds personal data.
public struct ExportColumn: Sendable, Hashable {
    /// What a column holds, for pseudonymising.
    public enum Content: Sendable, Hashable {
        case plain
        /// A participant's number: replaced by the person's code.
        case participantNumber
        /// A participant's name: replaced by the person's code.
        case personName
        /// A participant's name in the other script: left empty, the code being in the name column.
        case otherName
        /// A phone number: replaced by a code of the number.
        case phone
        /// The name of someone on the programme's staff: left empty.
        case staffName
        /// Free text that can name a person, such as an organisation called after its owner
        /// (“Gulnora Karimova oilaviy korxonasi”), a locality or a reason: left empty.
        case freeText
    }

    /// The key in JSON, e.g. `fullName`.
    public var key: String
    /// The header in CSV, e.g. `Full name`; the importer recognises the participant headers.
    public var header: String
    public var content: Content

    init(_ key: String, _ header: String, _ content: Content = .plain) {
        self.key = key
        self.header = header
        self.content = content
    }
}
