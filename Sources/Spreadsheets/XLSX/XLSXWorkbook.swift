import Foundation

/// An opened XLSX workbook: its sheets, where their parts are, and the parts they share.
struct XLSXWorkbook {
    private var package: XLSXPackage
    private let limits: SpreadsheetLimits
    private let workbookPart: String
    private let relationships: [String: RelationshipsHandler.Relationship]
    private let sharedStringsPart: String?
    private let stylesPart: String?
    /// The sheets in tab order.
    let sheets: [WorkbookHandler.SheetEntry]
    let uses1904: Bool

    /// Opens the workbook in `data`, reading the package relationships, the workbook part and its relationships.
    init(data: Data, limits: SpreadsheetLimits) throws(SpreadsheetError) {
        self.limits = limits
        package = try XLSXPackage(data: data, limits: limits)

        var workbookPart = "xl/workbook.xml"
        if package.contains("_rels/.rels") {
            let handler = RelationshipsHandler(sourcePart: "")
            try XMLPart.parse(package.read("_rels/.rels"), part: "_rels/.rels", with: handler)
            if let document = handler.relationships.first(where: { $0.hasType("officeDocument") && !$0.isExternal }) {
                workbookPart = document.path
            }
        }
        guard package.contains(workbookPart) else { throw try Self.notAWorkbook(&package) }
        self.workbookPart = workbookPart

        let workbook = WorkbookHandler()
        try XMLPart.parse(package.read(workbookPart), part: workbookPart, with: workbook)
        sheets = workbook.sheets
        uses1904 = workbook.usesDate1904

        let relationshipsPart = RelationshipsHandler.relationshipsPath(of: workbookPart)
        let handler = RelationshipsHandler(sourcePart: workbookPart)
        try XMLPart.parse(package.read(relationshipsPart), part: relationshipsPart, with: handler)
        var relationships: [String: RelationshipsHandler.Relationship] = [:]
        for relationship in handler.relationships where relationships[relationship.id] == nil {
            relationships[relationship.id] = relationship
        }
        self.relationships = relationships
        sharedStringsPart = handler.relationships.first { $0.hasType("sharedStrings") && !$0.isExternal }?.path
        stylesPart = handler.relationships.first { $0.hasType("styles") && !$0.isExternal }?.path
    }

    /// The sheet called `name` (exactly, else ignoring case and surrounding spaces), or the
    /// first visible worksheet when `name` is `nil`.
    func sheet(named name: String?) throws(SpreadsheetError) -> WorkbookHandler.SheetEntry {
        let names = sheets.map { "“\($0.name)”" }.joined(separator: ", ")
        guard let name else {
            let worksheets = sheets.filter { relationships[$0.relationshipID]?.hasType("worksheet") == true }
            guard let first = worksheets.first(where: { !$0.isHidden }) ?? worksheets.first else {
                throw SpreadsheetError(
                    code: .sheetNotFound,
                    message: "The workbook has no worksheet\(sheets.isEmpty ? "" : ", only \(names)").",
                    remedy: "Open it in Excel or LibreOffice and check that the list is on a worksheet.")
            }
            return first
        }
        let simplified = name.trimmingCharacters(in: .whitespaces).lowercased()
        guard let sheet = sheets.first(where: { $0.name == name })
            ?? sheets.first(where: { $0.name.trimmingCharacters(in: .whitespaces).lowercased() == simplified })
        else {
            throw SpreadsheetError(
                code: .sheetNotFound,
                message: "The workbook has no sheet named “\(name)”; its sheets are \(names).",
                remedy: "Give one of these names, or none to read the first sheet.")
        }
        return sheet
    }

    /// Reads the rows and merged ranges of `sheet`, with rows for the blank rows between them.
    mutating func rows(of sheet: WorkbookHandler.SheetEntry) throws(SpreadsheetError)
        -> (rows: [SheetRow], merged: [CellRange], formulasWithoutValue: [CellPosition]) {
        guard let relationship = relationships[sheet.relationshipID] else {
            throw XMLPart.malformed(
                workbookPart,
                detail: "the sheet “\(sheet.name)” points to relationship \(sheet.relationshipID), which doesn't exist")
        }
        guard relationship.hasType("worksheet"), !relationship.isExternal else {
            throw SpreadsheetError(
                code: .sheetNotFound,
                message: "The sheet “\(sheet.name)” is a chart or dialog sheet, not a table.",
                remedy: "Name a worksheet that holds the list.")
        }

        var sharedStrings: [String] = []
        if let part = sharedStringsPart {
            let handler = SharedStringsHandler()
            try XMLPart.parse(package.read(part), part: part, with: handler)
            sharedStrings = handler.strings
        }
        var kindOfStyle: [NumberFormatKind?] = []
        if let part = stylesPart, package.contains(part) {
            let handler = StylesHandler()
            try XMLPart.parse(package.read(part), part: part, with: handler)
            kindOfStyle = handler.kindOfStyle
        }

        let worksheet = WorksheetHandler(context: .init(
            part: relationship.path, sharedStrings: sharedStrings, kindOfStyle: kindOfStyle,
            uses1904: uses1904, limits: limits))
        do throws(SpreadsheetError) {
            try XMLPart.parse(package.read(relationship.path), part: relationship.path, with: worksheet)
        } catch {
            var error = error
            error.sheet = sheet.name
            throw error
        }
        return (Self.fillingGaps(worksheet.rows), worksheet.mergedCells, worksheet.formulasWithoutValue)
    }

    /// The rows in order from row 1, with a blank row for each row number the file leaves out.
    private static func fillingGaps(_ rows: [SheetRow]) -> [SheetRow] {
        var sorted = rows
        if !zip(rows, rows.dropFirst()).allSatisfy({ $0.line <= $1.line }) {
            sorted.sort { $0.line < $1.line }
        }
        var filled: [SheetRow] = []
        filled.reserveCapacity(sorted.last?.line ?? 0)
        for row in sorted {
            while filled.count + 1 < row.line {
                filled.append(SheetRow(line: filled.count + 1, cells: []))
            }
            if filled.count + 1 == row.line {
                filled.append(row)
            } else if let index = filled.indices.last, filled[index].line == row.line {
                // A row repeated in the file: its cells fill the first one's gaps.
                for (offset, cell) in row.cells.enumerated() where !cell.isEmpty {
                    if filled[index].cells.count <= offset {
                        filled[index].cells.append(contentsOf: repeatElement("", count: offset + 1 - filled[index].cells.count))
                    }
                    filled[index].cells[offset] = cell
                }
            }
        }
        return filled
    }

    /// The error for a ZIP archive that has no workbook: an OpenDocument spreadsheet, or something else.
    private static func notAWorkbook(_ package: inout XLSXPackage) throws(SpreadsheetError) -> SpreadsheetError {
        if package.contains("mimetype"),
           let mimetype = String(data: try package.read("mimetype"), encoding: .utf8),
           mimetype.contains("opendocument.spreadsheet") {
            return SpreadsheetError(
                code: .unsupportedFormat,
                message: "This is an OpenDocument spreadsheet (.ods), which is not read here.",
                remedy: "Open it in LibreOffice and save it as .xlsx (Excel 2007-365) or as CSV.")
        }
        return SpreadsheetError(
            code: .unsupportedFormat,
            message: "This is a ZIP archive but not an Excel workbook: it has no xl/workbook.xml.",
            remedy: "Choose the .xlsx file that holds the list, or save the list from Excel as .xlsx or CSV.")
    }
}
