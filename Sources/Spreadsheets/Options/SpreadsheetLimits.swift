/// Upper bounds that protect the reader from huge or hostile files.
///
/// Each limit, when exceeded, stops reading with a ``SpreadsheetError`` that
/// names it. The defaults are far above any real participant list.
public struct SpreadsheetLimits: Sendable, Hashable {
    /// The largest file read, in bytes. Default 100 MiB.
    public var maxFileBytes: Int
    /// The longest cell value, in UTF-8 bytes. Default 64 KiB (Excel itself stops at 32,767 characters).
    public var maxCellBytes: Int
    /// The most rows. Default 1,048,576, as many as an Excel worksheet has.
    public var maxRows: Int
    /// The most columns in a row. Default 16,384, as many as an Excel worksheet has (`XFD`).
    public var maxColumns: Int
    /// The most cells in all rows together. Default 10,000,000.
    public var maxCells: Int
    /// The most bytes decompressed from one XLSX part, checked while decompressing. Default 64 MiB.
    public var maxPartBytes: Int
    /// The most bytes decompressed from an XLSX file in all, checked while decompressing. Default 100 MiB.
    public var maxUncompressedBytes: Int
    /// The most entries in an XLSX archive. Default 10,000.
    public var maxArchiveEntries: Int

    /// Creates limits; every parameter has the default described on its property.
    public init(
        maxFileBytes: Int = 100 << 20,
        maxCellBytes: Int = 64 << 10,
        maxRows: Int = 1_048_576,
        maxColumns: Int = 16_384,
        maxCells: Int = 10_000_000,
        maxPartBytes: Int = 64 << 20,
        maxUncompressedBytes: Int = 100 << 20,
        maxArchiveEntries: Int = 10_000
    ) {
        self.maxFileBytes = maxFileBytes
        self.maxCellBytes = maxCellBytes
        self.maxRows = maxRows
        self.maxColumns = maxColumns
        self.maxCells = maxCells
        self.maxPartBytes = maxPartBytes
        self.maxUncompressedBytes = maxUncompressedBytes
        self.maxArchiveEntries = maxArchiveEntries
    }
}
