/// What Malaka filled in or corrected on one row of a participant list, for the import summary.
public struct ImportRowNotes: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// The row gave no category, and the event's course has one audience: the person is of it.
    public static let categoryFromAudience = ImportRowNotes(rawValue: 1 << 0)
    /// The row gave no language: it was inferred from the name's script and the region's country.
    public static let languageInferred = ImportRowNotes(rawValue: 1 << 1)
    /// The name's apostrophes were written as the standard Uzbek letters ʻ and ʼ.
    public static let apostrophesStandardised = ImportRowNotes(rawValue: 1 << 2)
}
