import Foundation
import MalakaSupport
import Typesetting
import TrainingCore

/// A region summary as a PDF a manager can hand to a ministry: A4, in one of the five languages.
///
/// Page 1 has the title with the place and period, the filters, a panel of totals, the table
/// of regions (or districts) with a total row, and how the numbers are counted. Then the two
/// charts (events by kind, people by sex), who was reached by age group and category, and one
/// page or more per region listing its events. Every page has its number, the generation date
/// and the filters. No participant is named.
///
/// For example:
/// ```swift
/// let summary = try database.regionSummary(request)   // with includesEvents for the event pages
/// let pdf = try RegionSummaryPDF(summary: summary, language: .russian).data(fonts: FontLibrary())
/// ```
public struct RegionSummaryPDF {
    public var summary: RegionSummary
    public var language: DocumentLanguage
    /// The day printed as the generation date.
    public var generatedOn: DayDate

    public init(summary: RegionSummary, language: DocumentLanguage, generatedOn: DayDate = .today) {
        self.summary = summary
        self.language = language
        self.generatedOn = generatedOn
    }

    /// Writes the PDF into `file`, a temporary that the caller puts in place.
    ///
    /// - Parameter fonts: the library to find and shape fonts with; give a long-lived one when rendering many reports.
    ///
    /// - Throws: `FileWriteError` when the file cannot be written; ``MalakaError`` `data` when a name has a
    ///   letter no installed font has.
    public func write(into file: AtomicFile, fonts: FontLibrary = FontLibrary()) throws {
        try describingErrors {
            let document = try PDFDocument(file: file, fonts: fonts, metadata: metadata)
            try render(into: document)
            try document.finish()
        }
    }

    /// Writes the PDF to `url`, whole or not at all; readable by its owner only, as it may name people.
    public func write(to url: URL, fonts: FontLibrary = FontLibrary()) throws {
        try AtomicFile.write(to: url) { try write(into: $0, fonts: fonts) }
    }

    /// The PDF's bytes.
    public func data(fonts: FontLibrary = FontLibrary()) throws -> Data {
        try describingErrors {
            let document = try PDFDocument.inMemory(fonts: fonts, metadata: metadata)
            try render(into: document)
            return try document.finish() ?? Data()
        }
    }

    /// Turns what the typesetting layer refuses into a ``MalakaError`` with its sentence.
    private func describingErrors<Result>(_ body: () throws -> Result) throws -> Result {
        do {
            return try body()
        } catch let error as TypesettingError {
            if case .pdfNotWritable = error { throw MalakaError.io(error.description) }
            throw MalakaError.data("The region summary could not be typeset: \(error.description)")
        }
    }

    var metadata: PDFMetadata {
        let text = SummaryText(summary, language: language)
        return PDFMetadata(
            title: "\(text.title) — \(text.scope) — \(text.period)", author: "Malaka",
            subject: [ReportLabel.events, .participants, .completed].map { $0.text(in: language) }.joined(separator: ", "),
            keywords: ["Malaka", text.title, text.scope, text.period], creator: "Malaka", creationDate: Date())
    }

    private func render(into document: PDFDocument) throws {
        let composer = PageComposer(fonts: document.fonts)
        let text = SummaryText(summary, language: language)
        try placeHeader(on: composer, text: text)
        try placeTotals(on: composer, text: text)
        composer.skip(14)
        try mainTable(text: text).place(on: composer)
        composer.skip(10)
        try placeRules(on: composer, text: text)

        try composer.newPage()
        try placeCharts(on: composer, text: text)
        try composer.newPage()
        try placeBreakdowns(on: composer, text: text)
        try placeEventPages(on: composer, text: text)

        let footerStyle = ReportStyle.text(6.6, color: ReportStyle.muted, lines: 2, minimum: 5)
        let about = "\(text.title) — \(text.scope) — \(text.period). \(text.label(.filters)): \(text.filters)\n"
            + ReportWording.generated(on: generatedOn, in: language) + " · Malaka"
        let aboutLayout = try document.fonts.fitted(about, style: footerStyle,
                                                    in: Size(width: ReportStyle.contentWidth - 100, height: 20))
        try composer.render(into: document) { canvas, page, count in
            let top = ReportStyle.footerTop
            try canvas.drawLine(from: Point(x: ReportStyle.margin, y: top), to: Point(x: ReportStyle.page.width - ReportStyle.margin, y: top),
                                color: ReportStyle.rule, width: 0.5)
            try canvas.draw(aboutLayout, in: Rect(x: ReportStyle.margin, y: top + 5, width: ReportStyle.contentWidth - 100,
                                                  height: aboutLayout.size.height))
            try canvas.drawText(ReportWording.page(page, of: count, in: language),
                                style: ReportStyle.text(6.6, color: ReportStyle.muted, alignment: .right, lines: 1, minimum: 5),
                                in: Rect(x: ReportStyle.page.width - ReportStyle.margin - 95, y: top + 5, width: 95, height: 10))
        }
    }

