/// What an import filled in where the file was silent, and what it corrected, counted over the people it adds.
public struct ParticipantImportDefaults: Sendable, Hashable {
    /// The values given for the whole list, by field.
    public var presets: [ImportField: String] = [:]
    /// The one audience of the event's course, given to new people whose row has no category.
    public var audienceCategory: ParticipantCategory?
    /// The course whose audience it is.
    public var courseCode: String?
    /// New people who got ``audienceCategory``.
    public var categoryFromAudience = 0
    /// New people whose document language was inferred, by language.
    public var languagesInferred: [DocumentLanguage: Int] = [:]
    /// New people whose name had its apostrophes written as the standard letters.
    public var apostrophesStandardised = 0

    public init() {}

    /// Counts the notes of one row that adds a person.
    mutating func count(_ notes: ImportRowNotes, language: DocumentLanguage?) {
        if notes.contains(.categoryFromAudience) { categoryFromAudience += 1 }
        if notes.contains(.languageInferred), let language { languagesInferred[language, default: 0] += 1 }
        if notes.contains(.apostrophesStandardised) { apostrophesStandardised += 1 }
    }
}
