// The errors the readers throw, with their wording in one place.
extension SpreadsheetError {
    static func unterminatedQuote(line: Int, column: Int) -> SpreadsheetError {
        SpreadsheetError(
            code: .unterminatedQuote,
            message: "A quoted field starts here but its closing quote is never found.",
            remedy: "Check that every opening \" has a closing one, and that quotes inside a field are doubled (\"\").",
            line: line, column: column)
    }

    static func textAfterClosingQuote(line: Int, column: Int) -> SpreadsheetError {
        SpreadsheetError(
            code: .unexpectedQuote,
            message: "Text follows the closing quote of a quoted field.",
            remedy: "Inside a quoted field, write each \" twice (\"\"); or remove the quotes around the field.",
            line: line, column: column)
    }

    static func strayQuote(line: Int, column: Int) -> SpreadsheetError {
        SpreadsheetError(
            code: .unexpectedQuote,
            message: "A quote appears inside a field that does not start with one.",
            remedy: "Put the whole field in quotes and write each \" inside it twice (\"\"), or read with lenient quote handling.",
            line: line, column: column)
    }

    static func cellTooLarge(line: Int, column: Int, limit: Int) -> SpreadsheetError {
        SpreadsheetError(
            code: .cellTooLarge,
            message: "This cell is longer than the limit of \(byteCount(limit)).",
            remedy: "If it holds many lines of the file, a quote was left open; otherwise shorten the cell or raise the limit.",
            line: line, column: column)
    }

    static func tooManyColumns(line: Int, column: Int, limit: Int) -> SpreadsheetError {
        SpreadsheetError(
            code: .tooManyColumns,
            message: "This row has more than the limit of \(limit) columns.",
            remedy: "Check that the file is a table and its separator is right, or raise the column limit.",
            line: line, column: column)
    }

    static func tooManyRows(line: Int, limit: Int) -> SpreadsheetError {
        SpreadsheetError(
            code: .tooManyRows,
            message: "The sheet has more than the limit of \(limit) rows.",
            remedy: "Split the list into several files, or raise the row limit.",
            line: line)
    }

    static func tooManyCells(line: Int, limit: Int) -> SpreadsheetError {
        SpreadsheetError(
            code: .tooManyCells,
            message: "The sheet has more than the limit of \(limit) cells.",
            remedy: "Split the list into several files, or raise the cell limit.",
            line: line)
    }

    static func fileTooLarge(size: Int, limit: Int) -> SpreadsheetError {
        SpreadsheetError(
            code: .fileTooLarge,
            message: "The file is \(byteCount(size)), more than the limit of \(byteCount(limit)).",
            remedy: "Split the list into several files, or raise the file size limit.")
    }

    static func emptyFile(onlyBlankLines: Bool) -> SpreadsheetError {
        SpreadsheetError(
            code: .emptyFile,
            message: onlyBlankLines ? "The file has no rows, only blank lines." : "The file is empty.",
            remedy: "Check that the right file was chosen and that it was saved after editing.")
    }

    static func unreadableFile(_ reason: String) -> SpreadsheetError {
        SpreadsheetError(
            code: .unreadableFile,
            message: "The file can't be read: \(reason).",
            remedy: "Check the path and that the file is readable.")
    }

    /// A byte count as people read it: `512 bytes`, `64 KiB`, `1.5 MiB`.
    static func byteCount(_ bytes: Int) -> String {
        switch bytes {
        case ..<1024: return "\(bytes) bytes"
        case ..<(1 << 20): return scaled(bytes, 1 << 10, "KiB")
        default: return scaled(bytes, 1 << 20, "MiB")
        }
    }

    private static func scaled(_ bytes: Int, _ unit: Int, _ name: String) -> String {
        if bytes % unit == 0 { return "\(bytes / unit) \(name)" }
        let tenths = (bytes * 10 + unit / 2) / unit
        return "\(tenths / 10).\(tenths % 10) \(name)"
    }
}
