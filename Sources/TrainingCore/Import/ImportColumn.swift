/// One column of an imported file: its header and what Malaka took it for.
public struct ImportColumn: Sendable, Hashable {
    /// The 1-based column number.
    public var column: Int
    /// The header as written in the file.
    public var header: String
    /// The field the column fills, or nil when it is left out.
    public var field: ImportField?
    /// For a sign-in sheet, the session the column marks.
    public var session: Session?
    /// Why a column is left out, when it is.
    public var leftOut: LeftOut?

    /// Why an import leaves a column out.
    public enum LeftOut: Sendable, Hashable {
        /// The user's column mapping says to ignore it.
        case ignoredByMapping
        /// Its header names a field this import does not use.
        case notUsedByThisImport
        /// An earlier column already gives the same field.
        case fieldGivenByColumn(Int, ImportField)
        /// The header is empty.
        case noHeader
        /// The header is one Malaka leaves out on purpose, such as № or Izoh.
        case knownExtra
        /// The header is not one Malaka recognises.
        case headerNotRecognised
    }

    public init(column: Int, header: String, field: ImportField? = nil, session: Session? = nil, leftOut: LeftOut? = nil) {
        self.column = column
        self.header = header
        self.field = field
        self.session = session
        self.leftOut = leftOut
    }

    /// The spreadsheet letters of a 1-based column: 1 → `A`, 28 → `AB`.
    public static func letter(_ column: Int) -> String {
        guard column >= 1 else { return "" }
        var letters: [Character] = []
        var remaining = column
        while remaining > 0 {
            remaining -= 1
            letters.append(Character(Unicode.Scalar(UInt8(65 + remaining % 26))))
            remaining /= 26
        }
        return String(letters.reversed())
    }

    /// The 1-based column that spreadsheet letters name (`C` → 3), or nil if the text is not letters.
    static func number(letters text: String) -> Int? {
        let upper = text.uppercased()
        guard (1...3).contains(upper.count), upper.unicodeScalars.allSatisfy({ (65...90).contains($0.value) }) else { return nil }
        return upper.unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 }
    }
}
