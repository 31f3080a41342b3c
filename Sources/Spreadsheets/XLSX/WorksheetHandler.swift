import Foundation

/// Reads a worksheet part: its cells as text, placed by their references, and its merged ranges.
///
/// Shared and inline strings (rich-text runs joined, phonetic hints skipped),
/// numbers, booleans (`TRUE`/`FALSE`), errors (`#N/A`) and the cached values of
/// formulas all become text; numbers in a date or time format become ISO dates.
final class WorksheetHandler: XMLPartHandler {
    /// What the worksheet's cells refer to elsewhere in the workbook.
    struct Context {
        var part: String
        var sharedStrings: [String]
        var kindOfStyle: [NumberFormatKind?]
        var uses1904: Bool
        var limits: SpreadsheetLimits
    }

    private let context: Context
    private(set) var rows: [SheetRow] = []
    private(set) var mergedCells: [CellRange] = []
    private(set) var failure: SpreadsheetError?
    private(set) var formulasWithoutValue: [CellPosition] = []
    private var rowIsHidden = false
    private var cellHasFormula = false
    private var cellHasValue = false

    private var inSheetData = false
    private var rowNumber = 0
    private var cells: [String] = []
    private var column = 0
    private var cellType: String?
    private var cellStyle: Int?
    private var text = ""
    private var isCollecting = false
    private var inInlineString = false
    private var phoneticDepth = 0
    private var totalCells = 0

    init(context: Context) {
        self.context = context
    }

    func didStartElement(_ name: Substring, attributes attributeDict: [String: String]) {
        switch name {
        case "sheetData":
            inSheetData = true
        case "row" where inSheetData:
            startRow(attributeDict)
        case "c" where inSheetData:
            startCell(attributeDict)
        case "v":
            text = ""
            isCollecting = true
        case "f" where inSheetData:
            cellHasFormula = true
        case "is":
            text = ""
            inInlineString = true
        case "t" where inInlineString && phoneticDepth == 0:
            isCollecting = true
        case "rPh":
            phoneticDepth += 1
        case "mergeCell":
            if let reference = XMLPart.attribute("ref", in: attributeDict) {
                guard let range = CellRange(a1Range: reference) else {
                    return fail(XMLPart.malformed(context.part, detail: "the merged range “\(reference)” is not a cell range"))
                }
                mergedCells.append(range)
            }
        default:
            break
        }
    }

    func didEndElement(_ name: Substring) {
        switch name {
        case "sheetData":
            inSheetData = false
        case "row" where inSheetData:
            var row = SheetRow(line: rowNumber, cells: cells)
            row.isHidden = rowIsHidden
            rows.append(row)
            cells = []
        case "c" where inSheetData:
            endCell()
        case "v":
            isCollecting = false
            // openpyxl writes an uncalculated formula's value as an empty `<v/>`; only a formula of text type
            // (`t="str"`) can have calculated an empty value.
            cellHasValue = !text.isEmpty || cellType == "str"
        case "t":
            isCollecting = false
        case "is":
            inInlineString = false
        case "rPh":
            phoneticDepth -= 1
        default:
            break
        }
    }

    func foundCharacters(_ string: String) {
        if isCollecting { text += string }
    }

    private func startRow(_ attributes: [String: String]) {
        var number = rowNumber + 1
        if let reference = attributes["r"] {
            guard let parsed = Int(reference), (1...1_048_576).contains(parsed) else {
                return fail(XMLPart.malformed(context.part, detail: "“\(reference)” is not a row number"))
            }
            number = parsed
        }
        guard number <= context.limits.maxRows else {
            return fail(.tooManyRows(line: number, limit: context.limits.maxRows))
        }
        rowNumber = number
        rowIsHidden = XMLPart.isTrue(attributes["hidden"])
        cells = []
        column = 0
    }

    private func startCell(_ attributes: [String: String]) {
        var number = column + 1
        if let reference = attributes["r"] {
            guard let parsed = CellReference.parse(reference.utf8) else {
                return fail(XMLPart.malformed(context.part, detail: "“\(reference)” in row \(rowNumber) is not a cell reference"))
            }
            number = parsed.column
        }
        guard number <= context.limits.maxColumns else {
            return fail(.tooManyColumns(line: rowNumber, column: number, limit: context.limits.maxColumns))
        }
        column = number
        cellType = attributes["t"]
        cellStyle = attributes["s"].flatMap { Int($0) }
        text = ""
        cellHasFormula = false
        cellHasValue = false
    }

    private func endCell() {
        if cellHasFormula && !cellHasValue {
            formulasWithoutValue.append(CellPosition(line: rowNumber, column: column))
        }
        let value: String
        switch cellType {
        case "s":
            guard !text.isEmpty else { value = ""; break }
            guard let index = Int(text.trimmingCharacters(in: .whitespaces)), context.sharedStrings.indices.contains(index) else {
                var error = XMLPart.malformed(
                    context.part,
                    detail: "the cell refers to shared string “\(text)”, but the workbook has \(context.sharedStrings.count)")
                error.line = rowNumber
                error.column = column
                return fail(error)
            }
            value = context.sharedStrings[index]
        case "b":
            switch text.trimmingCharacters(in: .whitespaces) {
            case "1": value = "TRUE"
            case "0": value = "FALSE"
            default: value = text
            }
        case "d":
            value = text.hasSuffix("T00:00:00") || text.hasSuffix("T00:00:00Z") ? String(text.prefix(10)) : text
        case "inlineStr", "str":
            value = XMLPart.unescapingCharacters(text)
        case "e":
            value = text
        default:
            value = number(text)
        }
        guard !value.isEmpty else { return }
        guard value.utf8.count <= context.limits.maxCellBytes else {
            return fail(.cellTooLarge(line: rowNumber, column: column, limit: context.limits.maxCellBytes))
        }
        if column > cells.count {
            totalCells += column - cells.count
            guard totalCells <= context.limits.maxCells else {
                return fail(.tooManyCells(line: rowNumber, limit: context.limits.maxCells))
            }
            cells.append(contentsOf: repeatElement("", count: column - 1 - cells.count))
            cells.append(value)
        } else {
            cells[column - 1] = value
        }
    }

    /// A number as text, or as an ISO date or time if its style shows one.
    private func number(_ text: String) -> String {
        guard !text.isEmpty else { return "" }
        if let style = cellStyle, context.kindOfStyle.indices.contains(style), let kind = context.kindOfStyle[style],
           let serial = Double(text.trimmingCharacters(in: .whitespaces)),
           let date = ExcelDate.format(serial: serial, as: kind, uses1904: context.uses1904) {
            return date
        }
        return ExcelNumber.format(text)
    }

    private func fail(_ error: SpreadsheetError) {
        if failure == nil { failure = error }
    }
}
