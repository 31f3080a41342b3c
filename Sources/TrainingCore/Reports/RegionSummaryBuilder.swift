/// Adds up the rows ``AppDatabase/regionSummary(_:)`` reads into a ``RegionSummary``, applying its rules.
///
/// It works in three steps, as the rows arrive: the events held (``addEvent(_:sessionCount:firstSession:lastSession:)``),
/// each enrollment's marks (``addTally(event:participant:_:)``), then what the people who came are
/// counted by (``countPeople(_:)``). Counting is done in flat arrays and sorted lists rather than
/// dictionaries: a year of a national programme has 70,000 enrollments to add up.
struct RegionSummaryBuilder {
    private let request: RegionSummaryRequest
    private let lastDay: DayDate
    private var rowCodes: [String?]
    /// The rows every report of this scope has; rows added after them come from events' own places.
    private let standingRows: Int
    private var rowIndex: [RowKey: Int]
    private var rows: [RegionSummary.Figures]
    private var events: [EventTally] = []
    private var eventIndex: [Int64: Int] = [:]
    /// The event of the previous tally: tallies come event by event.
    private var lastEvent: (id: Int64, index: Int) = (-1, -1)
    /// The participations: enrollments whose person came to a held session in the period.
    private var participations: [Participation] = []
    /// Completion judged once per course, tally and number of sessions.
    private var judgements: [Judgement: Bool] = [:]
    private var total = RegionSummary.Figures()

    /// One event while the summary is put together.
    private struct EventTally {
        var line: RegionSummary.EventLine
        var row: Int
        var year: Int
        var rule: CompletionRule
        /// All the event's sessions, which completion is judged over.
        var sessionCount: Int
        /// Whether all its sessions are in the period, so that its marks in the period are all its marks.
        var isInside: Bool
        var endsInPeriod: Bool
        var credited = 0
    }

    private struct Participation {
        var event: Int
        var participant: Int64
    }

    private struct RowKey: Hashable {
        let code: String?
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
        var line = line
        let endsInPeriod = period.from <= lastSession && lastSession <= lastDay
        if endsInPeriod {
            line.completed = 0
            line.certificates = 0
        }
        eventIndex[line.id] = events.count
        events.append(EventTally(
            line: line, row: row(for: line.rowCode), year: line.startDate.year, rule: line.course.course.completionRule,
            sessionCount: sessionCount, isInside: period.from <= firstSession && lastSession <= lastDay, endsInPeriod: endsInPeriod))
    }

    var insideEvents: [Int64] { events.filter(\.isInside).map(\.line.id) }
    var edgeEvents: [Int64] { events.filter { !$0.isInside }.map(\.line.id) }
    var edgeEventsEndingInPeriod: [Int64] { events.filter { !$0.isInside && $0.endsInPeriod }.map(\.line.id) }
    var eventsEndingInPeriod: [Int64] { events.filter(\.endsInPeriod).map(\.line.id) }

    // MARK: Enrollments

    /// One enrollment's marks in the period: a participation if the person came; for an event
    /// wholly within the period, also the marks its completion is judged on.
    mutating func addTally(event id: Int64, participant: Int64, _ tally: MarkTally) {
        guard let index = lastEvent.id == id ? lastEvent.index : eventIndex[id] else { return }
        lastEvent = (id, index)
        if events[index].isInside && events[index].endsInPeriod {
            judgeCompletion(at: index, tally)
        }
        guard tally.attended else { return }
        events[index].line.participants += 1
        events[index].credited += tally.credited(under: events[index].rule)
        participations.append(Participation(event: index, participant: participant))
    }

    /// The people who came, each once, in increasing order.
    var participantIDs: [Int64] {
        var ids = participations.map(\.participant)
        ids.sort()
        var unique: [Int64] = []
        unique.reserveCapacity(ids.count)
        for id in ids where id != unique.last { unique.append(id) }
        return unique
    }

    /// Counts one enrolled person's completion of an event that ends in the period, from their marks at all its sessions.
    mutating func judgeCompletion(event id: Int64, _ tally: MarkTally) {
        guard let index = eventIndex[id], events[index].endsInPeriod else { return }
        judgeCompletion(at: index, tally)
    }

    /// Someone who never came (only excused, say, under a rule that credits excused absences) is not counted.
    private mutating func judgeCompletion(at index: Int, _ tally: MarkTally) {
        guard tally.attended else { return }
        let judgement = Judgement(course: events[index].line.course.course.id!, tally: tally, sessionCount: events[index].sessionCount)
        let isComplete = judgements[judgement] ?? {
            let verdict = events[index].rule.evaluate(tally.marks, sessionCount: judgement.sessionCount).isComplete
            judgements[judgement] = verdict
            return verdict
        }()
        if isComplete { events[index].line.completed! += 1 }
    }

    mutating func addCertificates(event id: Int64, count: Int) {
        guard let index = eventIndex[id], events[index].endsInPeriod else { return }
        events[index].line.certificates! += count
    }

    // MARK: People

    /// Splits the participations, and the people behind them, by sex, age group and category.
    ///
    /// Each person is counted once per row, aged at their first counted event there, and once
    /// in the total, aged at their first counted event of all.
    mutating func countPeople(_ people: PersonAttributes) {
        let cells = PersonCell.count
        var participationCells = [Int](repeating: 0, count: rows.count * cells)
        // Sorted, a row's person and the year of each of their events come together, earliest first.
        var inRows: [UInt64] = []
        var overall: [UInt64] = []
        inRows.reserveCapacity(participations.count)
        overall.reserveCapacity(participations.count)
        for participation in participations {
            let row = events[participation.event].row
            let year = events[participation.event].year
            let person = people[participation.participant]
            participationCells[row * cells + PersonCell.index(person, year: year)] += 1
            let key = UInt64(participation.participant) << Self.yearBits | UInt64(year)
            inRows.append(UInt64(row) << Self.rowShift | key)
            overall.append(key)
        }
        inRows.sort()
        overall.sort()

        var participantCells = [Int](repeating: 0, count: rows.count * cells)
        var previous = UInt64.max
        for key in inRows where key >> Self.yearBits != previous >> Self.yearBits {
            previous = key
            let row = Int(key >> Self.rowShift)
            let participant = Int64((key & Self.personAndYearMask) >> Self.yearBits)
            participantCells[row * cells + PersonCell.index(people[participant], year: Int(key & Self.yearMask))] += 1
        }
        var totalCells = [Int](repeating: 0, count: cells)
        previous = UInt64.max
        for key in overall where key >> Self.yearBits != previous >> Self.yearBits {
            previous = key
            totalCells[PersonCell.index(people[Int64(key >> Self.yearBits)], year: Int(key & Self.yearMask))] += 1
        }

        for row in rows.indices {
            rows[row].participations = PersonCell.breakdown(participationCells[row * cells..<(row + 1) * cells])
            rows[row].participants = PersonCell.breakdown(participantCells[row * cells..<(row + 1) * cells])
        }
        total.participants = PersonCell.breakdown(totalCells[...])
    }

    /// Participant ids below 2⁴⁴ and years below 4096 make one sortable number with a row below 2⁸.
    private static let yearBits: UInt64 = 12
    private static let yearMask: UInt64 = 1 << yearBits - 1
    private static let rowShift: UInt64 = 56
    private static let personAndYearMask: UInt64 = 1 << rowShift - 1

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
        var total = total
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
