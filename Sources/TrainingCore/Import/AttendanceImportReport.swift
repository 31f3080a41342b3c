/// What importing a sign-in sheet did, or would do: whom each row was taken for, the marks, the rejected rows.
public struct AttendanceImportReport: Sendable {
    /// How a row was matched to an enrolled person.
    public enum Identification: Sendable, Hashable {
        /// By the participant number in an Id column.
        case number
        /// By the name, spelt as registered (any case, apostrophe and word order).
        case name
        /// By the name written another way (the other script, a patronymic more…), with the reasons.
        case similarName([String])
    }

    /// One good row.
    public struct Row: Sendable, Hashable {
        public var line: Int
        public var participantID: Int64
        /// The name as registered.
        public var fullName: String
        /// The name as the sheet writes it.
        public var writtenName: String
        public var identification: Identification
        /// One mark per session column, in column order; nil where the cell was empty.
        public var marks: [AttendanceStatus?]
    }

    public var file: String
    public var source: String
    public var isWorksheet: Bool
    public var eventID: Int64
    public var headerLine: Int
    /// Every column; session columns carry their ``ImportColumn/session``.
    public var columns: [ImportColumn]
    public var rows: [Row]
    public var problems: [ImportProblem]
    /// Whether anything was written.
    public var written: Bool
    /// Why nothing was written, when the import was refused.
    public var refusals: [MalakaError]
    /// The lines of the rows the worksheet hides (with a name or marks in them).
    public var hiddenRows: [Int] = []
    /// Whether those rows were read too.
    public var includedHidden = false

    /// The session columns, in column order.
    public var sessionColumns: [ImportColumn] { columns.filter { $0.session != nil } }

    /// The number of marks recorded (or that would be).
    public var markCount: Int { rows.reduce(0) { $0 + $1.marks.compactMap { $0 }.count } }

    public var rejectedLines: [Int] {
        var seen = Set<Int>()
        return problems.map(\.line).filter { seen.insert($0).inserted }
    }
}
