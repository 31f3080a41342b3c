/// Splits UTF-8 CSV text into rows, byte by byte: RFC 4180 quoting, CRLF, LF or lone CR line ends.
///
/// Every row records the physical line it starts on, counting the line breaks
/// inside quoted fields. A `"` inside an unquoted field is kept (Excel's
/// behaviour) unless quotes are strict. After a closing quote only spaces may
/// come before the separator or line end.
struct CSVParser {
    var separator: UInt8
    var quotes: QuoteHandling
    var limits: SpreadsheetLimits

    private static let quote = UInt8(ascii: "\"")
    private static let cr = UInt8(ascii: "\r")
    private static let lf = UInt8(ascii: "\n")
    private static let space = UInt8(ascii: " ")
    private static let tab = UInt8(ascii: "\t")

    /// Parses `text`, which must be valid UTF-8, into rows; an empty text has none.
    func parse(_ text: UnsafeBufferPointer<UInt8>) throws(SpreadsheetError) -> [SheetRow] {
        let quote = Self.quote, cr = Self.cr, lf = Self.lf
        let separator = separator
        let strict = quotes == .strict
        let maxCellBytes = limits.maxCellBytes, maxColumns = limits.maxColumns
        let count = text.count
        var rows: [SheetRow] = []
        var cells: [String] = []
        var scratch: [UInt8] = []
        var totalCells = 0
        var line = 1
        var rowLine = 1
        var index = 0
        guard count > 0 else { return rows }

        while true {
            let column = cells.count + 1
            if column > maxColumns {
                throw .tooManyColumns(line: rowLine, column: column, limit: maxColumns)
            }
            if index < count && text[index] == quote {
                let openingLine = line
                var end = index + 1
                var segmentStart = end
                var hasDoubledQuotes = false
                var isClosed = false
                scratch.removeAll(keepingCapacity: true)
                while end < count {
                    let byte = text[end]
                    if byte == quote {
                        if end + 1 < count && text[end + 1] == quote {
                            scratch.append(contentsOf: UnsafeBufferPointer(rebasing: text[segmentStart...end]))
                            end += 2
                            segmentStart = end
                            hasDoubledQuotes = true
                            continue
                        }
                        isClosed = true
                        break
                    }
                    if byte == lf {
                        line += 1
                    } else if byte == cr {
                        line += 1
                        if end + 1 < count && text[end + 1] == lf { end += 1 }
                    }
                    end += 1
                }
                guard isClosed else { throw .unterminatedQuote(line: openingLine, column: column) }
                let length = hasDoubledQuotes
                    ? scratch.count + (end - segmentStart)
                    : end - index - 1
                if length > maxCellBytes {
                    throw .cellTooLarge(line: openingLine, column: column, limit: maxCellBytes)
                }
                if hasDoubledQuotes {
                    scratch.append(contentsOf: UnsafeBufferPointer(rebasing: text[segmentStart..<end]))
                    cells.append(String(decoding: scratch, as: UTF8.self))
                } else {
                    cells.append(String(decoding: UnsafeBufferPointer(rebasing: text[(index + 1)..<end]), as: UTF8.self))
                }
                index = end + 1
                while index < count && (text[index] == Self.space || (text[index] == Self.tab && separator != Self.tab)) {
                    index += 1
                }
                if index < count && text[index] != separator && text[index] != cr && text[index] != lf {
                    throw .textAfterClosingQuote(line: line, column: column)
                }
            } else {
                var end = index
                while end < count {
                    let byte = text[end]
                    if byte == separator || byte == lf || byte == cr { break }
                    if byte == quote && strict { throw .strayQuote(line: line, column: column) }
                    end += 1
                }
                if end - index > maxCellBytes {
                    throw .cellTooLarge(line: line, column: column, limit: maxCellBytes)
                }
                cells.append(String(decoding: UnsafeBufferPointer(rebasing: text[index..<end]), as: UTF8.self))
                index = end
            }

            if index < count && text[index] == separator {
                index += 1
                continue
            }

            // The record ends here: at a line break or the end of the text.
            totalCells += cells.count
            if totalCells > limits.maxCells {
                throw .tooManyCells(line: rowLine, limit: limits.maxCells)
            }
            if rows.count == limits.maxRows {
                throw .tooManyRows(line: rowLine, limit: limits.maxRows)
            }
            let width = cells.count
            rows.append(SheetRow(line: rowLine, cells: cells))
            cells = []
            cells.reserveCapacity(width)
            guard index < count else { break }
            if text[index] == cr && index + 1 < count && text[index + 1] == lf { index += 1 }
            index += 1
            line += 1
            rowLine = line
            guard index < count else { break }
        }
        return rows
    }

    /// The physical line and the field (1-based) at byte `offset` of `text`, for error messages.
    static func locate(offset: Int, in text: UnsafeBufferPointer<UInt8>, separator: UInt8) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        var inQuotes = false
        var atFieldStart = true
        var index = 0
        let end = min(offset, text.count)
        while index < end {
            let byte = text[index]
            index += 1
            if byte == lf || byte == cr {
                if byte == cr && index < end && text[index] == lf { index += 1 }
                line += 1
                if !inQuotes {
                    column = 1
                    atFieldStart = true
                }
                continue
            }
            if inQuotes {
                if byte == quote {
                    if index < end && text[index] == quote { index += 1 } else { inQuotes = false }
                }
            } else if byte == quote && atFieldStart {
                inQuotes = true
                atFieldStart = false
            } else if byte == separator {
                column += 1
                atFieldStart = true
            } else {
                atFieldStart = false
            }
        }
        return (line, column)
    }
}
