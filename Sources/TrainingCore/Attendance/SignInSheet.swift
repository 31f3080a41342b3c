/// A paper sign-in sheet for an event: its enrolled people in rows and its sessions in columns, with
/// room to sign, in one language. The same grid is printed (PDF) and written as a worksheet (XLSX);
/// the worksheet, marked, imports back with the attendance import.
///
/// For example:
/// ```swift
/// let sheet = SignInSheet(try database.attendanceSheet(eventID: 3), language: .uzbekLatin, gazetteer: .bundled)
/// sheet.header   // ["№", "Id", "F.I.Sh.", "25.03.2019", "26.03.2019", …]
/// ```
public struct SignInSheet: Sendable {
    public var language: DocumentLanguage
    public var words: SignInSheetWords
    /// The event's title.
    public var title: String
    /// The event's number, dates, place and venue, and its trainers: one line each.
    public var details: [String]
    /// The header row: number, participant number, name, then one column per session.
    public var header: [String]
    /// One row per enrolled person, in the order of the attendance sheet, with the session cells empty.
    public var rows: [[String]]
    /// How many columns come before the sessions'.
    public static let leadingColumns = 3

    public init(_ sheet: AttendanceSheet, language: DocumentLanguage, gazetteer: Gazetteer) {
        self.language = language
        words = SignInSheetWords.words(in: language)
        let event = sheet.event
        title = event.title(in: language)
        var place = [event.event.venue, event.event.locality].compactMap { $0 }
        if let code = event.event.districtCode, let district = gazetteer.district(code: code) { place.append(district.name(in: language)) }
        if let region = gazetteer.region(code: event.event.regionCode) { place.append(region.name(in: language)) }
        let dates = event.event.startDate == event.event.endDate
            ? event.event.startDate.dotted : "\(event.event.startDate.dotted) – \(event.event.endDate.dotted)"
        details = ["#\(event.id) · \(dates) · " + place.joined(separator: ", ")]
        if !event.trainers.isEmpty { details.append("\(words.trainers): " + event.trainers.joined(separator: ", ")) }
        // Two sessions on one day are told apart by their start time, as the import reads them.
        let days = sheet.sessions.map(\.date)
        let sessionHeaders = sheet.sessions.map { session in
            days.filter { $0 == session.date }.count > 1 ? "\(session.date.dotted) \(session.startTime)" : session.date.dotted
        }
        header = [words.number, words.id, words.name] + sessionHeaders
        rows = sheet.rows.enumerated().map { index, row in
            [String(index + 1), String(row.participant.id!), row.participant.fullName]
                + Array(repeating: "", count: sheet.sessions.count)
        }
    }

    /// The document language of an event's sheet when none is asked for: Kyrgyz in Kyrgyzstan, Uzbek Latin elsewhere.
    public static func defaultLanguage(regionCode: String) -> DocumentLanguage {
        regionCode.hasPrefix("KG") ? .kyrgyz : .uzbekLatin
    }
}
