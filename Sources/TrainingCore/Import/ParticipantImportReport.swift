/// What importing a participant list did, or would do: who is added, who was
/// already registered, who is linked to whom, which rows were rejected and why.
public struct ParticipantImportReport: Sendable {
    /// A registered person a row may be.
    public struct Candidate: Sendable, Hashable {
        public var participantID: Int64
        public var fullName: String
        public var alternateName: String?
        /// How likely the row is this person, 0…1.
        public var score: Double
        /// Whether the score reaches the same-person threshold.
        public var isProbable: Bool
        /// Why, strongest first: “same name across scripts (…)”, “same birth year 1987”…
        public var reasons: [String]
    }

    /// What happens to one good row.
    public enum Outcome: Sendable, Hashable {
        /// A new person is registered; `similar` lists registered people with a like name, for review.
        case add(similar: [Candidate])
        /// The row has the name and details of someone registered: nobody is added.
        case alreadyRegistered(Candidate)
        /// The row is the same person as an earlier row of the file.
        case sameAsLine(Int)
        /// The row is probably a registered person and is taken as them, by the duplicate policy ``ParticipantImportOptions/DuplicatePolicy/link`` or a line decision.
        case link(Candidate, byLine: Bool)
        /// The row is probably a registered person; the user must choose (a duplicate policy, or a decision for the line).
        case undecided([Candidate])
    }

    /// One good row.
    public struct Row: Sendable, Hashable {
        public var line: Int
        public var fullName: String
        public var outcome: Outcome
        /// The person the row is, once known: the new participant's number after writing, or the registered one's.
        public var participantID: Int64?
    }

    /// The file's name.
    public var file: String
    /// How it was read: “CSV, Windows-1251, semicolon (;)” or “XLSX, sheet “Qatnashchilar””.
    public var source: String
    /// Whether the file is a worksheet (rows and lettered columns) rather than CSV (lines and numbered columns).
    public var isWorksheet: Bool
    public var headerLine: Int
    public var columns: [ImportColumn]
    public var rows: [Row]
    /// Every problem found, in file order; a row may have several.
    public var problems: [ImportProblem]
    public var eventID: Int64?
    /// People who are (or would be) newly enrolled in the event.
    public var newlyEnrolled: Int
    /// People on the list who were enrolled in the event already.
    public var alreadyEnrolled: Int
    /// Whether anything was written.
    public var written: Bool
    /// Rows the worksheet hides, left out (or imported, when asked), by line.
    public var hiddenRows: [Int] = []
    /// Whether the hidden rows were imported.
    public var includedHidden = false
    /// What was filled in where the file was silent, and corrected, for the people added.
    public var defaults = ParticipantImportDefaults()
    /// Why nothing was written, when the import was refused: bad rows without `skipInvalid`, undecided duplicates, a full event.
    public var refusals: [MalakaError]

    /// The lines with at least one problem: these rows are rejected.
    public var rejectedLines: [Int] {
        var seen = Set<Int>()
        return problems.map(\.line).filter { seen.insert($0).inserted }
    }

    public var added: [Row] { rows.filter { if case .add = $0.outcome { true } else { false } } }
    public var alreadyRegistered: [Row] { rows.filter { if case .alreadyRegistered = $0.outcome { true } else { false } } }
    public var sameAsEarlierRow: [Row] { rows.filter { if case .sameAsLine = $0.outcome { true } else { false } } }
    public var linked: [Row] { rows.filter { if case .link = $0.outcome { true } else { false } } }
    public var undecided: [Row] { rows.filter { if case .undecided = $0.outcome { true } else { false } } }
    /// Rows added as new people although a registered person has a like name.
    public var addedDespiteSimilar: [Row] {
        rows.filter { if case .add(let similar) = $0.outcome { !similar.isEmpty } else { false } }
    }
}
