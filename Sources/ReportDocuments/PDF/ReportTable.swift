import Typesetting

/// A table that flows over pages: headings repeated on each page, rows as tall as their tallest cell.
struct ReportTable {
    struct Column {
        var heading: String
        var width: Double
        var alignment: TextAlignment = .right
    }

    struct Row {
        var cells: [String]
        /// Smaller grey text under a cell's text, such as an event's kind under its title.
        var notes: [Int: String] = [:]
        var isTotal = false
    }

    var columns: [Column]
    var rows: [Row]
    var bodySize = 7.6
    var headingSize = 6.8

    private static let padding = 3.0

    /// Lays the table out at the composer's place and adds it, page after page as needed.
    func place(on composer: PageComposer) throws {
        let fonts = composer.fonts
        let padding = Self.padding
        let headings = try columns.map { column in
            try fonts.fitted(column.heading, style: ReportStyle.text(headingSize, color: ReportStyle.muted,
                                                                      alignment: column.alignment, lines: 4, minimum: 5.2),
                             in: Size(width: column.width - 2 * padding, height: .infinity))
        }
        let headingHeight = (headings.map(\.size.height).max() ?? 0) + 2 * padding

        struct LaidOutRow {
            var cells: [TextLayout]
            var notes: [Int: TextLayout]
            var height: Double
            var isTotal: Bool
        }
        let laidOut = try rows.map { row -> LaidOutRow in
            var height = 0.0
            var notes: [Int: TextLayout] = [:]
            let cells = try row.cells.enumerated().map { index, text in
                let column = columns[index]
                let width = column.width - 2 * padding
                let style = ReportStyle.text(bodySize, bold: row.isTotal, alignment: column.alignment, minimum: bodySize)
                let cell = try fonts.fitted(text, style: style, in: Size(width: width, height: .infinity))
                var cellHeight = cell.size.height
                if let note = row.notes[index] {
                    let layout = try fonts.fitted(note, style: ReportStyle.text(bodySize - 1.4, color: ReportStyle.muted,
                                                                                 alignment: column.alignment, minimum: bodySize - 1.4),
                                                  in: Size(width: width, height: .infinity))
                    notes[index] = layout
                    cellHeight += layout.size.height + 1
                }
                height = max(height, cellHeight)
                return cell
            }
            return LaidOutRow(cells: cells, notes: notes, height: height + 2 * padding, isTotal: row.isTotal)
        }

        let left = ReportStyle.margin
        let width = columns.reduce(0) { $0 + $1.width }
        func drawHeadings() throws {
            let top = try composer.reserve(headingHeight)
            composer.draw { canvas in
                try canvas.drawRectangle(Rect(x: left, y: top, width: width, height: headingHeight), fill: ReportStyle.band)
                var x = left
                for (index, layout) in headings.enumerated() {
                    try canvas.draw(layout, in: Rect(x: x + padding, y: top + headingHeight - padding - layout.size.height,
                                                     width: self.columns[index].width - 2 * padding, height: layout.size.height))
                    x += self.columns[index].width
                }
                try canvas.drawLine(from: Point(x: left, y: top + headingHeight), to: Point(x: left + width, y: top + headingHeight),
                                    color: ReportStyle.rule, width: 0.6)
            }
        }

        // Keep the headings with the first row.
        if headingHeight + (laidOut.first?.height ?? 0) > composer.remaining { try composer.newPage() }
        try drawHeadings()
        for (number, row) in laidOut.enumerated() {
            if row.height > composer.remaining {
                try composer.newPage()
                try drawHeadings()
            }
            let top = try composer.reserve(row.height)
            let shaded = !row.isTotal && number % 2 == 1
            composer.draw { canvas in
                if shaded {
                    try canvas.drawRectangle(Rect(x: left, y: top, width: width, height: row.height),
                                             fill: Color(red: 0.97, green: 0.975, blue: 0.98))
                }
                if row.isTotal {
                    try canvas.drawLine(from: Point(x: left, y: top), to: Point(x: left + width, y: top), color: ReportStyle.ink, width: 0.8)
                }
                var x = left
                for (index, layout) in row.cells.enumerated() {
                    let cellWidth = self.columns[index].width - 2 * padding
                    try canvas.draw(layout, in: Rect(x: x + padding, y: top + padding, width: cellWidth, height: layout.size.height))
                    if let note = row.notes[index] {
                        try canvas.draw(note, in: Rect(x: x + padding, y: top + padding + layout.size.height + 1,
                                                       width: cellWidth, height: note.size.height))
                    }
                    x += self.columns[index].width
                }
            }
        }
        let end = composer.y
        composer.draw { canvas in
            try canvas.drawLine(from: Point(x: left, y: end), to: Point(x: left + width, y: end), color: ReportStyle.rule, width: 0.6)
        }
    }
}
