import TrainingCore

/// A region summary as plain-text tables for the terminal: the main figures, then who was reached.
public enum RegionSummaryTable {
    public static func text(_ summary: RegionSummary, language: DocumentLanguage) -> String {
        let text = SummaryText(summary, language: language)
        var output = "\(text.title) — \(text.scope) — \(text.period)\n"
        output += "\(text.label(.filters)): \(text.filters)\n"
        output += text.closedPeriods.map { $0 + "\n" } ?? ""
        output += "\n"
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
        var widths = header.map(\.count)
        for line in body + [total] {
            for (index, cell) in line.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        func format(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                let padding = String(repeating: " ", count: widths[index] - cell.count)
                return index == 0 ? cell + padding : padding + cell
            }.joined(separator: "  ") + "\n"
        }
        let rule = format(widths.map { String(repeating: "-", count: $0) })
        return format(header) + rule + body.map(format).joined() + rule + format(total)
    }
}
