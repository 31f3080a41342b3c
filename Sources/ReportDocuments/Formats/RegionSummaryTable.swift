import MalakaSupport
import TrainingCore

/// A region summary as plain-text tables for the terminal: the main figures, then who was reached.
public enum RegionSummaryTable {
    public static func text(_ summary: RegionSummary, language: DocumentLanguage) -> String {
        let text = SummaryText(summary, language: language)
        var output = "\(text.title) — \(text.scope) — \(text.period)\n"
        output += "\(text.label(.filters)): \(text.filters)\n\n"
        output += table(summary, text: text, columns: SummaryColumn.main, language: language) + "\n"
        let participants = SummaryColumn.splits(of: .participants)
        output += "\(text.label(.participantsBySexChart))\n"
        output += table(summary, text: text, columns: participants.sex, language: language) + "\n"
        output += "\(text.label(.participantsByAge))\n"
        output += table(summary, text: text, columns: participants.age, language: language) + "\n"
        output += "\(text.label(.participantsByCategory))\n"
        output += table(summary, text: text, columns: participants.category, language: language) + "\n"
        let participations = SummaryColumn.splits(of: .participations)
        output += "\(text.label(.participationsBreakdown))\n"
        output += table(summary, text: text, columns: participations.sex + participations.age + participations.category,
                        language: language)
        return output
    }

    /// Names left-aligned, numbers right-aligned, with a rule under the heading and above the total.
    static func table(_ summary: RegionSummary, text: SummaryText, columns: [SummaryColumn], language: DocumentLanguage) -> String {
        let header = [text.rowHeading] + columns.map { $0.name.text(in: language) }
        let body = summary.rows.map { row in [text.rowName(row.code)] + columns.map { $0.value(row.figures).text(in: language) } }
        let total = [text.label(.total)] + columns.map { $0.value(summary.total).text(in: language) }
        var table = PlainTextTable(header: header, rows: body, alignments: [.left] + columns.map { _ in .right })
        table.widen(total)
        return table.text + table.rule + table.line(total)
    }
}
