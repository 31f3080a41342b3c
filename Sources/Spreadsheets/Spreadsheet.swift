import Foundation

/// Reads the participant lists and sign-in sheets people bring, as `.csv` or `.xlsx`.
///
/// For example:
///
/// ```swift
/// do {
///     let sheet = try Spreadsheet.read(contentsOf: URL(filePath: "Samarqand-2019.xlsx"))
///     for row in sheet.rows where !row.isBlank { … }
/// } catch {
///     print(error)   // participants.csv, line 12, column 3: A quoted field starts here…
/// }
/// ```
///
/// The format comes from the file's first bytes: a ZIP archive (`PK\u{3}\u{4}`)
/// is read by ``XLSXReader``, anything else by ``CSVReader``, except that a file
/// named `.xlsx` or `.xlsm` must be a ZIP archive (a password-protected workbook
/// isn't, and is refused as such).
public enum Spreadsheet {
    /// Reads the file at `url` as XLSX or CSV.
    public static func read(
        contentsOf url: URL, options: SpreadsheetOptions = SpreadsheetOptions()
    ) throws(SpreadsheetError) -> Sheet {
        let data = try FileLoader.load(url, limit: options.limits.maxFileBytes)
        return try read(data: data, fileName: url.lastPathComponent, options: options)
    }

    /// Reads `data` as XLSX or CSV; `fileName` gives the extension and appears in error messages.
    public static func read(
        data: Data, fileName: String, options: SpreadsheetOptions = SpreadsheetOptions()
    ) throws(SpreadsheetError) -> Sheet {
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            return try XLSXReader(options: options).read(data: data, fileName: fileName)
        }
        let pathExtension = (fileName as NSString).pathExtension.lowercased()
        let isWorkbookName = ["xlsx", "xlsm"].contains(pathExtension)
        if isWorkbookName && data.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            throw SpreadsheetError(
                code: .unsupportedFormat,
                message: "The workbook is password-protected (Excel then stores it in another format), "
                    + "or it is an old .xls file renamed.",
                remedy: "Open it in Excel or LibreOffice, remove the password if there is one, and save it as .xlsx or CSV.",
                file: fileName)
        }
        if isWorkbookName && !data.isEmpty {
            throw SpreadsheetError(
                code: .damagedArchive,
                message: "The file is named .\(pathExtension) but is not a ZIP archive, as every Excel workbook is.",
                remedy: "Copy the file again from where it came, or open it in Excel or LibreOffice and save it as .xlsx.",
                file: fileName)
        }
        return try CSVReader(options: options).read(data: data, fileName: fileName)
    }
}
