extension EventPlan {
    /// What a valid plan schedules: its sessions in order, its dates and its trainers' names.
    public struct Schedule: Hashable, Sendable {
        public var sessions: [PlannedSession]
        public var startDate: DayDate
        public var endDate: DayDate
        public var trainerNames: [String]
    }

    /// Checks the plan on its own, before any database is read: it has sessions, they lie within the
    /// event's dates and do not overlap, their hours are possible, the capacity is a number of places
    /// and every trainer has a name.
    ///
    /// A study tour's legs add one session on each of their days.
    ///
    /// - Throws: ``MalakaError`` naming the first rule broken.
    public func validated() throws -> Schedule {
        var planned = sessions
        for (index, leg) in legs.enumerated() {
            for offset in 0...max(0, leg.endDate.dayNumber - leg.startDate.dayNumber) {
                planned.append(.init(date: leg.startDate.adding(days: offset), time: leg.time, hours: leg.hours, legIndex: index))
            }
        }
        guard !planned.isEmpty else {
            throw MalakaError(.usage, .noSessions, "An event needs at least one session:", remedy: .giveSessions)
        }
        if let capacity, capacity <= 0 {
            throw MalakaError(.data, .valueOutOfRange, "Capacity \(capacity) is not a number of places. Give a number above 0, or leave it out for no limit.")
        }
        let ordered = planned.sorted { ($0.date, $0.time.start) < ($1.date, $1.time.start) }
        let first = startDate ?? ordered.first!.date
        let last = endDate ?? ordered.last!.date
        guard last >= first else {
            throw MalakaError(.data, .datesOutOfOrder, "The event cannot end (\(last.iso)) before it starts (\(first.iso)).")
        }
        for session in ordered where session.date < first || session.date > last {
            throw MalakaError(.data, .outsideEventDates, "The session on \(session.date.iso) falls outside the event's dates, \(first.iso) to \(last.iso).",
                              remedy: .moveSessionOrWidenEvent)
        }
        try Self.checkApart(ordered.map { ($0.date, $0.time) })
        for session in ordered {
            if let hours = session.hours, !(hours > 0 && hours <= 24) {
                throw MalakaError(.data, .valueOutOfRange, "A session of \(hours) hours on \(session.date.iso) is not possible. Give hours from 0 to 24, or leave them to follow from the times.")
            }
        }
        let trainerNames = trainers.map { $0.trimmingSpaces() }
        if let blank = trainerNames.firstIndex(where: \.isEmpty) {
            throw MalakaError(.data, .missingName, "Trainer \(blank + 1) has an empty name.", remedy: .nameEachTrainer)
        }
        return Schedule(sessions: ordered, startDate: first, endDate: last, trainerNames: trainerNames)
    }

    /// Refuses two sessions of one event that overlap.
    static func checkApart(_ sessions: [(date: DayDate, time: TimeRange)]) throws {
        let sorted = sessions.sorted { ($0.date, $0.time.start) < ($1.date, $1.time.start) }
        for (index, session) in sorted.enumerated().dropFirst() {
            let previous = sorted[index - 1]
            if previous.date == session.date && previous.time.end > session.time.start {
                throw MalakaError(.data, .sessionsOverlap, "Two sessions on \(session.date.iso) overlap (\(previous.time) and \(session.time)). Give each its own time.")
            }
        }
    }
}
