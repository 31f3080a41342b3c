import Spreadsheets

/// Turns the rows of a participant list into drafts, collecting every problem with its line and column.
///
/// Region and district names are looked up once per distinct spelling, so a list
/// of 100,000 people from a dozen districts costs a dozen look-ups.
struct ParticipantRowReader {
    let layout: ColumnLayout
    let gazetteer: Gazetteer
    let isWorksheet: Bool
    /// The year ages are counted back from: the event's year, or this year.
    let referenceYear: Int
    let thisYear: Int
    /// Values for every row, where its cells say nothing.
    let presets: [ImportField: String]
    /// The category of a row that gives none: the one audience of the event's course.
    let audienceCategory: ParticipantCategory?
    /// Cells holding a formula saved without its value: empty to read, but not empty in the file.
    let formulaCells: Set<CellPosition>

    /// The column of each field, by the field's position in `ImportField.allCases`: a look-up per cell, so an array.
    private let columns: [Int?]
    private var regions: [String: Result<Region, MalakaError>] = [:]
    /// Sexes, categories and languages by the words written, read once each.
    private let words = WordMemo()
    private var districts: [String: Result<District, MalakaError>] = [:]
    private let nameColumns: [Int]

    /// The fields a participant list may have.
    static let fields: Set<ImportField> = Set(ImportField.allCases).subtracting([.participantID, .ignore])

    init(layout: ColumnLayout, gazetteer: Gazetteer, isWorksheet: Bool, referenceYear: Int, thisYear: Int,
         presets: ImportPresets = ImportPresets(), audienceCategory: ParticipantCategory? = nil,
         formulaCells: Set<CellPosition> = []) throws {
        self.presets = presets.values
        self.formulaCells = formulaCells
        self.audienceCategory = audienceCategory
        self.layout = layout
        self.gazetteer = gazetteer
        self.isWorksheet = isWorksheet
        self.referenceYear = referenceYear
        self.thisYear = thisYear
        nameColumns = try Self.nameColumns(layout)
        columns = ImportField.allCases.map { layout.fieldColumns[$0] }
    }

    /// The column of the full name, or those of its parts in the order the file gives them
    /// (“Familiya, Ism, Otasining ismi” stays in that order).
    static func nameColumns(_ layout: ColumnLayout) throws -> [Int] {
        if let full = layout.fieldColumns[.fullName] { return [full] }
        let parts = [ImportField.surname, .givenName, .patronymic].compactMap { layout.fieldColumns[$0] }.sorted()
        guard !parts.isEmpty else {
            let found = layout.columns.filter { $0.field != nil }.map { "\($0.header) (\($0.field!.rawValue))" }
            throw MalakaError(.data, .noNameColumn, "No column gives the person's name. Malaka looks for headers such as F.I.Sh., Familiya and Ism, ФИО, Аты-жөнү or Full name\(found.isEmpty ? "" : "; it found only \(found.joined(separator: ", "))").",
                              remedy: .mapColumn(example: "B=name"))
        }
        return parts
    }

