/// Recognises files that are not text: known binary formats by their first bytes, anything else by its control bytes.
enum BinarySniffer {
    private static let signatures: [(bytes: [UInt8], what: String, remedy: String)] = [
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1],
         "This is a legacy Excel 97–2003 workbook (.xls), which is not read here.",
         "Open it in Excel or LibreOffice and save it as .xlsx or as “CSV UTF-8”."),
        ([0x50, 0x4B, 0x03, 0x04],
         "This is a ZIP archive, such as an .xlsx workbook, not a CSV file.",
         "Give it the .xlsx extension, or read it with Spreadsheet.read, which recognises workbooks."),
        (Array("%PDF".utf8),
         "This is a PDF document, not a spreadsheet.",
         "Export the table from the program that made the PDF as .xlsx or CSV."),
        ([0x89, 0x50, 0x4E, 0x47],
         "This is a PNG image, not a spreadsheet.",
         "Type the list into a spreadsheet and save it as .xlsx or CSV."),
        ([0xFF, 0xD8, 0xFF],
         "This is a JPEG image, not a spreadsheet.",
         "Type the list into a spreadsheet and save it as .xlsx or CSV."),
    ]

    /// Throws ``SpreadsheetError/Code/notText`` if the file starts like a binary format.
    static func checkSignature(_ bytes: UnsafeBufferPointer<UInt8>) throws(SpreadsheetError) {
        for signature in signatures where bytes.starts(with: signature.bytes) {
            throw SpreadsheetError(code: .notText, message: signature.what, remedy: signature.remedy)
        }
    }

    /// Throws ``SpreadsheetError/Code/notText`` if more than one in ten of the first 8 KiB are control bytes.
    static func checkControlBytes(_ bytes: UnsafeBufferPointer<UInt8>) throws(SpreadsheetError) {
        let sample = UnsafeBufferPointer(rebasing: bytes.prefix(8192))
        var controls = 0
        for byte in sample where byte < 0x20 {
            switch byte {
            case 0x09, 0x0A, 0x0C, 0x0D, 0x1A: continue
            default: controls += 1
            }
        }
        if controls * 10 > sample.count {
            throw SpreadsheetError(
                code: .notText,
                message: "This file is binary, not text: it is not a CSV file.",
                remedy: "Open it in the program that made it and save the table as .xlsx or as “CSV UTF-8”.")
        }
    }
}
