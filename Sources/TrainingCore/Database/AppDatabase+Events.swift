import Foundation
import GRDB

extension AppDatabase {
    /// Schedules an event with its sessions and trainers, or refuses the whole plan.
    ///
    /// For example:
    /// ```swift
    /// let time = try TimeRange(parsing: "09:00-13:00")
    /// let event = try database.createEvent(EventPlan(
    ///     courseCode: "PS-PARENTING", region: "Xorazm", district: "Urganch tumani",
    ///     sessions: EventPlan.consecutiveSessions(from: DayDate(parsing: "2019-03-25"), days: 2, time: time)))
    /// ```
    public func createEvent(_ plan: EventPlan) throws -> EventDetail {
        let region = try gazetteer.region(matching: plan.region)
        let district = try plan.district.map { try gazetteer.district(matching: $0, in: region) }
        guard !plan.sessions.isEmpty else {
            throw MalakaError.usage("An event needs at least one session: give --start with --days, or --session DATE.")
        }
        if let capacity = plan.capacity, capacity <= 0 {
            throw MalakaError.data("Capacity \(capacity) is not a number of places. Give a number above 0, or leave it out for no limit.")
        }
        let sessions = plan.sessions.sorted { ($0.date, $0.time.start) < ($1.date, $1.time.start) }
        let startDate = plan.startDate ?? sessions.first!.date
        let endDate = plan.endDate ?? sessions.last!.date
        guard endDate >= startDate else {
            throw MalakaError.data("The event cannot end (\(endDate.iso)) before it starts (\(startDate.iso)).")
        }
        for session in sessions where session.date < startDate || session.date > endDate {
            throw MalakaError.data("The session on \(session.date.iso) falls outside the event's dates, \(startDate.iso) to \(endDate.iso). Move the session or widen the event with --start/--end.")
        }
        for (index, session) in sessions.enumerated().dropFirst() {
            let previous = sessions[index - 1]
            if previous.date == session.date && previous.time.end > session.time.start {
                throw MalakaError.data("Two sessions on \(session.date.iso) overlap (\(previous.time) and \(session.time)). Give each its own time.")
            }
        }
        for session in sessions {
            if let hours = session.hours, !(hours > 0 && hours <= 24) {
                throw MalakaError.data("A session of \(hours) hours on \(session.date.iso) is not possible. Give hours from 0 to 24, or leave them to follow from the times.")
            }
        }
        let trainerNames = plan.trainers.map { $0.trimmingSpaces() }
        if let blank = trainerNames.firstIndex(where: \.isEmpty) {
            throw MalakaError.data("Trainer \(blank + 1) has an empty name. Give each --trainer a name.")
        }

        let eventID = try write { db -> Int64 in
            let course = try courseInfo(db, code: plan.courseCode)
            let title = plan.title?.trimmingSpaces()
            var event = Event(
                id: nil, courseId: course.course.id!, title: title?.isEmpty == false ? title : nil,
                regionCode: region.code, districtCode: district?.code,
                locality: plan.locality.nonEmpty, venue: plan.venue.nonEmpty, organiser: plan.organiser.nonEmpty,
                capacity: plan.capacity, status: plan.status, cancelReason: nil,
                startDate: startDate, endDate: endDate, createdAt: .databaseNow)
            try event.insert(db)
            for planned in sessions {
                var session = Session(id: nil, eventId: event.id!, date: planned.date, startTime: planned.time.start,
                                      endTime: planned.time.end, hours: planned.hours ?? planned.time.hours)
                try session.insert(db)
            }
            var seen = Set<Int64>()
            for name in trainerNames {
                let trainerID = try trainerID(db, name: name)
                if seen.insert(trainerID).inserted {
                    try EventTrainer(eventId: event.id!, trainerId: trainerID).insert(db)
                }
            }
            return event.id!
        }
        return try eventDetail(id: eventID)
    }