    // MARK: Page 1

    private func placeHeader(on composer: PageComposer, text summaryText: SummaryText) throws {
        let fonts = composer.fonts
        let width = ReportStyle.contentWidth
        let title = try fonts.fitted(summaryText.title, style: ReportStyle.text(19, bold: true, color: ReportStyle.accent, lines: 2, minimum: 12),
                                     in: Size(width: width, height: 60))
        let scope = try fonts.fitted("\(summaryText.scope) — \(summaryText.period)", style: ReportStyle.text(13, lines: 2, minimum: 9),
                                     in: Size(width: width, height: 40))
        let details = [
            "\(summaryText.label(.period)): \(DateWording.span(from: summary.request.period.from, to: summary.request.period.to, in: language))",
            "\(summaryText.label(.filters)): \(summaryText.filters)",
            ReportWording.generated(on: generatedOn, in: language),
        ].joined(separator: "\n")
        let detailLayout = try fonts.fitted(details, style: ReportStyle.text(8, color: ReportStyle.muted, minimum: 8),
                                            in: Size(width: width, height: .infinity))
        let height = title.size.height + 4 + scope.size.height + 6 + detailLayout.size.height
        let top = try composer.reserve(height)
        composer.draw { canvas in
            try canvas.draw(title, in: Rect(x: ReportStyle.margin, y: top, width: width, height: title.size.height))
            let scopeTop = top + title.size.height + 4
            try canvas.draw(scope, in: Rect(x: ReportStyle.margin, y: scopeTop, width: width, height: scope.size.height))
            try canvas.draw(detailLayout, in: Rect(x: ReportStyle.margin, y: scopeTop + scope.size.height + 6,
                                                   width: width, height: detailLayout.size.height))
        }
        composer.skip(12)
    }

    /// Eight boxes: events, sessions, hours, participations, unique participants, completed, certificates, attendance rate.
    private func placeTotals(on composer: PageComposer, text: SummaryText) throws {
        let fonts = composer.fonts
        let columns = SummaryColumn.main
        let gap = 8.0
        let perLine = 4
        let boxWidth = (ReportStyle.contentWidth - gap * Double(perLine - 1)) / Double(perLine)
        let boxHeight = 48.0
        let boxes = try columns.map { column in
            (value: try fonts.fitted(column.value(summary.total).text(in: language),
                                     style: ReportStyle.text(17, bold: true, color: ReportStyle.accent, alignment: .left, lines: 1, minimum: 9),
                                     in: Size(width: boxWidth - 16, height: 24)),
             label: try fonts.fitted(column.name.text(in: language),
                                     style: ReportStyle.text(7.4, color: ReportStyle.muted, lines: 2, minimum: 5.5),
                                     in: Size(width: boxWidth - 16, height: 19)))
        }
        let lines = (boxes.count + perLine - 1) / perLine
        let top = try composer.reserve(Double(lines) * boxHeight + Double(lines - 1) * gap)
        composer.draw { canvas in
            for (index, box) in boxes.enumerated() {
                let x = ReportStyle.margin + Double(index % perLine) * (boxWidth + gap)
                let y = top + Double(index / perLine) * (boxHeight + gap)
                try canvas.drawRectangle(Rect(x: x, y: y, width: boxWidth, height: boxHeight), fill: ReportStyle.band, cornerRadius: 3)
                try canvas.draw(box.value, in: Rect(x: x + 8, y: y + 5, width: boxWidth - 16, height: box.value.size.height))
                try canvas.draw(box.label, in: Rect(x: x + 8, y: y + boxHeight - 5 - box.label.size.height,
                                                    width: boxWidth - 16, height: box.label.size.height))
            }
        }
    }

