import Foundation

/// Reads a CSV file into a ``Sheet``, detecting its encoding and separator unless told them.
///
/// For example:
///
/// ```swift
/// let sheet = try CSVReader().read(contentsOf: URL(filePath: "ishtirokchilar.csv"))
/// // sheet.source == .csv(encoding: .windows1251, separator: .semicolon)
/// ```
///
/// Encodings: UTF-8 with or without BOM, UTF-16 LE/BE with BOM (or without,
/// recognised by its NUL bytes), and Windows-1251, chosen when the bytes are not
/// UTF-8 but read as Cyrillic. Separators: `,`, `;` or tab, whichever splits the
/// first records into the same number of fields most often. Quoting follows
/// RFC 4180; see ``QuoteHandling`` for quotes inside unquoted fields. Line ends
/// may be CRLF, LF or a lone CR; inside a quoted field they are kept as written.
/// Cells are not trimmed.
///
/// Each ``SheetRow`` has the physical line it starts on; trailing blank rows are
/// dropped, and other blank rows are kept unless ``SpreadsheetOptions/skipsBlankRows``.
public struct CSVReader: Sendable {
    /// The options used for every read.
    public var options: SpreadsheetOptions

    /// Creates a reader with `options`.
    public init(options: SpreadsheetOptions = SpreadsheetOptions()) {
        self.options = options
    }

    /// Reads the CSV file at `url`.
    public func read(contentsOf url: URL) throws(SpreadsheetError) -> Sheet {
        let data = try FileLoader.load(url, limit: options.limits.maxFileBytes)
        return try read(data: data, fileName: url.lastPathComponent)
    }

    /// Reads CSV bytes; `fileName` appears in error messages and in the sheet.
    public func read(data: Data, fileName: String? = nil) throws(SpreadsheetError) -> Sheet {
        do throws(SpreadsheetError) {
            return try read(bytes: [UInt8](data), fileName: fileName)
        } catch {
            var error = error
            error.file = error.file ?? fileName
            throw error
        }
    }

    private func read(bytes: [UInt8], fileName: String?) throws(SpreadsheetError) -> Sheet {
        guard bytes.count <= options.limits.maxFileBytes else {
            throw .fileTooLarge(size: bytes.count, limit: options.limits.maxFileBytes)
        }
        guard !bytes.isEmpty else { throw .emptyFile(onlyBlankLines: false) }

        let decoded = try TextDecoder.decode(bytes, forced: options.encoding)
        let (rows, separator) = try decoded.text.withUnsafeBufferPointer {
            (text) throws(SpreadsheetError) -> ([SheetRow], CSVSeparator) in
            if let problem = decoded.problem {
                throw error(for: problem, in: UnsafeBufferPointer(rebasing: text[..<problem.outputOffset]))
            }
            let separator = options.separator ?? SeparatorDetector.detect(text)
            let parser = CSVParser(separator: separator.byte, quotes: options.quotes, limits: options.limits)
            return (try parser.parse(text), separator)
        }
        var kept = rows
        while let last = kept.last, last.isBlank { kept.removeLast() }
        guard !kept.isEmpty else { throw .emptyFile(onlyBlankLines: decoded.text.count > 0) }
        if options.skipsBlankRows { kept.removeAll(where: \.isBlank) }
        return Sheet(rows: kept, source: .csv(encoding: decoded.encoding, separator: separator), fileName: fileName)
    }

    /// The error for a decoding problem, placed at the line and field where it occurs.
    private func error(
        for problem: TextDecoder.Problem, in prefix: UnsafeBufferPointer<UInt8>
    ) -> SpreadsheetError {
        let separator = options.separator ?? SeparatorDetector.detect(prefix)
        let (line, column) = CSVParser.locate(offset: prefix.count, in: prefix, separator: separator.byte)
        let checkEncoding = "Name the file's encoding (UTF-8, UTF-16 or Windows-1251), or save it from Excel as “CSV UTF-8”."
        switch problem.kind {
        case .nul:
            return SpreadsheetError(
                code: .nulByte,
                message: "The text contains a NUL character, which has no place in a CSV file.",
                remedy: "The file may be damaged or not a CSV file; open it in a spreadsheet program and save it again as CSV.",
                line: line, column: column, byteOffset: problem.inputOffset)
        case let .invalid(detail):
            return SpreadsheetError(
                code: .invalidEncoding,
                message: detail,
                remedy: checkEncoding,
                line: line, column: column, byteOffset: problem.inputOffset)
        case let .unknownEncoding(byte):
            return SpreadsheetError(
                code: .invalidEncoding,
                message: "The byte 0x\(TextDecoder.hex(byte)) is not valid UTF-8, and the text doesn't read as Windows-1251 Cyrillic either.",
                remedy: checkEncoding,
                line: line, column: column, byteOffset: problem.inputOffset)
        }
    }
}
