import Foundation
import TrainingCore

/// Writes what an import did, would do, or why it was refused.
enum ImportReportPrinter {
    /// How many entries of a long list (people added, already registered) are printed; `--json` gives them all.
    static let listLimit = 50

    /// Prints why nothing was written on standard error, then exits 65.
    static func refuse(_ report: ParticipantImportReport) -> Never {
        var text = "error: \(report.file): nothing was imported. " + report.refusals.map(\.cliText).joined(separator: " ") + "\n"
        text += problemsText(report.problems)
        let undecided = report.undecided
        if !undecided.isEmpty {
            text += "Probably already registered (choose with --on-duplicate link|new, or --link LINE=ID / --new LINE):\n"
            for row in undecided {
                guard case .undecided(let candidates) = row.outcome else { continue }
                text += "  \(place(row.line, report)): \(row.fullName) — probably " + candidates.map(describe).joined(separator: "; or ") + "\n"
            }
        }
        FileHandle.standardError.write(Data(text.utf8))
        exit(65)
    }

    static func refuse(_ report: AttendanceImportReport) -> Never {
        let text = "error: \(report.file): no mark was recorded. " + report.refusals.map(\.cliText).joined(separator: " ") + "\n"
            + problemsText(report.problems)
        FileHandle.standardError.write(Data(text.utf8))
        exit(65)
    }

    static func problemsText(_ problems: [ImportProblem]) -> String {
        problems.map { "  \($0.cliText)\n" }.joined()
    }

    /// `line 7` or `row 7`.
    static func place(_ line: Int, _ report: ParticipantImportReport) -> String {
        report.isWorksheet ? "row \(line)" : "line \(line)"
    }

    static func describe(_ candidate: ParticipantImportReport.Candidate) -> String {
        let other = candidate.alternateName.map { " / \($0)" } ?? ""
        return "participant \(candidate.participantID) \(candidate.fullName)\(other) (score \(String(format: "%.2f", candidate.score)): "
            + candidate.reasons.joined(separator: "; ") + ")"
    }

    static func columnsText(_ columns: [ImportColumn], isWorksheet: Bool) -> String {
        func name(_ column: ImportColumn) -> String {
            let label = isWorksheet ? ImportColumn.letter(column.column) : String(column.column)
            let header = column.header.trimmingCharacters(in: .whitespacesAndNewlines)
            return header.isEmpty ? label : "\(label) “\(header)”"
        }
        var text = "Columns: " + columns.compactMap { column in
            column.field.map { "\(name(column)) → \($0.rawValue)" } ?? column.session.map { "\(name(column)) → session \($0.date.dotted) \($0.startTime)" }
        }.joined(separator: ", ")
        let left = columns.filter { $0.field == nil && $0.session == nil && !($0.header.isEmpty && $0.leftOut == .noHeader) }
        if !left.isEmpty {
            text += "; left out: " + left.map { column in
                column.leftOut == .knownExtra ? name(column) : "\(name(column)) (\(column.leftOut?.cliNote(isWorksheet: isWorksheet) ?? "not used"))"
            }.joined(separator: ", ")
        }
        return text + ".\n"
    }

    /// The summary of a participant import, written or dry run.
    static func text(_ report: ParticipantImportReport, dryRun: Bool) -> String {
        var text = "\(report.file) (\(report.source)), header on \(place(report.headerLine, report)).\n"
        text += columnsText(report.columns, isWorksheet: report.isWorksheet)
        func section(_ title: String, _ rows: [ParticipantImportReport.Row], limit: Int? = nil, _ line: (ParticipantImportReport.Row) -> String) {
            guard !rows.isEmpty else { return }
            text += title + "\n"
            for row in rows.prefix(limit ?? rows.count) { text += "  \(place(row.line, report)): " + line(row) + "\n" }
            if let limit, rows.count > limit { text += "  … and \(rows.count - limit) more (--json lists them all).\n" }
        }
        let added = report.added
        let count = "\(added.count) \(added.count == 1 ? "person" : "people")"
        section(dryRun ? "Would add \(count):" : "Added \(count):", added.filter { if case .add(let similar) = $0.outcome { similar.isEmpty } else { false } },
                limit: listLimit) { row in
            row.fullName + (row.participantID.map { " → participant \($0)" } ?? "")
        }
        section("Added as new although like someone registered (check with `malaka participant duplicates`):", report.addedDespiteSimilar) { row in
            guard case .add(let similar) = row.outcome else { return row.fullName }
            return row.fullName + (row.participantID.map { " → participant \($0)" } ?? "") + "; like " + similar.prefix(3).map(describe).joined(separator: "; ")
        }
        section("Already registered, not added again:", report.alreadyRegistered, limit: listLimit) { row in
            "\(row.fullName) → participant \(row.participantID ?? 0)"
        }
        section("Same person as an earlier row:", report.sameAsEarlierRow, limit: listLimit) { row in
            guard case .sameAsLine(let earlier) = row.outcome else { return row.fullName }
            return "\(row.fullName) → as \(place(earlier, report))"
        }
        section(dryRun ? "Would link to someone registered:" : "Linked to someone registered:", report.linked) { row in
            guard case .link(let candidate, let byLine) = row.outcome else { return row.fullName }
            return "\(row.fullName) → " + describe(candidate) + (byLine ? " [--link]" : " [--on-duplicate link]")
        }
        section("Probably already registered, awaiting a decision (--on-duplicate link|new, or --link LINE=ID / --new LINE):", report.undecided) { row in
            guard case .undecided(let candidates) = row.outcome else { return row.fullName }
            return "\(row.fullName) — probably " + candidates.map(describe).joined(separator: "; or ")
        }
        text += defaultsText(report.defaults, dryRun: dryRun)
        text += hiddenRowsText(report.hiddenRows, included: report.includedHidden)
        if !report.problems.isEmpty {
            text += "Rejected \(report.rejectedLines.count) \(report.rejectedLines.count == 1 ? "row" : "rows"):\n" + problemsText(report.problems)
        }
        if let event = report.eventID {
            text += dryRun ? "Would enroll \(report.newlyEnrolled) in event \(event)" : "Enrolled \(report.newlyEnrolled) in event \(event)"
            text += report.alreadyEnrolled > 0 ? " (\(report.alreadyEnrolled) enrolled already).\n" : ".\n"
        }
        if dryRun {
            text += "Dry run: nothing was written."
            text += report.refusals.isEmpty ? "\n" : " Without --dry-run the import would be refused: " + report.refusals.map(\.cliText).joined(separator: " ") + "\n"
        }
        return text
    }

