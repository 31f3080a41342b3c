import Foundation
import Spreadsheets

extension SignInSheet {
    /// The sheet as a workbook (XLSX): the title and details above the grid, the header bold. With marks typed
    /// in the day columns (+ present, - absent, kech late, sababli excused) it imports back as a sign-in sheet:
    /// the import finds the header row itself.
    public func workbook() throws -> Data {
        let rows = [[words.title + " — " + title]] + details.map { [$0] } + [[]] + [header] + rows
        let headerRow = details.count + 2
        var widths: [Int: Double] = [0: 5, 1: 7, 2: 36]
        for column in Self.leadingColumns..<header.count { widths[column] = 12 }
        do {
            return try XLSXWriter(sheetName: words.title, boldRows: [0, headerRow], columnWidths: widths).data(rows: rows)
        } catch {
            throw MalakaError.io("The workbook could not be written: \(error).")
        }
    }
}