    /// The draft a row describes, or the problems that keep it out.
    mutating func read(_ row: SheetRow) -> (draft: ParticipantDraft?, problems: [ImportProblem], notes: ImportRowNotes) {
        var problems: [ImportProblem] = []
        var notes: ImportRowNotes = []
        let presets = presets
        let columns = columns
        func column(_ field: ImportField) -> Int? {
            columns[field.position]
        }
        func problem(_ field: ImportField?, _ reason: String, _ remedy: MalakaError.Remedy? = nil,
                     code: MalakaError.Code = .unspecified, value: String? = nil) {
            let column = field.flatMap(column)
            problems.append(ImportProblem(line: row.line, column: column,
                                          header: column.map(header(of:)),
                                          reason: reason, remedy: remedy, isWorksheet: isWorksheet, code: code, value: value))
        }
        func value(_ field: ImportField) -> String? {
            column(field).flatMap { CellReading.value(row[column: $0]) } ?? presets[field]
        }
        func parse<T>(_ field: ImportField, _ parser: (String) throws -> T) -> T? {
            guard let text = value(field) else { return nil }
            do {
                return try parser(text)
            } catch let error as MalakaError {
                problem(field, error.message, error.remedy, code: error.code, value: text)
            } catch {
                problem(field, "“\(text)” could not be read: \(error).")
            }
            return nil
        }

        let name = nameColumns.compactMap { CellReading.value(row[column: $0]) }.joined(separator: " ")
        if name.isEmpty {
            let formula = nameColumns.first { formulaCells.contains(row.position(ofColumn: $0)) }
            let column = formula ?? nameColumns[0]
            let reason = formula == nil
                ? "The name is empty. Write the person's name, or delete the row."
                : "The name is a formula saved without its value (the program that wrote the file does not calculate). Open the file in Excel or LibreOffice and save it again, or paste the names as values."
            problems.append(ImportProblem(line: row.line, column: column, header: header(of: column),
                                          reason: reason, isWorksheet: isWorksheet, code: formula == nil ? .missingName : .unspecified,
                                          value: ""))
        }
        // Text that is stored and later printed must not carry control or direction-override characters.
        let forbiddenHelp = "Retype the cell in a spreadsheet program; the file may have been damaged or made to deceive."
        if let scalar = CellReading.forbiddenCharacter(in: name, allowingLineBreaks: false) {
            let column = nameColumns.first { CellReading.forbiddenCharacter(in: row[column: $0], allowingLineBreaks: false) != nil } ?? nameColumns[0]
            problems.append(ImportProblem(line: row.line, column: column, header: header(of: column),
                                          reason: "The name contains the invisible character \(CellReading.describe(scalar)). \(forbiddenHelp)",
                                          isWorksheet: isWorksheet, code: .invisibleCharacter, value: CellReading.describe(scalar)))
        }
        for field in [ImportField.alternateName, .organisation, .locality, .consentBy] {
            if let text = value(field), let scalar = CellReading.forbiddenCharacter(in: text, allowingLineBreaks: field != .alternateName) {
                problem(field, "The cell contains the invisible character \(CellReading.describe(scalar)). \(forbiddenHelp)",
                        code: .invisibleCharacter, value: CellReading.describe(scalar))
            }
        }
        let words = words
        let sex: Sex? = parse(.sex) { try words.read(.sex, $0, Sex.init(parsing:)) }
        let category: ParticipantCategory? = parse(.category) { try words.read(.category, $0, ParticipantCategory.init(parsing:)) }
        let language: DocumentLanguage? = parse(.language) { try words.read(.language, $0, CellReading.language) }
        let consentDate = parse(.consentDate, CellReading.day)
        let phone = parse(.phone, CellReading.phone)
        let consentBy = value(.consentBy)
        if consentBy != nil && consentDate == nil && value(.consentDate) == nil {
            problem(.consentBy, "Consent is recorded by “\(consentBy!)” but on no date. Add the date in a consent-date column (Rozilik sanasi, Дата согласия).")
        }

        // The birth year: given, or from a date of birth, or from an age at the event.
        let thisYear = thisYear
        let year = parse(.birthYear) { try CellReading.birthYear($0, thisYear: thisYear) }
        let dateYear = parse(.birthDate) { try CellReading.birthDateYear($0, thisYear: thisYear) }
        let age = parse(.age, CellReading.age)
        var birthYear = year ?? dateYear
        if let year, let dateYear, year != dateYear {
            problem(.birthDate, "The date of birth “\(value(.birthDate)!)” and the birth year \(year) disagree. Correct one of them.")
        }
        if let age {
            let fromAge = referenceYear - age
            if let known = birthYear {
                if abs(known - fromAge) > 1 {
                    problem(.age, "The age \(age) and the birth year \(known) disagree (in \(referenceYear) someone born in \(known) is \(referenceYear - known - 1) or \(referenceYear - known)). Correct one of them.")
                }
            } else if (1900...thisYear).contains(fromAge) {
                birthYear = fromAge
            } else {
                problem(.age, "An age of \(age) in \(referenceYear) gives the birth year \(fromAge), which is not possible.")
            }
        }

        // The region, and the district within it; a district alone finds its region when only one has it.
        var regionCode: String?
        var districtCode: String?
        let regionText = value(.region)
        let districtText = value(.district)
        if let regionText {
            switch region(regionText) {
            case .success(let region): regionCode = region.code
            case .failure(let error): problem(.region, error.message, error.remedy, code: error.code, value: regionText)
            }
        }
        if let districtText, regionText == nil || regionCode != nil {
            switch district(districtText, regionCode: regionCode) {
            case .success(let district):
                districtCode = district.code
                regionCode = district.regionCode
            case .failure(let error): problem(.district, error.message, error.remedy, code: error.code, value: districtText)
            }
        }

        guard problems.isEmpty else { return (nil, problems, notes) }
        if category == nil, let audienceCategory {
            notes.insert(.categoryFromAudience)
        }
        let draft = ParticipantDraft(
            fullName: name, alternateName: value(.alternateName), sex: sex, birthYear: birthYear,
            category: category ?? audienceCategory ?? .other, organisation: value(.organisation), phone: phone, region: regionCode,
            district: districtCode, locality: value(.locality), language: language, consentDate: consentDate,
            consentRecordedBy: consentBy)
        return (draft, [], notes)
    }