    /// The regions (or districts) with the main figures, and the total row.
    private func mainTable(text: SummaryText) -> ReportTable {
        let columns = SummaryColumn.main
        let nameWidth = 120.0
        let numberWidth = (ReportStyle.contentWidth - nameWidth) / Double(columns.count)
        return table(text: text, columns: columns, nameWidth: nameWidth, numberWidth: numberWidth)
    }

    private func table(text: SummaryText, columns: [SummaryColumn], nameWidth: Double, numberWidth: Double) -> ReportTable {
        ReportTable(
            columns: [ReportTable.Column(heading: text.rowHeading, width: nameWidth, alignment: .left)]
                + columns.map { ReportTable.Column(heading: $0.name.text(in: language), width: numberWidth) },
            rows: summary.rows.map { row in
                ReportTable.Row(cells: [text.rowName(row.code)] + columns.map { $0.value(row.figures).text(in: language) })
            } + [ReportTable.Row(cells: [text.label(.total)] + columns.map { $0.value(summary.total).text(in: language) }, isTotal: true)])
    }

    private func placeRules(on composer: PageComposer, text: SummaryText) throws {
        let notes = [ReportLabel.ruleHeld, .ruleParticipation, .ruleCompletion].map { "• " + $0.text(in: language) }.joined(separator: "\n")
        let layout = try composer.fonts.fitted(notes, style: ReportStyle.text(7, color: ReportStyle.muted, minimum: 7),
                                               in: Size(width: ReportStyle.contentWidth, height: .infinity))
        let top = try composer.reserve(layout.size.height)
        composer.draw { canvas in
            try canvas.draw(layout, in: Rect(x: ReportStyle.margin, y: top, width: ReportStyle.contentWidth, height: layout.size.height))
        }
    }

    // MARK: Charts and breakdowns

    private func placeCharts(on composer: PageComposer, text: SummaryText) throws {
        let names = summary.rows.map { text.rowName($0.code) }
        try StackedBarChart(
            title: text.label(summary.request.grouping == .district ? .eventsChartByDistrict : .eventsChart),
            series: EventKind.allCases.map { .init(label: ReportLabel.kind($0).text(in: language), color: ReportStyle.kindColor($0)) },
            bars: zip(names, summary.rows).map { name, row in
                .init(label: name, values: EventKind.allCases.map { row.figures.eventsByKind[$0] ?? 0 })
            },
            axisTitle: text.label(.events), language: language
        ).place(on: composer)
        composer.skip(22)
        try StackedBarChart(
            title: text.label(.participantsBySexChart),
            series: SexGroup.allCases.map { .init(label: ReportLabel.sex($0).text(in: language), color: ReportStyle.sexColor($0)) },
            bars: zip(names, summary.rows).map { name, row in
                .init(label: name, values: SexGroup.allCases.map { row.figures.participants.bySex[$0] ?? 0 })
            },
            axisTitle: text.label(.participants), language: language
        ).place(on: composer)
    }

    private func placeBreakdowns(on composer: PageComposer, text: SummaryText) throws {
        let participants = SummaryColumn.splits(of: .participants)
        let participations = SummaryColumn.splits(of: .participations)
        // The participations' splits are one table too wide for the page: sex and age, then category.
        let sections: [(heading: ReportLabel?, columns: [SummaryColumn])] = [
            (.participantsBySexAndAge, participants.sex + participants.age),
            (.participantsByCategory, participants.category),
            (.participationsBreakdown, participations.sex + participations.age),
            (nil, participations.category),
        ]
        for section in sections {
            let nameWidth = 120.0
            try placeHeading(section.heading?.text(in: language), on: composer, size: 10.5)
            try table(text: text, columns: section.columns, nameWidth: nameWidth,
                      numberWidth: (ReportStyle.contentWidth - nameWidth) / Double(section.columns.count)).place(on: composer)
            composer.skip(section.heading == .participationsBreakdown ? 6 : 16)
        }
    }

