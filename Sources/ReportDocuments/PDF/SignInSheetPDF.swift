import Foundation
import Typesetting
import TrainingCore

/// A sign-in sheet printed for a trainer: A4 landscape, enrolled people in rows, the session days in
/// columns with a box to sign in each, the header repeated on every page.
///
/// For example:
/// ```swift
/// let sheet = SignInSheet(attendance, language: .russian, gazetteer: .bundled)
/// let pdf = try SignInSheetPDF(sheet: sheet).data()
/// ```
public struct SignInSheetPDF {
    public var sheet: SignInSheet

    public init(sheet: SignInSheet) {
        self.sheet = sheet
    }

    private static let page = PageSize.a4.landscape
    private static let margin = 32.0
    private static let rowHeight = 24.0
    private static let headerHeight = 26.0
    private static var width: Double { page.width - 2 * margin }

    /// The PDF's bytes.
    ///
    /// - Throws: ``MalakaError`` (data) when a name has a letter no installed font has.
    public func data(fonts: FontLibrary = FontLibrary()) throws -> Data {
        do {
            let metadata = PDFMetadata(title: "\(sheet.words.title) — \(sheet.title)", author: "Malaka", creator: "Malaka",
                                       creationDate: Date())
            let document = try PDFDocument.inMemory(fonts: fonts, metadata: metadata)
            try render(into: document)
            return try document.finish() ?? Data()
        } catch let error as TypesettingError {
            throw MalakaError.data("The sign-in sheet could not be typeset: \(error.description)")
        }
    }

    /// Column widths: number, participant number, name, then the sessions sharing what is left.
    private var columnWidths: [Double] {
        let sessions = sheet.header.count - SignInSheet.leadingColumns
        let fixed = [24.0, 34.0, sessions > 8 ? 170.0 : 220.0]
        let share = sessions > 0 ? (Self.width - fixed.reduce(0, +)) / Double(sessions) : 0
        return fixed + Array(repeating: share, count: sessions)
    }

    private func render(into document: PDFDocument) throws {
        let fonts = document.fonts
        let titleBlock = 74.0
        let footer = 24.0
        let firstPageRows = Int((Self.page.height - 2 * Self.margin - titleBlock - Self.headerHeight - footer) / Self.rowHeight)
        let otherPageRows = Int((Self.page.height - 2 * Self.margin - Self.headerHeight - footer) / Self.rowHeight)
        var pages: [[[String]]] = [Array(sheet.rows.prefix(firstPageRows))]
        var rest = sheet.rows.dropFirst(firstPageRows)
        while !rest.isEmpty {
            pages.append(Array(rest.prefix(otherPageRows)))
            rest = rest.dropFirst(otherPageRows)
        }
        for (index, rows) in pages.enumerated() {
            let canvas = try document.beginPage(size: Self.page)
            var y = Self.margin
            if index == 0 {
                try canvas.drawText(sheet.words.title, style: ReportStyle.text(16, bold: true, color: ReportStyle.accent, lines: 1, minimum: 10),
                                    in: Rect(x: Self.margin, y: y, width: Self.width, height: 20))
                let title = try fonts.fitted(sheet.title, style: ReportStyle.text(12, bold: true, lines: 1, minimum: 8),
                                             in: Size(width: Self.width, height: 16))
                try canvas.draw(title, in: Rect(x: Self.margin, y: y + 21, width: Self.width, height: 16))
                let details = try fonts.fitted((sheet.details + [sheet.words.legend]).joined(separator: "\n"),
                                               style: ReportStyle.text(8.5, color: ReportStyle.muted, lines: 3, minimum: 6),
                                               in: Size(width: Self.width, height: 34))
                try canvas.draw(details, in: Rect(x: Self.margin, y: y + 38, width: Self.width, height: 34))
                y += titleBlock
            }
            try drawRow(sheet.header, on: canvas, fonts: fonts, y: y, height: Self.headerHeight, isHeader: true)
            y += Self.headerHeight
            for row in rows {
                try drawRow(row, on: canvas, fonts: fonts, y: y, height: Self.rowHeight, isHeader: false)
                y += Self.rowHeight
            }
            try canvas.drawText(ReportWording.page(index + 1, of: pages.count, in: sheet.language) + " · \(sheet.words.signature)",
                                style: ReportStyle.text(7, color: ReportStyle.muted, alignment: .right, lines: 1, minimum: 5),
                                in: Rect(x: Self.margin, y: Self.page.height - Self.margin - 10, width: Self.width, height: 10))
        }
    }

    private func drawRow(_ cells: [String], on canvas: Canvas, fonts: FontLibrary, y: Double, height: Double, isHeader: Bool) throws {
        var x = Self.margin
        for (column, width) in columnWidths.enumerated() {
            let box = Rect(x: x, y: y, width: width, height: height)
            try canvas.drawRectangle(box, fill: isHeader ? ReportStyle.band : nil, stroke: ReportStyle.rule, lineWidth: 0.6)
            let text = column < cells.count ? cells[column] : ""
            if !text.isEmpty {
                let alignment: TextAlignment = column == 2 ? .left : .center
                let style = ReportStyle.text(isHeader ? 8 : 9.5, bold: isHeader, alignment: alignment, vertical: .middle,
                                             lines: isHeader ? 2 : 1, minimum: 5.5)
                let inner = Size(width: width - 6, height: height - 4)
                let layout = try fonts.fitted(text, style: style, in: inner)
                try canvas.draw(layout, in: Rect(x: x + 3, y: y + 2, width: inner.width, height: inner.height))
            }
            x += width
        }
    }
}