    /// Words read once each: a list of 100,000 people has a handful of ways to write a sex.
    final class WordMemo {
        private var known: [ImportField: [String: Result<Any, MalakaError>]] = [:]

        /// The value of a cell of a field, read with `parser` the first time.
        func read<T>(_ field: ImportField, _ text: String, _ parser: (String) throws -> T) throws -> T {
            if let found = known[field]?[text] { return try found.get() as! T }
            let found = ParticipantRowReader.catching { try parser(text) as Any }
            known[field, default: [:]][text] = found
            return try found.get() as! T
        }
    }

    fileprivate static func catching<T>(_ body: () throws -> T) -> Result<T, MalakaError> {
        do {
            return .success(try body())
        } catch let error as MalakaError {
            return .failure(error)
        } catch {
            return .failure(MalakaError.data("\(error)"))
        }
    }

    func header(of column: Int) -> String {
        layout.columns.first { $0.column == column }?.header ?? ""
    }

    private mutating func region(_ text: String) -> Result<Region, MalakaError> {
        if let known = regions[text] { return known }
        let found = Self.catching { try gazetteer.region(matching: text) }
        regions[text] = found
        return found
    }

    private mutating func district(_ text: String, regionCode: String?) -> Result<District, MalakaError> {
        let key = (regionCode ?? "") + "\u{1}" + text
        if let known = districts[key] { return known }
        let found = Self.catching { () throws -> District in
            if let regionCode, let region = gazetteer.region(code: regionCode) {
                return try gazetteer.district(matching: text, in: region)
            }
            let matches = gazetteer.regions.compactMap { try? gazetteer.district(matching: text, in: $0) }
            switch matches.count {
            case 1: return matches[0]
            case 0:
                throw MalakaError(.data, .unknownDistrict, "“\(text)” is not a district Malaka knows, and the row gives no region. Add a region column (Viloyat, Область, Region), or check the spelling;",
                                  remedy: .showDistricts(ofRegion: nil))
            default:
                throw MalakaError.data("“\(text)” could be \(matches.map { "\($0.code) (\($0.name(in: .english)))" }.joined(separator: " or ")). Add a region column to choose.")
            }
        }
        districts[key] = found
        return found
    }
}
