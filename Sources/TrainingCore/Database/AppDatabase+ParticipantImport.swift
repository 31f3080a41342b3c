import Foundation
import MalakaSupport
import GRDB
import NameMatching
import Spreadsheets

extension AppDatabase {
    /// Registers the people of a participant list, and enrolls them in an event if asked, all in one transaction.
    ///
    /// Every row is checked first. A row with the name and details of someone
    /// already registered adds nobody, so importing the same file twice adds
    /// nobody twice; a row that is probably someone registered (the same name
    /// in the other script, another word order, a patronymic more…) is handled
    /// by ``ParticipantImportOptions/onDuplicate``. Nothing is written when any
    /// row is bad (unless ``ParticipantImportOptions/skipInvalid``), when a
    /// probable duplicate awaits a decision, or with
    /// ``ParticipantImportOptions/dryRun``; the report then says why.
    ///
    /// For example:
    /// ```swift
    /// let sheet = try SpreadsheetReading().read(path: "Xorazm-2019.xlsx")
    /// let report = try database.importParticipants(from: sheet, options: ParticipantImportOptions(eventID: 1))
    /// report.added.count   // 23
    /// report.problems      // [line 9, column C (Jinsi): “x” is not a sex we recognise. …]
    /// ```
    ///
    /// - Throws: a ``MalakaError`` when the file as a whole cannot be imported: no header row or name column,
    ///   a mapping that names no column, an unknown or cancelled event, a link to nobody.
    public func importParticipants(from sheet: Sheet, options: ParticipantImportOptions) throws -> ParticipantImportReport {
        if options.dryRun {
            return try read { db in try planParticipantImport(db, sheet: sheet, options: options, inserting: false).report }
        }
        do {
            return try write(.importParticipants) { db in
                // New people are inserted while later rows are still being matched; a refusal found
                // at the end rolls the transaction back, so a refused import writes nothing.
                var plan = try planParticipantImport(db, sheet: sheet, options: options, inserting: true)
                guard plan.report.refusals.isEmpty else { throw RolledBack(report: plan.report) }
                try finish(&plan, db)
                return plan.report
            }
        } catch let rolledBack as RolledBack {
            return rolledBack.report
        }
    }

    /// Thrown out of the write transaction to undo the rows inserted before a refusal was known.
    private struct RolledBack: Error {
        var report: ParticipantImportReport
    }

    /// Reads a `.csv` or `.xlsx` participant list and imports it; see ``importParticipants(from:options:)``.
    public func importParticipants(
        fromFile path: String, reading: SpreadsheetReading = SpreadsheetReading(), options: ParticipantImportOptions
    ) throws -> ParticipantImportReport {
        try importParticipants(from: reading.read(path: path), options: options)
    }

    /// The report, and the event to enroll people in.
    struct ParticipantImportPlan {
        var report: ParticipantImportReport
        var event: EventDetail?
    }