    private func placeHeading(_ heading: String?, on composer: PageComposer, size: Double) throws {
        guard let heading else { return }
        let layout = try composer.fonts.fitted(heading, style: ReportStyle.text(size, bold: true, lines: 2),
                                               in: Size(width: ReportStyle.contentWidth, height: .infinity))
        // A heading needs room for a few lines of what it heads.
        if layout.size.height + 60 > composer.remaining { try composer.newPage() }
        let top = try composer.reserve(layout.size.height + 5)
        composer.draw { canvas in
            try canvas.draw(layout, in: Rect(x: ReportStyle.margin, y: top, width: ReportStyle.contentWidth, height: layout.size.height))
        }
    }

    // MARK: Events, region by region

    private func placeEventPages(on composer: PageComposer, text: SummaryText) throws {
        let events = Dictionary(grouping: summary.events, by: \.rowCode)
        for row in summary.rows {
            guard let lines = events[row.code], !lines.isEmpty else { continue }
            let name = text.rowName(row.code)
            try composer.newPage()
            let heading = ReportWording.events(in: name, language: language)
            try placeHeading(heading, on: composer, size: 13)
            let figures = row.figures
            let summaryLine = [
                (ReportLabel.events, SummaryValue.count(figures.events)), (.sessions, .count(figures.sessions)),
                (.hours, .hours(figures.hours)), (.participations, .count(figures.participations.total)),
                (.participants, .count(figures.participants.total)), (.completed, .count(figures.completed)),
            ].map { "\($0.0.text(in: language)): \($0.1.text(in: language))" }.joined(separator: " · ")
            let summaryLayout = try composer.fonts.fitted(summaryLine, style: ReportStyle.text(7.6, color: ReportStyle.muted, minimum: 7.6),
                                                          in: Size(width: ReportStyle.contentWidth, height: .infinity))
            let summaryTop = try composer.reserve(summaryLayout.size.height + 8)
            composer.draw { canvas in
                try canvas.draw(summaryLayout, in: Rect(x: ReportStyle.margin, y: summaryTop, width: ReportStyle.contentWidth,
                                                        height: summaryLayout.size.height))
            }
            let continued = "\(heading) (\(text.label(.continued)))"
            composer.continuation = {
                let layout = try composer.fonts.fitted(continued, style: ReportStyle.text(10, bold: true, lines: 2),
                                                       in: Size(width: ReportStyle.contentWidth, height: .infinity))
                let top = try composer.reserve(layout.size.height + 5)
                composer.draw { canvas in
                    try canvas.draw(layout, in: Rect(x: ReportStyle.margin, y: top, width: ReportStyle.contentWidth, height: layout.size.height))
                }
            }
            try eventTable(lines, text: text).place(on: composer)
            composer.continuation = nil
            if lines.contains(where: { $0.completed == nil }) {
                composer.skip(6)
                let note = try composer.fonts.fitted(text.label(.endsAfterPeriod), style: ReportStyle.text(7, color: ReportStyle.muted, minimum: 7),
                                                     in: Size(width: ReportStyle.contentWidth, height: .infinity))
                let top = try composer.reserve(note.size.height)
                composer.draw { canvas in
                    try canvas.draw(note, in: Rect(x: ReportStyle.margin, y: top, width: ReportStyle.contentWidth, height: note.size.height))
                }
            }
        }
    }

    private func eventTable(_ lines: [RegionSummary.EventLine], text: SummaryText) -> ReportTable {
        let widths = [58.0, 150, 105, 48, 44, 55, 55]
        let headings: [String] = [
            text.label(.dates), text.label(.event), text.label(.place), text.label(.sessions), text.label(.hours),
            text.label(.participations), text.label(.completed),
        ]
        return ReportTable(
            columns: zip(headings, widths).enumerated().map { index, column in
                ReportTable.Column(heading: column.0, width: column.1, alignment: index < 3 ? .left : .right)
            },
            rows: lines.map { line in
                ReportTable.Row(
                    cells: [
                        text.dates(of: line), line.title(in: language), text.place(of: line),
                        ReportWording.count(line.sessions, in: language), ReportWording.hours(line.hours, in: language),
                        ReportWording.count(line.participants, in: language),
                        line.completed.map { ReportWording.count($0, in: language) } ?? "—",
                    ],
                    notes: [1: "\(ReportLabel.oneOfKind(line.kind).text(in: language)) · \(line.course.course.code)"])
            },
            bodySize: 7.2)
    }
}
