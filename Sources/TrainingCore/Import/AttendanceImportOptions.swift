/// How to import a sign-in sheet: see ``AppDatabase/importAttendance(eventID:from:options:)``.
public struct AttendanceImportOptions: Sendable {
    /// `COLUMN=FIELD` pairs naming the name or number columns (`name`, `surname`, `given-name`, `id`),
    /// or leaving columns out (`ignore`).
    public var map: [String]
    /// Record the marks of the good rows when some rows are bad, instead of nothing.
    public var skipInvalid: Bool
    /// Work out and report everything, and write nothing.
    public var dryRun: Bool
    /// Record an empty cell as absent, instead of leaving the session unmarked for that person.
    public var emptyIsAbsent: Bool
    /// Read the rows a worksheet hides too; by default they are left out and listed in the report.
    public var includeHidden = false

    public init(map: [String] = [], skipInvalid: Bool = false, dryRun: Bool = false, emptyIsAbsent: Bool = false) {
        self.map = map
        self.skipInvalid = skipInvalid
        self.dryRun = dryRun
        self.emptyIsAbsent = emptyIsAbsent
    }
}
