/// Adds up the rows ``AppDatabase/regionSummary(_:)`` reads into a ``RegionSummary``, applying its rules.
struct RegionSummaryBuilder {
    private let request: RegionSummaryRequest
    private let lastDay: DayDate
    private var rowCodes: [String?]
    /// The rows every report of this scope has; rows added after them come from events' own places.
    private let standingRows: Int
    private var rowIndex: [RowKey: Int]
    private var rows: [RegionSummary.Figures]
    private var events: [Tally] = []
    private var eventIndex: [Int64: Int] = [:]
    /// The event of the previous tally: tallies come event by event.
    private var lastEvent: (id: Int64, index: Int) = (-1, -1)

    /// The people of each row, once each (see ``rowPerson(_:_:)``), with the year of their first counted event there.
    private var firstYearInRow: [Int64: Int] = [:]
    /// Everyone counted, with the year of their first counted event and what they are counted by.
    private var people: [Int64: Person] = [:]
    /// Completion judged once per course, tally and number of sessions.
    private var judgements: [Judgement: Bool] = [:]

    /// One event while the summary is put together.
    private struct Tally {
        var line: RegionSummary.EventLine
        var row: Int
        var year: Int
        /// All the event's sessions, which completion is judged over.
        var sessionCount: Int
        /// Whether all its sessions are in the period, so that its marks in the period are all its marks.
        var isInside: Bool
        var endsInPeriod: Bool
        var credited = 0
    }

    private struct RowKey: Hashable {
        let code: String?
    }

    private struct Person {
        var firstYear: Int
        var sex: SexGroup
        var birthYear: Int?
        var category: ParticipantCategory
    }

    private struct Judgement: Hashable {
        let course: Int64
        let tally: MarkTally
        let sessionCount: Int
    }

    init(request: RegionSummaryRequest, rowCodes: [String?], lastDay: DayDate) {
        self.request = request
        self.lastDay = lastDay
        self.rowCodes = rowCodes
        standingRows = rowCodes.count
        rowIndex = Dictionary(uniqueKeysWithValues: rowCodes.enumerated().map { (RowKey(code: $1), $0) })
        rows = Array(repeating: RegionSummary.Figures(), count: rowCodes.count)
    }

    // MARK: Events

    mutating func addEvent(_ line: RegionSummary.EventLine, sessionCount: Int, firstSession: DayDate, lastSession: DayDate) {
        let period = request.period
        eventIndex[line.id] = events.count
        events.append(Tally(
            line: line, row: row(for: line.rowCode), year: line.startDate.year, sessionCount: sessionCount,
            isInside: period.from <= firstSession && lastSession <= lastDay,
            endsInPeriod: period.from <= lastSession && lastSession <= lastDay))
        if events.last!.endsInPeriod {
            events[events.count - 1].line.completed = 0
            events[events.count - 1].line.certificates = 0
        }
    }

    var insideEvents: [Int64] { events.filter(\.isInside).map(\.line.id) }
    var edgeEvents: [Int64] { events.filter { !$0.isInside }.map(\.line.id) }
    var edgeEventsEndingInPeriod: [Int64] { events.filter { !$0.isInside && $0.endsInPeriod }.map(\.line.id) }
    var eventsEndingInPeriod: [Int64] { events.filter(\.endsInPeriod).map(\.line.id) }

    // MARK: People

    /// One enrollment's marks in the period: a participation if the person came; for an event
    /// wholly within the period, also the marks its completion is judged on.
    mutating func addTally(event id: Int64, participant: Int64, _ tally: MarkTally, sex: SexGroup, birthYear: Int?,
                           category: ParticipantCategory) {
        guard let index = lastEvent.id == id ? lastEvent.index : eventIndex[id] else { return }
        lastEvent = (id, index)
        if events[index].isInside && events[index].endsInPeriod {
            judgeCompletion(at: index, tally)
        }
        guard tally.attended else { return }
        let event = events[index]
        events[index].line.participants += 1
        events[index].credited += tally.credited(under: event.line.course.course.completionRule)
        rows[event.row].participations.add(1, sex: sex, age: AgeGroup(age: birthYear.map { event.year - $0 }), category: category)

        let key = Self.rowPerson(event.row, participant)
        firstYearInRow[key] = min(firstYearInRow[key] ?? .max, event.year)
        if let known = people[participant] {
            if event.year < known.firstYear { people[participant]!.firstYear = event.year }
        } else {
            people[participant] = Person(firstYear: event.year, sex: sex, birthYear: birthYear, category: category)
        }
    }

