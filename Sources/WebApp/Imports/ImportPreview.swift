import TrainingCore

/// What an import did or would do, as the values of the import page: the same report the command line
/// prints (columns found, each row's outcome, each rejected row with its file, line, column and heading),
/// worded in the reader's language.
///
/// A registered person outside the reader's scope is never named: the row says only that someone
/// registered elsewhere is like it.
struct ImportPreview {
    let words: Words
    let errors: ErrorWording
    /// Whether the reader may see a registered person, by number.
    let sees: (Int64) -> Bool
    /// Rows listed on the page; the counts above them cover every row.
    static let rowLimit = 500

    init(words: Words, sees: @escaping (Int64) -> Bool) {
        self.words = words
        errors = ErrorWording(words)
        self.sees = sees
    }

    func values(_ report: ParticipantImportReport, uploadID: String, choices: ImportChoices) -> [String: Any] {
        var values = common(file: report.file, source: report.source, isWorksheet: report.isWorksheet, headerLine: report.headerLine,
                            columns: report.columns, problems: report.problems, written: report.written,
                            hiddenRows: report.hiddenRows, included: report.includedHidden)
        var refused = refusals(report.refusals, rejected: report.rejectedLines.count, undecided: report.undecided.count)
        let elsewhere = report.rows.filter(isElsewhere).count
        if elsewhere > 0 { refused.append(["message": words.format(.importElsewhere, words.number(elsewhere))]) }
        values["refusals"] = refused
        let counts = [report.added.count, report.alreadyRegistered.count + report.sameAsEarlierRow.count, report.linked.count,
                      report.undecided.count, report.newlyEnrolled].map(words.number)
        values["summary"] = report.written ? words.format(.importAdded, counts[0], counts[1], counts[2], counts[4])
            : words.format(.importWouldAdd, counts[0], counts[1], counts[2], counts[3], counts[4])
        values["rows"] = report.rows.prefix(Self.rowLimit).map { row -> [String: Any] in
            var values: [String: Any] = ["line": row.line, "name": row.fullName, "outcome": outcome(row.outcome, isWorksheet: report.isWorksheet),
                                         "marks": [String]()]
            if let decisions = decisions(row, choices: choices) {
                values["decisions"] = decisions
                values["decides"] = true
            }
            return values
        }
        values["decidesRows"] = report.rows.contains { decisions($0, choices: choices) != nil }
        values["hasRows"] = !report.rows.isEmpty
        values["moreRows"] = moreRows(report.rows.count)
        values["isParticipants"] = true
        values["duplicatePolicies"] = [(ParticipantImportOptions.DuplicatePolicy.ask, Phrase.importPolicyAsk), (.link, .importPolicyLink),
                                       (.new, .importPolicyNew)].map { policy, phrase in
            ["value": policy.rawValue, "label": words[phrase], "selected": policy == choices.onDuplicate] as [String: Any]
        }
        return finish(values, uploadID: uploadID, choices: choices)
    }

    func values(_ report: AttendanceImportReport, uploadID: String, choices: ImportChoices) -> [String: Any] {
        var values = common(file: report.file, source: report.source, isWorksheet: report.isWorksheet, headerLine: report.headerLine,
                            columns: report.columns, problems: report.problems, written: report.written,
                            hiddenRows: report.hiddenRows, included: report.includedHidden)
        values["refusals"] = refusals(report.refusals, rejected: report.rejectedLines.count, undecided: 0)
        let counts = [report.markCount, report.rows.count].map(words.number)
        values["summary"] = words.format(report.written ? .importRecorded : .importWouldRecord, counts[0], counts[1])
        values["sessionHeaders"] = report.sessionColumns.map { column in
            column.session.map { "\(words.date($0.date)) \($0.startTime)" } ?? column.header
        }
        values["rows"] = report.rows.prefix(Self.rowLimit).map { row -> [String: Any] in
            var outcome = row.fullName
            if case .similarName(let reasons) = row.identification {
                outcome += " (" + words[.importOtherSpelling] + ": " + reasons.joined(separator: "; ") + ")"
            }
            return ["line": row.line, "name": row.writtenName, "outcome": outcome, "marks": row.marks.map { $0.map(words.mark) ?? "—" }]
        }
        values["hasRows"] = !report.rows.isEmpty
        values["moreRows"] = moreRows(report.rows.count)
        values["isParticipants"] = false
        return finish(values, uploadID: uploadID, choices: choices)
    }

    /// The choices for a row that awaits a decision, or was decided line by line (`--link LINE=ID`, `--new LINE`):
    /// the policy for all rows, a new person, or one of the registered people it is like that the reader sees.
    private func decisions(_ row: ParticipantImportReport.Row, choices: ImportChoices) -> [[String: Any]]? {
        let candidates: [ParticipantImportReport.Candidate]
        switch row.outcome {
        case _ where isElsewhere(row): candidates = []
        case .undecided(let probable): candidates = probable
        case .link(let match, byLine: true): candidates = [match]
        case .add(let similar) where choices.newLines.contains(row.line): candidates = similar.filter(\.isProbable)
        default: return nil
        }
        let chosen = choices.linkLines[row.line].map { "link-\($0)" } ?? (choices.newLines.contains(row.line) ? "new" : "")
        let options = [("", words[.importByPolicy]), ("new", words[.importAdd])]
            + candidates.filter { sees($0.participantID) }.map { ("link-\($0.participantID)", words.format(.importLinked, candidate($0))) }
        return options.map { value, label in ["value": value, "label": label, "selected": value == chosen] }
    }