    /// Reads, checks and matches every row; with `inserting`, also inserts the new people (in the
    /// transaction of `db`) unless bad rows already refuse the import.
    func planParticipantImport(
        _ db: Database, sheet: Sheet, options: ParticipantImportOptions, inserting: Bool
    ) throws -> ParticipantImportPlan {
        // A region merged down over several people holds its value in every row.
        let sheet = sheet.fillingMergedCells()
        let layout = try ColumnLayout.find(in: sheet, map: options.map, allowed: ParticipantRowReader.fields)
        let event = try options.eventID.map { try eventDetail(db, id: $0) }
        if let event, event.event.status == .cancelled {
            throw MalakaError.data("Event \(event.id) was cancelled (\(event.event.cancelReason ?? "")); nobody can enroll in it. Nothing was imported.")
        }
        let today = options.referenceDay ?? DayDate.today
        let referenceYear = event?.event.startDate.year ?? today.year
        let latestYear = max(today.year, DayDate.today.year)
        let isWorksheet = sheet.isWorksheet
        _ = try ParticipantRowReader.nameColumns(layout)
        try options.presets.check(gazetteer: gazetteer, thisYear: latestYear)
        // A course for one audience (parents) makes everyone it enrolls of that audience, unless told otherwise.
        let audienceCategory = event.flatMap { $0.course.course.audience.count == 1 ? $0.course.course.audience[0] : nil }
        let presets = options.presets

        // 1. Read and check every row, spread over the cores; the results come back in file order.
        var report = ParticipantImportReport(
            file: sheet.fileName ?? "the file", source: sheet.source.description, isWorksheet: isWorksheet,
            headerLine: layout.headerLine, columns: layout.columns, rows: [], problems: [], eventID: event?.id,
            newlyEnrolled: 0, alreadyEnrolled: 0, written: false, refusals: [])
        report.defaults.presets = presets.values
        report.defaults.audienceCategory = audienceCategory
        report.defaults.courseCode = audienceCategory.flatMap { _ in event?.course.course.code }
        // A row whose only cell is a formula saved without its value looks blank, but is not: it is reported.
        let formulaCells = Set(sheet.formulasWithoutValue)
        let formulaLines = Set(formulaCells.map(\.line))
        let nonBlankRows = sheet.rows[(layout.headerIndex + 1)...].filter { !$0.isBlank || formulaLines.contains($0.line) }
        // Rows the worksheet hides are not what its maker sees: left out unless asked for, and said either way.
        report.hiddenRows = nonBlankRows.filter(\.isHidden).map(\.line)
        report.includedHidden = options.includeHidden
        let dataRows = options.includeHidden ? nonBlankRows : nonBlankRows.filter { !$0.isHidden }
        let createdAt = Date.databaseNow
        let thisYear = Calendar(identifier: .gregorian).component(.year, from: createdAt)
        let gazetteer = gazetteer
        let read = Parallel.mapChunks(count: dataRows.count) { range -> [RowReading] in
            // Each chunk has its own reader, with its own memory of the words it has read.
            guard var reader = try? ParticipantRowReader(layout: layout, gazetteer: gazetteer, isWorksheet: isWorksheet,
                                                         referenceYear: referenceYear, thisYear: latestYear,
                                                         presets: presets, audienceCategory: audienceCategory,
                                                         formulaCells: formulaCells)
            else { return [] }
            return range.map { index in
                let row = dataRows[index]
                var (draft, problems, notes) = reader.read(row)
                guard let draft else { return .rejected(problems) }
                do {
                    let record = try self.checked(draft, createdAt: createdAt, thisYear: thisYear)
                    if record.fullName != draft.fullName.trimmingSpaces() || record.alternateName != draft.alternateName.nonEmpty {
                        notes.insert(.apostrophesStandardised)
                    }
                    if draft.language == nil && record.language != nil { notes.insert(.languageInferred) }
                    return .checked(row.line, record, PersonIdentity(record), notes)
                } catch {
                    let known = error as? MalakaError
                    return .rejected([ImportProblem(line: row.line, reason: known?.message ?? "\(error)", remedy: known?.remedy,
                                                    isWorksheet: isWorksheet)])
                }
            }
        }
        var records: [Participant] = []
        var identities: [PersonIdentity] = []
        var lines: [Int] = []
        var notes: [ImportRowNotes] = []
        records.reserveCapacity(dataRows.count)
        identities.reserveCapacity(dataRows.count)
        lines.reserveCapacity(dataRows.count)
        for reading in read.joined() {
            switch reading {
            case .checked(let line, let record, let identity, let rowNotes):
                notes.append(rowNotes)
                records.append(record)
                identities.append(identity)
                lines.append(line)
            case .rejected(let problems):
                report.problems += problems
            }
        }
        let rowLines = Set(dataRows.map(\.line))
        for line in Set(options.linkLines.keys).union(options.newLines).sorted() where !rowLines.contains(line) {
            throw MalakaError(.usage, .lineNotARow, "Line \(line) is not a row of \(report.file) (its rows are on lines \(rowLines.min() ?? 0)–\(rowLines.max() ?? 0)).",
                              subject: .file(report.file), location: .init(file: report.file, line: line), remedy: .checkLinkLines)
        }

        // 2. Decide who each good row is.
        let registered = try PersonIdentity.everyone(db)
        let positionByID = Dictionary(uniqueKeysWithValues: registered.enumerated().map { ($1.id, $0) })
        for (line, id) in options.linkLines.sorted(by: { $0.key < $1.key }) where positionByID[id] == nil {
            throw MalakaError(.usage, .unknownParticipant, "names nobody: there is no participant \(id).", subject: .participant(id),
                              location: .input(.link(line: line, participant: id)), remedy: .searchParticipants)
        }
        let matcher = RowMatcher(registered: registered, positionByID: positionByID, options: options)
        let willInsert = inserting && (report.problems.isEmpty || options.skipInvalid)
        if willInsert {
            report.rows = try matchInserting(db, records: records, identities: identities, lines: lines, matcher: matcher)
        } else {
            report.rows = matcher.match(records: records, identities: identities, lines: lines) { _, _ in }
        }

        for (index, row) in report.rows.enumerated() {
            if case .add = row.outcome { report.defaults.count(notes[index], language: records[index].language) }
        }

        // 3. The enrollments this would make.
        if let event {
            let enrolled = Set(try Int64.fetchAll(db, sql: "SELECT participantId FROM enrollment WHERE eventId = ?", arguments: [event.id]))
            var seen = Set<Int64>()
            for row in report.rows {
                switch row.outcome {
                case .add: report.newlyEnrolled += 1
                case .alreadyRegistered(let match), .link(let match, _):
                    guard seen.insert(match.participantID).inserted else { continue }
                    if enrolled.contains(match.participantID) { report.alreadyEnrolled += 1 } else { report.newlyEnrolled += 1 }
                case .sameAsLine, .undecided: break
                }
            }
            if let capacity = event.event.capacity, event.enrolledCount + report.newlyEnrolled > capacity {
                report.refusals.append(MalakaError(.data, .eventFull, "Event \(event.id) has \(capacity) places and \(event.enrolledCount) are taken; enrolling \(report.newlyEnrolled) more would make \(event.enrolledCount + report.newlyEnrolled).",
                                                   subject: .event(event.id), remedy: .raiseCapacityOrImportWithoutEvent))
            }
        }
        let rejected = report.rejectedLines.count
        if rejected > 0 && !options.skipInvalid {
            report.refusals.insert(.rowsHaveProblems(rejected, remedy: .correctRowsOrSkipInvalid(count: rejected, marks: false)), at: 0)
        }
        let undecided = report.undecided.count
        if undecided > 0 {
            report.refusals.append(MalakaError(.data, .undecidedDuplicates, "\(undecided) \(undecided == 1 ? "row is" : "rows are") probably someone already registered (listed below).",
                                               remedy: .chooseLinkOrNew))
        }
        return ParticipantImportPlan(report: report, event: event)
    }

