import Foundation

/// Reads a worksheet of an `.xlsx` workbook into a ``Sheet``.
///
/// For example:
///
/// ```swift
/// var options = SpreadsheetOptions()
/// options.sheetName = "Qatnashchilar"
/// let sheet = try XLSXReader(options: options).read(contentsOf: URL(filePath: "ro'yxat.xlsx"))
/// print(sheet.rows[0].line)   // 1: rows are numbered as in the spreadsheet
/// ```
///
/// Reads the first visible worksheet unless ``SpreadsheetOptions/sheetName`` names
/// one. Every value comes back as text: shared and inline strings, numbers in
/// their shortest form (`1985`), booleans as `TRUE`/`FALSE`, formulas as their
/// cached value, and numbers in a date format as `yyyy-MM-dd` (with `THH:mm:ss`
/// for a date-and-time format, or `HH:mm:ss` alone for a time format), honouring
/// the 1904 date system. Rows start at row 1 with cells from column A, blank rows
/// filled in where the file leaves them out; merged ranges stay blank but
/// their top-left cell, and are listed in ``Sheet/mergedCells``.
///
/// The archive is read in memory only; the sizes in ``SpreadsheetLimits`` are
/// checked while decompressing, so a “zip bomb” is refused.
public struct XLSXReader: Sendable {
    /// The options used for every read.
    public var options: SpreadsheetOptions

    /// Creates a reader with `options`.
    public init(options: SpreadsheetOptions = SpreadsheetOptions()) {
        self.options = options
    }

    /// Reads a worksheet of the workbook at `url`.
    public func read(contentsOf url: URL) throws(SpreadsheetError) -> Sheet {
        let data = try FileLoader.load(url, limit: options.limits.maxFileBytes)
        return try read(data: data, fileName: url.lastPathComponent)
    }

    /// Reads a worksheet of the workbook in `data`; `fileName` appears in error messages and in the sheet.
    public func read(data: Data, fileName: String? = nil) throws(SpreadsheetError) -> Sheet {
        do throws(SpreadsheetError) {
            guard data.count <= options.limits.maxFileBytes else {
                throw .fileTooLarge(size: data.count, limit: options.limits.maxFileBytes)
            }
            guard !data.isEmpty else { throw .emptyFile(onlyBlankLines: false) }
            var workbook = try XLSXWorkbook(data: data, limits: options.limits)
            let sheet = try workbook.sheet(named: options.sheetName)
            let loaded = try workbook.rows(of: sheet)
            var rows = loaded.rows, merged = loaded.merged
            let formulas = loaded.formulasWithoutValue
            // A row whose formulas were saved without values reads blank but is not: it stays, to be reported.
            let formulaLines = Set(formulas.map(\.line))
            while let last = rows.last, last.isBlank, !formulaLines.contains(last.line) { rows.removeLast() }
            guard !rows.isEmpty else {
                throw SpreadsheetError(
                    code: .emptyFile,
                    message: "The sheet is empty.",
                    remedy: "Choose the sheet that holds the list; the workbook's sheets are "
                        + workbook.sheets.map { "“\($0.name)”" }.joined(separator: ", ") + ".",
                    sheet: sheet.name)
            }
            if options.skipsBlankRows { rows.removeAll { $0.isBlank && !formulaLines.contains($0.line) } }
            merged.sort { $0.first < $1.first }
            var read = Sheet(rows: rows, source: .xlsx(sheetName: sheet.name), mergedCells: merged, fileName: fileName)
            read.formulasWithoutValue = formulas
            return read
        } catch {
            var error = error
            error.file = error.file ?? fileName
            throw error
        }
    }

    /// The names of the workbook's sheets at `url`, in tab order, hidden ones included.
    public func sheetNames(contentsOf url: URL) throws(SpreadsheetError) -> [String] {
        let data = try FileLoader.load(url, limit: options.limits.maxFileBytes)
        return try sheetNames(data: data, fileName: url.lastPathComponent)
    }

    /// The names of the sheets of the workbook in `data`, in tab order, hidden ones included.
    public func sheetNames(data: Data, fileName: String? = nil) throws(SpreadsheetError) -> [String] {
        do throws(SpreadsheetError) {
            return try XLSXWorkbook(data: data, limits: options.limits).sheets.map(\.name)
        } catch {
            var error = error
            error.file = error.file ?? fileName
            throw error
        }
    }
}