    /// The trainer with this name, added if new.
    private func trainerID(_ db: Database, name: String) throws -> Int64 {
        let key = name.searchFolded()
        if let id = try Int64.fetchOne(db, sql: "SELECT id FROM trainer WHERE nameKey = ?", arguments: [key]) {
            return id
        }
        var trainer = Trainer(id: nil, name: name, nameKey: key)
        try trainer.insert(db)
        return trainer.id!
    }

    /// One event with its course, sessions, trainers and number enrolled.
    public func eventDetail(id: Int64) throws -> EventDetail {
        try read { db in try eventDetail(db, id: id) }
    }

    func eventDetail(_ db: Database, id: Int64) throws -> EventDetail {
        guard let event = try Event.fetchOne(db, key: id) else {
            throw MalakaError.data("There is no event \(id). `malaka event list` shows the events and their numbers.")
        }
        return try detail(db, of: event)
    }

    private func detail(_ db: Database, of event: Event) throws -> EventDetail {
        let sessions = try Session.filter(Session.Columns.eventId == event.id!)
            .order(Session.Columns.date, Session.Columns.startTime).fetchAll(db)
        let trainers = try String.fetchAll(db, sql: """
            SELECT trainer.name FROM eventTrainer JOIN trainer ON trainer.id = eventTrainer.trainerId
            WHERE eventTrainer.eventId = ? ORDER BY trainer.name
            """, arguments: [event.id!])
        let enrolled = try Enrollment.filter(Enrollment.Columns.eventId == event.id!).fetchCount(db)
        return EventDetail(event: event, course: try courseInfo(db, id: event.courseId), sessions: sessions,
                           trainers: trainers, enrolledCount: enrolled)
    }

    /// The events that match a filter, earliest first.
    public func events(matching filter: EventFilter = EventFilter()) throws -> [EventDetail] {
        let region = try filter.region.map { try gazetteer.region(matching: $0) }
        return try read { db in
            var request = Event.all()
            if let region { request = request.filter(Event.Columns.regionCode == region.code) }
            if let code = filter.courseCode {
                request = request.filter(Event.Columns.courseId == (try courseInfo(db, code: code).course.id!))
            }
            if let kind = filter.kind {
                request = request.filter(sql: "courseId IN (SELECT id FROM course WHERE kind = ?)", arguments: [kind])
            }
            if let status = filter.status { request = request.filter(Event.Columns.status == status) }
            if let from = filter.from { request = request.filter(Event.Columns.endDate >= from) }
            if let to = filter.to { request = request.filter(Event.Columns.startDate <= to) }
            return try request.order(Event.Columns.startDate, Column("id")).fetchAll(db).map { try detail(db, of: $0) }
        }
    }

    /// Cancels an event, keeping its record and the reason.
    public func cancelEvent(id: Int64, reason: String) throws -> EventDetail {
        let reason = reason.trimmingSpaces()
        guard !reason.isEmpty else {
            throw MalakaError.usage("Say why the event is cancelled with --reason.")
        }
        try write { db in
            var event = try eventDetail(db, id: id).event
            guard event.status != .cancelled else {
                throw MalakaError.data("Event \(id) is already cancelled (\(event.cancelReason ?? "no reason given")).")
            }
            event.status = .cancelled
            event.cancelReason = reason
            try event.update(db)
        }
        return try eventDetail(id: id)
    }

    /// Marks a planned event as held.
    public func markEventHeld(id: Int64) throws -> EventDetail {
        try write { db in
            var event = try eventDetail(db, id: id).event
            guard event.status != .cancelled else {
                throw MalakaError.data("Event \(id) was cancelled (\(event.cancelReason ?? "")), so it cannot be marked as held.")
            }
            event.status = .held
            try event.update(db)
        }
        return try eventDetail(id: id)
    }
}

extension Optional where Wrapped == String {
    /// The trimmed text, or nil when it is missing or blank.
    var nonEmpty: String? {
        guard let text = self?.trimmingSpaces(), !text.isEmpty else { return nil }
        return text
    }
}
