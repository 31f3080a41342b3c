/// Why a spreadsheet could not be read: what went wrong, where, and what to do about it.
///
/// Its ``description`` is a complete message for the person who brought the file:
///
/// ```
/// participants.csv, line 12, column 3: A quoted field starts here but its closing quote is
/// never found. Check that every opening " has a closing one, and that quotes inside a field are doubled ("").
/// ```
///
/// Test for a kind of failure with ``code``:
///
/// ```swift
/// } catch let error as SpreadsheetError where error.code == .unterminatedQuote {
/// ```
public struct SpreadsheetError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure.
    public var code: Code
    /// What went wrong, as a sentence.
    public var message: String
    /// What the user can do about it, as a sentence, if there is advice to give.
    public var remedy: String?
    /// The file's name, if known.
    public var file: String?
    /// The worksheet's name, for XLSX.
    public var sheet: String?
    /// The part of the XLSX package at fault, such as `xl/sharedStrings.xml`.
    public var part: String?
    /// The 1-based line (CSV) or row number (XLSX), if the failure has one.
    public var line: Int?
    /// The 1-based column, if the failure has one.
    public var column: Int?
    /// The offset in the file of the offending byte, for encoding failures.
    public var byteOffset: Int?

    /// Creates an error; readers fill in ``file`` and ``sheet`` as it passes them.
    public init(
        code: Code,
        message: String,
        remedy: String? = nil,
        file: String? = nil,
        sheet: String? = nil,
        part: String? = nil,
        line: Int? = nil,
        column: Int? = nil,
        byteOffset: Int? = nil
    ) {
        self.code = code
        self.message = message
        self.remedy = remedy
        self.file = file
        self.sheet = sheet
        self.part = part
        self.line = line
        self.column = column
        self.byteOffset = byteOffset
    }

    /// The cell at fault, when the failure has both a line and a column.
    public var position: CellPosition? {
        guard let line, let column else { return nil }
        return CellPosition(line: line, column: column)
    }

    /// Where, what and what to do, in one message.
    public var description: String {
        var place: [String] = []
        if let file { place.append(file) }
        if let sheet { place.append("sheet “\(sheet)”") }
        if let part, line == nil, !message.contains(part) { place.append("part \(part)") }
        let isWorksheet = sheet != nil
        if let line { place.append(isWorksheet ? "row \(line)" : "line \(line)") }
        if let column {
            place.append(isWorksheet ? "column \(CellPosition.columnLetter(for: column))" : "column \(column)")
        }
        var location = place.joined(separator: ", ")
        if let byteOffset { location += location.isEmpty ? "byte \(byteOffset)" : " (byte \(byteOffset))" }
        var text = location.isEmpty ? message : "\(location): \(message)"
        if let remedy { text += " " + remedy }
        return text
    }
}
