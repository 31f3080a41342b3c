import Foundation
import GRDB
import NameMatching
import Spreadsheets

extension AppDatabase {
    /// Records the marks of a sign-in sheet: one row per person, one column per session.
    ///
    /// People are found by an Id column (participant numbers) or by name among those
    /// enrolled in the event, in whichever script or word order the sheet writes it.
    /// Session columns are headed by the session's date (`25.03.2019`, `2019-03-25`,
    /// `25.03`, a date cell), with the start time when the day has two sessions, or
    /// by its number (`1`, `1-kun`, `Day 1`). Marks such as `+`, `1`, `v`, `н`, `yoʻq`,
    /// `kech` and `sababli` are read (see ``AttendanceStatus``); an empty cell is no mark.
    /// All marks are written in one transaction, or none when a row is bad (unless
    /// ``AttendanceImportOptions/skipInvalid``); marking again replaces a mark, so
    /// importing the same sheet twice changes nothing.
    public func importAttendance(eventID: Int64, from sheet: Sheet, options: AttendanceImportOptions) throws -> AttendanceImportReport {
        var report = try read { db in try planAttendanceImport(db, eventID: eventID, sheet: sheet, options: options) }
        guard report.refusals.isEmpty, !options.dryRun else { return report }
        var requests: [AttendanceMarks] = []
        for (position, column) in report.sessionColumns.enumerated() {
            let session = column.session!
            var marks: [Int64: AttendanceStatus] = [:]
            for row in report.rows {
                if let status = row.marks[position] { marks[row.participantID] = status }
            }
            if !marks.isEmpty {
                requests.append(AttendanceMarks(eventID: eventID, date: session.date, startTime: session.startTime, marks: marks))
            }
        }
        if !requests.isEmpty {
            try markAttendance(requests, as: .importAttendance)
        }
        report.written = true
        return report
    }

    /// Reads a `.csv` or `.xlsx` sign-in sheet and imports it; see ``importAttendance(eventID:from:options:)``.
    public func importAttendance(
        eventID: Int64, fromFile path: String, reading: SpreadsheetReading = SpreadsheetReading(), options: AttendanceImportOptions
    ) throws -> AttendanceImportReport {
        try importAttendance(eventID: eventID, from: reading.read(path: path), options: options)
    }