    /// Matches the rows on another thread while this one inserts the new people it finds, in file order.
    ///
    /// Inserting is the longest step of a big import and can only run on the database's
    /// thread; matching needs no database, so the two overlap.
    private func matchInserting(
        _ db: Database, records: [Participant], identities: [PersonIdentity], lines: [Int], matcher: RowMatcher
    ) throws -> [ParticipantImportReport.Row] {
        let queue = BatchQueue<(row: Int, record: Participant)>()
        let result = ResultBox<[ParticipantImportReport.Row]>()
        DispatchQueue.global(qos: .userInitiated).async {
            var batch: [(row: Int, record: Participant)] = []
            let rows = matcher.match(records: records, identities: identities, lines: lines) { row, record in
                batch.append((row, record))
                if batch.count == 2_000 {
                    queue.push(batch)
                    batch.removeAll(keepingCapacity: true)
                }
            }
            if !batch.isEmpty { queue.push(batch) }
            result.set(rows)
            queue.finish()
        }
        var ids: [(row: Int, id: Int64)] = []
        do {
            while let batch = queue.next() {
                var inserted = batch.map(\.record)
                try insertParticipants(db, &inserted)
                for (entry, person) in zip(batch, inserted) { ids.append((entry.row, person.id!)) }
            }
        } catch {
            while queue.next() != nil {}
            throw error
        }
        var rows = result.get()
        for (row, id) in ids { rows[row].participantID = id }
        return rows
    }

    /// Completes a written import: the rows that repeat an earlier one get its person, and everyone is enrolled.
    private func finish(_ plan: inout ParticipantImportPlan, _ db: Database) throws {
        var idByLine: [Int: Int64] = [:]
        for index in plan.report.rows.indices {
            let row = plan.report.rows[index]
            if case .sameAsLine(let earlier) = row.outcome {
                plan.report.rows[index].participantID = idByLine[earlier]
            }
            idByLine[row.line] = plan.report.rows[index].participantID
        }
        if let event = plan.event {
            let enrolled = Set(try Int64.fetchAll(db, sql: "SELECT participantId FROM enrollment WHERE eventId = ?", arguments: [event.id]))
            let enrolledAt = Date.databaseNow.databaseValue
            let insert = try db.cachedStatement(sql: "INSERT INTO enrollment (eventId, participantId, enrolledAt) VALUES (?, ?, ?)")
            var seen = enrolled
            for row in plan.report.rows {
                guard let id = row.participantID, seen.insert(id).inserted else { continue }
                try insert.execute(arguments: [event.id, id, enrolledAt])
            }
        }
        plan.report.written = true
    }
}

/// One row read and checked, or the problems that keep it out.
enum RowReading: Sendable {
    case checked(Int, Participant, PersonIdentity, ImportRowNotes)
    case rejected([ImportProblem])
}

extension ParticipantImportReport.Outcome {
    /// The registered person the row is, when it is one.
    var registeredID: Int64? {
        switch self {
        case .alreadyRegistered(let match), .link(let match, _): match.participantID
        default: nil
        }
    }
}
