extension SpreadsheetError {
    /// A kind of failure, to test against: `error.code == .unterminatedQuote`.
    ///
    /// New codes may be added; switch over them with a `default`.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable {
            case unreadableFile, fileTooLarge, emptyFile, notText, unsupportedFormat
            case invalidEncoding, nulByte, unterminatedQuote, unexpectedQuote
            case cellTooLarge, tooManyRows, tooManyColumns, tooManyCells
            case damagedArchive, archiveTooLarge, missingPart, malformedPart, sheetNotFound
        }

        private let base: Base

        private init(_ base: Base) {
            self.base = base
        }

        /// The file doesn't exist, is a folder, or can't be read.
        public static let unreadableFile = Code(.unreadableFile)
        /// The file is larger than ``SpreadsheetLimits/maxFileBytes``.
        public static let fileTooLarge = Code(.fileTooLarge)
        /// The file has no bytes, or only blank lines.
        public static let emptyFile = Code(.emptyFile)
        /// The file is binary (an image, a PDF, a legacy `.xls`…), not text.
        public static let notText = Code(.notText)
        /// The file is a format this library doesn't read, such as an OpenDocument spreadsheet.
        public static let unsupportedFormat = Code(.unsupportedFormat)
        /// A byte sequence isn't valid in the encoding used; see ``SpreadsheetError/byteOffset``.
        public static let invalidEncoding = Code(.invalidEncoding)
        /// The text contains a NUL character.
        public static let nulByte = Code(.nulByte)
        /// A quoted CSV field is never closed; the position is where its quote opened.
        public static let unterminatedQuote = Code(.unterminatedQuote)
        /// A CSV field has a `"` where none may be: text after a closing quote, or
        /// (with ``QuoteHandling/strict``) a quote inside an unquoted field.
        public static let unexpectedQuote = Code(.unexpectedQuote)
        /// A cell is longer than ``SpreadsheetLimits/maxCellBytes``.
        public static let cellTooLarge = Code(.cellTooLarge)
        /// The sheet has more rows than ``SpreadsheetLimits/maxRows``.
        public static let tooManyRows = Code(.tooManyRows)
        /// A row has more cells than ``SpreadsheetLimits/maxColumns``.
        public static let tooManyColumns = Code(.tooManyColumns)
        /// The sheet has more cells than ``SpreadsheetLimits/maxCells``.
        public static let tooManyCells = Code(.tooManyCells)
        /// The XLSX file isn't a readable ZIP archive: truncated, corrupted or not a ZIP at all.
        public static let damagedArchive = Code(.damagedArchive)
        /// An XLSX part decompresses to more than the limits allow (a “zip bomb”).
        public static let archiveTooLarge = Code(.archiveTooLarge)
        /// A part the workbook needs is not in the XLSX package.
        public static let missingPart = Code(.missingPart)
        /// A part of the XLSX package is not well-formed XML, or holds values that make no sense.
        public static let malformedPart = Code(.malformedPart)
        /// The workbook has no worksheet of the requested name, or none at all.
        public static let sheetNotFound = Code(.sheetNotFound)

        /// The code's name, such as `unterminatedQuote`.
        public var description: String {
            base.rawValue
        }
    }
}