    func planAttendanceImport(_ db: Database, eventID: Int64, sheet: Sheet, options: AttendanceImportOptions) throws -> AttendanceImportReport {
        // A region merged down over several people holds its value in every row.
        let sheet = sheet.fillingMergedCells()
        let detail = try eventDetail(db, id: eventID)
        guard detail.event.status != .cancelled else {
            throw MalakaError.data("Event \(eventID) was cancelled; it has no attendance to import.")
        }
        let nameFields: Set<ImportField> = [.fullName, .surname, .givenName, .patronymic, .participantID]
        var layout = try ColumnLayout.find(in: sheet, map: options.map, allowed: nameFields) {
            SessionColumnReading.parse($0) != nil
        }
        let file = sheet.fileName ?? "the file"
        let isWorksheet = sheet.isWorksheet
        func columnName(_ column: ImportColumn) -> String {
            "Column \(columnLabel(column)) (“\(column.header.trimmingSpaces())”)"
        }
        func columnLabel(_ column: ImportColumn) -> String {
            isWorksheet ? ImportColumn.letter(column.column) : String(column.column)
        }

        // Session columns: every column whose header is a date or a session number.
        let sessionDates = detail.sessions.map { "\($0.date.dotted) \($0.startTime)" }.joined(separator: ", ")
        var usedSessions: [Int64: ImportColumn] = [:]
        for index in layout.columns.indices where layout.columns[index].field == nil && layout.columns[index].leftOut != .ignoredByMapping {
            let column = layout.columns[index]
            guard let header = SessionColumnReading.parse(column.header) else {
                // A header such as 31.02.2019 was meant as a session; skipping it would drop that day's marks unnoticed.
                if SessionColumnReading.isImpossibleDate(column.header) {
                    throw MalakaError(.data, .unknownSession, "\(file): \(columnName(column)) looks like a session date, but there is no such day. Nothing was recorded.",
                                      subject: .event(eventID), location: .init(file: file, column: column.column),
                                      remedy: .correctSessionHeaderOrIgnore(sessions: sessionDates, column: columnLabel(column)))
                }
                continue
            }
            let matching: [Session]
            switch header {
            case .day(let day, let time):
                matching = detail.sessions.filter { $0.date == day && (time == nil || $0.startTime == time) }
            case .dayAndMonth(let day, let month, let time):
                matching = detail.sessions.filter { $0.date.day == day && $0.date.month == month && (time == nil || $0.startTime == time) }
            case .number(let number):
                matching = detail.sessions.indices.contains(number - 1) ? [detail.sessions[number - 1]] : []
            }
            guard !matching.isEmpty else {
                throw MalakaError(.data, .unknownSession, "\(file): \(columnName(column)) names no session of event \(eventID), whose sessions are \(sessionDates). Nothing was recorded.",
                                  subject: .event(eventID), location: .init(file: file, column: column.column),
                                  remedy: .correctSessionHeaderOrIgnore(sessions: nil, column: columnLabel(column)))
            }
            guard matching.count == 1 else {
                throw MalakaError.data("\(file): \(columnName(column)) could be \(matching.count) sessions of event \(eventID) (starting \(matching.map { "\($0.startTime)" }.joined(separator: ", "))). Add the start time to the header, e.g. “\(matching[0].date.dotted) \(matching[1].startTime)”. Nothing was recorded.")
            }
            if let earlier = usedSessions[matching[0].id!] {
                throw MalakaError(.data, .contradictoryMapping, "\(file): \(columnName(earlier)) and \(columnName(column)) are both the session of \(matching[0].date.dotted) \(matching[0].startTime). Nothing was recorded.",
                                  subject: .event(eventID), location: .init(file: file, column: column.column), remedy: .ignoreOneColumn)
            }
            usedSessions[matching[0].id!] = column
            layout.columns[index].session = matching[0]
            layout.columns[index].leftOut = nil
        }
        let sessionColumns = layout.columns.filter { $0.session != nil }
        guard !sessionColumns.isEmpty else {
            throw MalakaError.data("\(file) has no session column: Malaka looks for headers that are the session dates of event \(eventID) (\(sessionDates)), or session numbers 1 to \(detail.sessions.count).")
        }
        let idColumn = layout.fieldColumns[.participantID]
        let nameColumns: [Int] = layout.fieldColumns[.fullName].map { [$0] }
            ?? [ImportField.surname, .givenName, .patronymic].compactMap { layout.fieldColumns[$0] }.sorted()
        guard idColumn != nil || !nameColumns.isEmpty else {
            throw MalakaError(.data, .noNameColumn, "\(file) has no column that says who each row is: Malaka looks for an Id column with participant numbers, or a name (F.I.Sh., ФИО, Аты-жөнү, Full name).",
                              subject: .file(file), remedy: .mapColumn(example: "B=name"))
        }

        // The people enrolled in the event, to find each row among.
        let enrolled = try PersonIdentity.everyone(
            db, sql: "WHERE id IN (SELECT participantId FROM enrollment WHERE eventId = ?)", arguments: [eventID])
        let positionByID = Dictionary(uniqueKeysWithValues: enrolled.enumerated().map { ($1.id, $0) })
        let nameIndex = NameKeyIndex(enrolled)
        let finder = DuplicateFinder(people: enrolled.map { (id: $0.id, facts: $0.facts) })

        var report = AttendanceImportReport(
            file: file, source: sheet.source.description, isWorksheet: isWorksheet, eventID: eventID,
            headerLine: layout.headerLine, columns: layout.columns, rows: [], problems: [], written: false, refusals: [])
        var lineOfParticipant: [Int64: Int] = [:]
        // Rows the worksheet hides are not what its maker sees: left out unless asked for, and said either way.
        let markedRows = sheet.rows[(layout.headerIndex + 1)...].filter { !$0.isBlank }
        report.hiddenRows = markedRows.filter(\.isHidden).map(\.line)
        report.includedHidden = options.includeHidden
        for row in markedRows where options.includeHidden || !row.isHidden {
            var problems: [ImportProblem] = []
            func problem(_ column: Int?, _ reason: String, _ remedy: MalakaError.Remedy? = nil,
                         code: MalakaError.Code = .unspecified, value: String? = nil) {
                let header = column.flatMap { number in layout.columns.first { $0.column == number }?.header }
                problems.append(ImportProblem(line: row.line, column: column, header: header, reason: reason, remedy: remedy,
                                              isWorksheet: isWorksheet, code: code, value: value))
            }
            let name = nameColumns.compactMap { CellReading.value(row[column: $0]) }.joined(separator: " ")
            let number = idColumn.flatMap { CellReading.value(row[column: $0]) }
            var marks: [AttendanceStatus?] = []
            for column in sessionColumns {
                do {
                    let status = try AttendanceMarkReading.status(row[column: column.column])
                    marks.append(status ?? (options.emptyIsAbsent ? .absent : nil))
                } catch let error as MalakaError {
                    problem(column.column, error.message, error.remedy, code: error.code, value: row[column: column.column].trimmingSpaces())
                }
            }

            var found: (person: PersonIdentity, identification: AttendanceImportReport.Identification)?
            let written = PersonIdentity(id: 0, fullName: name, alternateName: nil, sex: nil, birthYear: nil, phone: nil,
                                         regionCode: nil, locality: nil, crossScriptKey: "")
            if let number {
                if let id = Int64(number.hasSuffix(".0") ? String(number.dropLast(2)) : number) {
                    if let position = positionByID[id] {
                        let person = enrolled[position]
                        if !name.isEmpty && Set(person.nameKeys).isDisjoint(with: written.nameKeys)
                            && compare(written.facts, person.facts).verdict == .different {
                            problem(nameColumns.first, "Participant \(id) is \(person.fullName), but this row says “\(name)”. Correct the number or the name.")
                        } else {
                            found = (person, .number)
                        }
                    } else {
                        let registered = try Participant.fetchOne(db, key: id)
                        if let registered {
                            problem(idColumn, "\(registered.fullName) (\(id)) is not enrolled in event \(eventID).",
                                    .enrollFirst(event: eventID, participant: id))
                        } else {
                            problem(idColumn, "There is no participant \(id). Check the number, or leave the Id cell empty to find the person by name.")
                        }
                    }
                } else {
                    problem(idColumn, "“\(number)” is not a participant number. Write the number Malaka gave the person, e.g. 12.")
                }
            } else if name.isEmpty {
                problem(nameColumns.first ?? idColumn, "The row says nobody: the name\(idColumn == nil ? "" : " and the number") are empty. Fill them in, or delete the row.")
            } else {
                let sameName = nameIndex.sameName(as: written)
                if sameName.count == 1 {
                    found = (enrolled[sameName[0]], .name)
                } else if sameName.count > 1 {
                    problem(nameColumns.first, "“\(name)” could be \(sameName.map { "\(enrolled[$0].fullName) (\(enrolled[$0].id))" }.joined(separator: " or ")). Add an Id column with their numbers.")
                } else {
                    let probable = finder.matches(for: written.facts).filter { $0.assessment.verdict == .samePerson }
                    if probable.count == 1 || (probable.count > 1 && probable[0].assessment.score > probable[1].assessment.score) {
                        found = (enrolled[positionByID[probable[0].id]!], .similarName(probable[0].assessment.reasons))
                    } else if probable.count > 1 {
                        problem(nameColumns.first, "“\(name)” could be \(probable.map { "\(enrolled[positionByID[$0.id]!].fullName) (\($0.id))" }.joined(separator: " or ")). Add an Id column with their numbers.")
                    } else {
                        let registered = try searchRegistered(db, name: name)
                        if registered.isEmpty {
                            problem(nameColumns.first, "Nobody enrolled in event \(eventID) is called “\(name)”.",
                                    .checkNameOrRegisterAndEnroll(event: eventID), code: .nobodyByName, value: name)
                        } else {
                            problem(nameColumns.first, "“\(name)” is not enrolled in event \(eventID); registered with that name: \(registered.map { "\($0.fullName) (\($0.id!))" }.joined(separator: ", ")).",
                                    .enrollFirst(event: eventID, participant: nil))
                        }
                    }
                }
            }
            if let person = found?.person, let earlier = lineOfParticipant[person.id] {
                problem(nameColumns.first ?? idColumn, "\(person.fullName) (\(person.id)) is on \(isWorksheet ? "row" : "line") \(earlier) already. Keep one row per person.")
            }
            guard problems.isEmpty, let found else {
                report.problems += problems
                continue
            }
            lineOfParticipant[found.person.id] = row.line
            report.rows.append(.init(line: row.line, participantID: found.person.id, fullName: found.person.fullName,
                                     writtenName: name.isEmpty ? found.person.fullName : name,
                                     identification: found.identification, marks: marks))
        }
        let rejected = report.rejectedLines.count
        if rejected > 0 && !options.skipInvalid {
            report.refusals.append(.rowsHaveProblems(rejected, remedy: .correctRowsOrSkipInvalid(count: rejected, marks: true)))
        }
        return report
    }

    /// Registered people whose name is written the same way, whether enrolled or not, for a helpful message.
    private func searchRegistered(_ db: Database, name: String) throws -> [Participant] {
        let key = PersonIdentity.orderFree(NameMatching.searchKey(name))
        guard !key.isEmpty else { return [] }
        let firstWord = String(key.split(separator: " ").first ?? "")
        return try Participant.filter(Participant.Columns.crossScriptKey.like("%\(firstWord)%")).limit(200).fetchAll(db)
            .filter { PersonIdentity($0).nameKeys.contains(key) }
    }
}