    /// Whether the row is taken as someone registered outside the reader's scope, which the reader may not do.
    private func isElsewhere(_ row: ParticipantImportReport.Row) -> Bool {
        row.matchedID.map { !sees($0) } ?? false
    }

    /// Why the import would be (or was) refused, worded with the report's counts.
    private func refusals(_ refusals: [MalakaError], rejected: Int, undecided: Int) -> [[String: Any]] {
        refusals.map { refusal in
            let worded = errors.importRefusal(refusal, rejectedRows: rejected, undecidedRows: undecided)
            let row: [String: Any?] = ["message": worded.message, "remedy": worded.remedy]
            return row.compactMapValues { $0 }
        }
    }

    /// “… and 12 more rows.” when not every row is listed.
    private func moreRows(_ count: Int) -> String? {
        count > Self.rowLimit ? words.format(.importMoreRows, words.number(count - Self.rowLimit)) : nil
    }

    private func finish(_ values: [String: Any], uploadID: String, choices: ImportChoices) -> [String: Any] {
        var values = values
        let refused = !((values["refusals"] as? [[String: Any]]) ?? []).isEmpty
        values["hasRefusals"] = refused
        values["canApply"] = !refused && (values["written"] as? Bool) != true
        values["uploadID"] = uploadID
        values["skipInvalid"] = choices.skipInvalid
        values["emptyIsAbsent"] = choices.emptyIsAbsent
        return values
    }

    private func common(file: String, source: String, isWorksheet: Bool, headerLine: Int, columns: [ImportColumn], problems: [ImportProblem],
                        written: Bool, hiddenRows: [Int], included: Bool) -> [String: Any] {
        let label = { (column: Int) in isWorksheet ? ImportColumn.letter(column) : String(column) }
        let used = columns.compactMap { column -> String? in
            let header = column.header.trimmingCharacters(in: .whitespacesAndNewlines)
            let name = header.isEmpty ? label(column.column) : "\(label(column.column)) “\(header)”"
            if let field = column.field, field != .ignore { return "\(name) → \(field.rawValue)" }
            if let session = column.session { return "\(name) → \(words.date(session.date)) \(session.startTime)" }
            return nil
        }
        let values: [String: Any?] = [
            "fileName": file, "source": source, "written": written,
            "heading": written ? words[.importResultTitle] : words[.importPreviewTitle],
            "headerAt": words.format(isWorksheet ? .importHeaderRow : .importHeaderLine, String(headerLine)),
            "lineHeading": isWorksheet ? words[.importRow] : words[.importLine],
            "columns": used.joined(separator: "; "),
            "hiddenRows": hiddenRows.isEmpty || included ? nil : words.format(.importHidden, words.number(hiddenRows.count),
                                                                              hiddenRows.prefix(20).map(String.init).joined(separator: ", ")),
            "problems": problems.map { problem -> [String: Any] in
                let row: [String: Any?] = [
                    "file": file, "line": problem.line, "column": problem.column.map(label) ?? "",
                    "field": problem.header?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "",
                    "reason": errors.message(problem), "remedy": problem.remedy.flatMap(errors.remedy),
                ]
                return row.compactMapValues { $0 }
            },
            "hasProblems": !problems.isEmpty,
            "refusalTitle": words[.importRefusedTitle],
        ]
        return values.compactMapValues { $0 }
    }

    private func outcome(_ outcome: ParticipantImportReport.Outcome, isWorksheet: Bool) -> String {
        switch outcome {
        case .add(let similar):
            let like = similar.filter { sees($0.participantID) }.prefix(3).map(candidate)
            return words[.importAdd] + (like.isEmpty ? "" : " (" + words.format(.importLike, like.joined(separator: "; ")) + ")")
        case .alreadyRegistered(let match):
            return words.format(.importAlready, candidate(match))
        case .sameAsLine(let line):
            return words.format(.importSameAs, (isWorksheet ? words[.importRow] : words[.importLine]) + " " + String(line))
        case .link(let match, _):
            return words.format(.importLinked, candidate(match))
        case .undecided(let candidates):
            return words.format(.importUndecided, candidates.map(candidate).joined(separator: "; "))
        }
    }

    /// A registered person a row is like: named when the reader may see them.
    private func candidate(_ candidate: ParticipantImportReport.Candidate) -> String {
        guard sees(candidate.participantID) else { return words[.importSomeoneElsewhere] }
        return candidate.fullName + (candidate.alternateName.map { " / \($0)" } ?? "") + " (\(candidate.participantID); "
            + candidate.reasons.joined(separator: "; ") + ")"
    }
}