    /// The rows a worksheet hides, and whether they were imported (`--include-hidden`) or left out.
    static func hiddenRowsText(_ hiddenRows: [Int], included: Bool) -> String {
        guard !hiddenRows.isEmpty else { return "" }
        let rows = hiddenRows.prefix(20).map(String.init).joined(separator: ", ") + (hiddenRows.count > 20 ? ", …" : "")
        let count = "\(hiddenRows.count) hidden \(hiddenRows.count == 1 ? "row" : "rows") (\(rows))"
        return included ? "Imported \(count), as --include-hidden asks.\n" : "Left out \(count); --include-hidden imports them.\n"
    }

    /// What was filled in where the file was silent, and what was corrected, for the people added.
    static func defaultsText(_ defaults: ParticipantImportDefaults, dryRun: Bool) -> String {
        var text = ""
        func people(_ count: Int) -> String { "\(count) \(count == 1 ? "person" : "people")" }
        let given = defaults.presets.sorted { $0.key.rawValue < $1.key.rawValue }
        if !given.isEmpty {
            text += "Given for rows that leave them empty (--set): " + given.map { "\($0.key.rawValue)=\($0.value)" }.joined(separator: ", ") + ".\n"
        }
        if defaults.categoryFromAudience > 0, let category = defaults.audienceCategory {
            text += "\(people(defaults.categoryFromAudience)) with no category \(dryRun ? "would be" : "were") registered as \(category.rawValue), the audience of \(defaults.courseCode ?? "the course") (--set category=… to choose another).\n"
        }
        if !defaults.languagesInferred.isEmpty {
            let counts = defaults.languagesInferred.sorted { $0.key.rawValue < $1.key.rawValue }
                .map { "\($0.value) \($0.key.rawValue)" }.joined(separator: ", ")
            text += "Document language inferred from the name's script and the region for \(people(defaults.languagesInferred.values.reduce(0, +))): \(counts) (--set language=… to choose).\n"
        }
        if defaults.apostrophesStandardised > 0 {
            text += "Apostrophes written as the Uzbek letters ʻ (oʻ, gʻ) and ʼ in the names of \(people(defaults.apostrophesStandardised)).\n"
        }
        return text
    }

    /// The summary of a sign-in sheet import.
    static func text(_ report: AttendanceImportReport, dryRun: Bool) -> String {
        let place = { (line: Int) in report.isWorksheet ? "row \(line)" : "line \(line)" }
        var text = "\(report.file) (\(report.source)), header on \(place(report.headerLine)).\n"
        text += columnsText(report.columns, isWorksheet: report.isWorksheet)
        let people = report.rows.count
        text += (dryRun ? "Would record" : "Recorded") + " \(report.markCount) \(report.markCount == 1 ? "mark" : "marks") for \(people) \(people == 1 ? "person" : "people") in event \(report.eventID).\n"
        text += hiddenRowsText(report.hiddenRows, included: report.includedHidden)
        let similar = report.rows.filter { if case .similarName = $0.identification { true } else { false } }
        if !similar.isEmpty {
            text += "Found under another spelling:\n"
            for row in similar {
                guard case .similarName(let reasons) = row.identification else { continue }
                text += "  \(place(row.line)): “\(row.writtenName)” taken as \(row.fullName) (\(row.participantID)): \(reasons.joined(separator: "; "))\n"
            }
        }
        if !report.problems.isEmpty {
            text += "Rejected \(report.rejectedLines.count) \(report.rejectedLines.count == 1 ? "row" : "rows"):\n" + problemsText(report.problems)
        }
        if dryRun {
            text += "Dry run: nothing was written."
            text += report.refusals.isEmpty ? "\n" : " Without --dry-run the import would be refused: " + report.refusals.map(\.cliText).joined(separator: " ") + "\n"
        }
        return text
    }
}