    /// Counts one enrolled person's completion of an event that ends in the period, from their marks at all its sessions.
    mutating func judgeCompletion(event id: Int64, _ tally: MarkTally) {
        guard let index = eventIndex[id], events[index].endsInPeriod else { return }
        judgeCompletion(at: index, tally)
    }

    private mutating func judgeCompletion(at index: Int, _ tally: MarkTally) {
        let rule = events[index].line.course.course.completionRule
        let judgement = Judgement(course: events[index].line.course.course.id!, tally: tally, sessionCount: events[index].sessionCount)
        let isComplete = judgements[judgement] ?? {
            let verdict = rule.evaluate(tally.marks, sessionCount: judgement.sessionCount).isComplete
            judgements[judgement] = verdict
            return verdict
        }()
        if isComplete { events[index].line.completed! += 1 }
    }

    mutating func addCertificates(event id: Int64, count: Int) {
        guard let index = eventIndex[id], events[index].endsInPeriod else { return }
        events[index].line.certificates! += count
    }

    /// A row and a person in one number, a cheaper key than a pair: participant ids stay below 2⁴⁸.
    private static func rowPerson(_ row: Int, _ person: Int64) -> Int64 {
        Int64(row) << personBits | person
    }

    private static let personBits: Int64 = 48
    private static let personMask: Int64 = 1 << personBits - 1

    // MARK: The summary

    /// The rows with their events added, the total, and the event lines if they were asked for.
    func summary(course: CourseInfo?) -> RegionSummary {
        var rows = rows
        for event in events {
            let line = event.line
            rows[event.row].eventsByKind[line.kind, default: 0] += 1
            rows[event.row].sessions += line.sessions
            rows[event.row].hours += line.hours
            rows[event.row].completed += line.completed ?? 0
            rows[event.row].certificates += line.certificates ?? 0
            rows[event.row].creditedSessions += event.credited
            rows[event.row].offeredSessions += line.participants * line.sessions
        }
        for (key, year) in firstYearInRow {
            let person = people[key & Self.personMask]!
            rows[Int(key >> Self.personBits)].participants.add(1, sex: person.sex, age: AgeGroup(age: person.birthYear.map { year - $0 }),
                                           category: person.category)
        }

        var total = RegionSummary.Figures()
        for figures in rows {
            total.eventsByKind.merge(figures.eventsByKind, uniquingKeysWith: +)
            total.sessions += figures.sessions
            total.hours += figures.hours
            total.participations.merge(figures.participations)
            total.completed += figures.completed
            total.certificates += figures.certificates
            total.creditedSessions += figures.creditedSessions
            total.offeredSessions += figures.offeredSessions
        }
        for person in people.values {
            total.participants.add(1, sex: person.sex, age: AgeGroup(age: person.birthYear.map { person.firstYear - $0 }),
                                   category: person.category)
        }

        let lines = request.includesEvents
            ? events.sorted { ($0.row, $0.line.startDate, $0.line.id) < ($1.row, $1.line.startDate, $1.line.id) }.map(\.line)
            : []
        // Rows beyond the standing ones (events without a district, or in a place the gazetteer no longer lists) come last.
        let kept = rows.indices.filter { $0 < standingRows || rows[$0] != RegionSummary.Figures() }
        return RegionSummary(
            request: request, rows: kept.map { RegionSummary.Row(code: rowCodes[$0], figures: rows[$0]) },
            total: total, events: lines, course: course)
    }

    /// The row an event's code belongs to, added at the end if the gazetteer did not list it.
    private mutating func row(for code: String?) -> Int {
        if let index = rowIndex[RowKey(code: code)] { return index }
        rowIndex[RowKey(code: code)] = rows.count
        rowCodes.append(code)
        rows.append(RegionSummary.Figures())
        return rows.count - 1
    }
}

extension RegionSummary.Breakdown {
    mutating func merge(_ other: RegionSummary.Breakdown) {
        total += other.total
        bySex.merge(other.bySex, uniquingKeysWith: +)
        byAge.merge(other.byAge, uniquingKeysWith: +)
        byCategory.merge(other.byCategory, uniquingKeysWith: +)
    }
}
