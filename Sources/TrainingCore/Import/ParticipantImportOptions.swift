/// How to import a participant list: see ``AppDatabase/importParticipants(from:options:)``.
public struct ParticipantImportOptions: Sendable {
    /// What to do with a row that is probably someone already registered.
    public enum DuplicatePolicy: String, CaseIterable, Sendable {
        /// Take the row as that person: nobody is added, and the event to enroll in the registered person.
        case link
        /// Add the row as a new person anyway.
        case new
        /// List such rows and write nothing until the user chooses, for all rows or line by line.
        case ask
    }

    /// An event to enroll everyone on the list in.
    public var eventID: Int64?
    /// `COLUMN=FIELD` pairs naming what columns hold, e.g. `C=sex` or `Ota-onasi=name`.
    public var map: [String]
    /// Import the good rows when some are bad, instead of nothing.
    public var skipInvalid: Bool
    /// Values for the fields the file does not give, for every row: see ``ImportPresets``.
    public var presets: ImportPresets = ImportPresets()
    /// Import the rows a worksheet hides, instead of leaving them out.
    public var includeHidden = false
    /// Work out and report everything, and write nothing.
    public var dryRun: Bool
    public var onDuplicate: DuplicatePolicy
    /// Rows, by line, to take as a given registered participant whatever the policy.
    public var linkLines: [Int: Int64]
    /// Rows, by line, to add as new people whatever the policy.
    public var newLines: Set<Int>
    /// The day ages are counted from when there is no event; today when nil.
    public var referenceDay: DayDate?

    public init(eventID: Int64? = nil, map: [String] = [], skipInvalid: Bool = false, dryRun: Bool = false,
                onDuplicate: DuplicatePolicy = .ask, linkLines: [Int: Int64] = [:], newLines: Set<Int> = [],
                referenceDay: DayDate? = nil) {
        self.eventID = eventID
        self.map = map
        self.skipInvalid = skipInvalid
        self.dryRun = dryRun
        self.onDuplicate = onDuplicate
        self.linkLines = linkLines
        self.newLines = newLines
        self.referenceDay = referenceDay
    }
}
