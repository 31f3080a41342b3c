import Spreadsheets

/// Where the header row of an imported file is and which column holds which field.
///
/// The header row is the row, among the first twenty that are not blank, with the
/// most recognised headers: titles such as “Ishtirokchilar roʻyxati” above it are
/// skipped. A header is recognised in any of the five languages (see
/// ``ImportField``) or named in a mapping `COLUMN=FIELD`, where COLUMN is the header
/// text, the column's letters (`C`) or its number (`3`).
struct ColumnLayout: Sendable {
    /// The index in `sheet.rows` of the header row.
    var headerIndex: Int
    /// The header row's line.
    var headerLine: Int
    var columns: [ImportColumn]
    /// The column of each field found.
    var fieldColumns: [ImportField: Int]

    /// How many rows from the top are searched for the header row.
    static let headerSearchDepth = 20

    /// Finds the header row and the fields.
    ///
    /// - Parameters:
    ///   - map: `COLUMN=FIELD` pairs as the user wrote them.
    ///   - allowed: the fields this import uses; other recognised headers are left out.
    ///   - isExtraHeader: recognises headers that are not fields, such as the dates of a sign-in sheet.
    static func find(
        in sheet: Sheet, map: [String], allowed: Set<ImportField>, isExtraHeader: (String) -> Bool = { _ in false }
    ) throws -> ColumnLayout {
        let mapping = try map.map(parseMapping)
        let candidates = sheet.rows.indices.filter { !sheet.rows[$0].isBlank }.prefix(headerSearchDepth)
        guard !candidates.isEmpty else {
            throw MalakaError.data("\(sheet.fileName ?? "The file") has no rows. Give a file with a header row and one row per person.")
        }
        var best: (index: Int, score: Int)?
        for index in candidates {
            let cells = sheet.rows[index].cells
            var score = 0
            for cell in cells {
                if let field = ImportField.recognise(header: cell), field != .ignore, allowed.contains(field) {
                    score += 2
                } else if isExtraHeader(cell) {
                    score += 1
                }
            }
            for (spec, _) in mapping where cells.contains(where: { headerMatches($0, spec) }) {
                score += 2
            }
            if score > (best?.score ?? 0) { best = (index, score) }
        }
        // With only letter or number mappings, the first row is the header.
        let headerIndex = best?.index ?? (mapping.isEmpty ? nil : candidates.first!)
        guard let headerIndex else {
            throw MalakaError(.data, .noHeaderRow, "\(sheet.fileName ?? "The file") has no header row that Malaka recognises: none of its first rows has a column such as F.I.Sh., ФИО, Аты-жөнү, Full name, Jinsi or Пол.",
                              subject: sheet.fileName.map { .file($0) }, remedy: .addHeaderRowOrMapColumns(example: "C=name"))
        }
        let headerRow = sheet.rows[headerIndex]
        let isWorksheet: Bool
        if case .xlsx = sheet.source { isWorksheet = true } else { isWorksheet = false }
        let width = max(headerRow.cells.count, sheet.columnCount)

        var mapped: [Int: ImportField] = [:]
        for (spec, field) in mapping {
            let column: Int?
            if let byHeader = headerRow.cells.firstIndex(where: { headerMatches($0, spec) }) {
                column = byHeader + 1
            } else if let number = Int(spec), number >= 1 {
                column = number
            } else {
                column = ImportColumn.number(letters: spec)
            }
            guard let column, column <= width else {
                let headers = headerRow.cells.filter { !$0.trimmingSpaces().isEmpty }.map { "“\($0.trimmingSpaces())”" }
                throw MalakaError(.usage, .unknownColumn, "names no column: none is headed “\(spec)”. The headers on \(isWorksheet ? "row" : "line") \(headerRow.line) are \(headers.joined(separator: ", ")); give one of them, or the column's letter or number.",
                                  location: .input(.map("\(spec)=\(field.rawValue)")))
            }
            if let earlier = mapped[column], earlier != field {
                throw MalakaError(.usage, .contradictoryMapping, "names column \(ImportColumn.letter(column)) twice, as \(earlier.rawValue) and as \(field.rawValue). Map each column once.",
                                  location: .input(.map(nil)))
            }
            if field != .ignore, let other = mapped.first(where: { $0.value == field && $0.key != column }) {
                throw MalakaError(.usage, .contradictoryMapping, "gives the field \(field.rawValue) to two columns, \(ImportColumn.letter(other.key)) and \(ImportColumn.letter(column)). Give it to one.",
                                  location: .input(.map(nil)))
            }
            mapped[column] = field
        }

        var columns: [ImportColumn] = []
        var fieldColumns: [ImportField: Int] = [:]
        // Fields the mapping gives take their column first.
        for (column, field) in mapped where field != .ignore {
            fieldColumns[field] = column
        }
        for column in 1...max(width, 1) {
            let header = headerRow[column: column]
            var entry = ImportColumn(column: column, header: header)
            if let field = mapped[column] {
                if field == .ignore {
                    entry.leftOut = .ignoredByMapping
                } else {
                    entry.field = field
                }
            } else if let field = ImportField.recognise(header: header), field != .ignore {
                if !allowed.contains(field) {
                    entry.leftOut = .notUsedByThisImport
                } else if let taken = fieldColumns[field] {
                    entry.leftOut = .fieldGivenByColumn(taken, field)
                } else {
                    entry.field = field
                    fieldColumns[field] = column
                }
            } else if header.trimmingSpaces().isEmpty {
                entry.leftOut = .noHeader
            } else {
                // Headers without letters (№, #) and known ones such as Izoh or Примечание are left out on purpose.
                let known = ImportField.headerKey(header).isEmpty || ImportField.recognise(header: header) == .ignore
                entry.leftOut = known ? .knownExtra : .headerNotRecognised
            }
            columns.append(entry)
        }
        return ColumnLayout(headerIndex: headerIndex, headerLine: headerRow.line, columns: columns, fieldColumns: fieldColumns)
    }

    /// Splits `COLUMN=FIELD`; the field may be `FIELD` names such as `name`, `sex`, `birth-year`.
    private static func parseMapping(_ text: String) throws -> (String, ImportField) {
        guard let equals = text.lastIndex(of: "=") else {
            throw MalakaError(.usage, .malformedMapping, "needs the form COLUMN=FIELD,", location: .input(.map("“\(text)”")),
                              remedy: .mapLike(["\"Ota-onasi=name\"", "C=sex"]))
        }
        let spec = text[..<equals].trimmingSpaces()
        guard !spec.isEmpty else {
            throw MalakaError(.usage, .malformedMapping, "names no column. Write the header, the letter or the number before the =.",
                              location: .input(.map("“\(text)”")))
        }
        return (spec, try ImportField(parsing: String(text[text.index(after: equals)...])))
    }

    /// Whether a header cell is the one a mapping names: the same text, ignoring case, script and punctuation.
    private static func headerMatches(_ cell: String, _ spec: String) -> Bool {
        let trimmed = cell.trimmingSpaces()
        if trimmed == spec { return true }
        let key = ImportField.headerKey(cell)
        return !key.isEmpty && key == ImportField.headerKey(spec)
    }
}

extension Substring {
    func trimmingSpaces() -> String {
        String(self).trimmingSpaces()
    }
}
