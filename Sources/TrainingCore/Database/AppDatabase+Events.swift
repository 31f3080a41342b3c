import Foundation
import GRDB

extension AppDatabase {
    /// Schedules an event with its sessions and trainers, or refuses the whole plan.
    ///
    /// The plan is refused when a trainer or the venue is already booked at the
    /// same time by another event, unless `allowConflict`, which records each
    /// conflict as an override. A study tour may give legs, each with its own
    /// place, host and days; their sessions are held in the leg's time zone.
    ///
    /// For example:
    /// ```swift
    /// let time = try TimeRange(parsing: "09:00-13:00")
    /// let event = try database.createEvent(EventPlan(
    ///     courseCode: "PS-PARENTING", region: "Xorazm", district: "Urganch tumani",
    ///     sessions: EventPlan.consecutiveSessions(from: DayDate(parsing: "2019-03-25"), days: 2, time: time)))
    /// ```
    public func createEvent(_ plan: EventPlan, allowConflict: Bool = false) throws -> EventDetail {
        try plan.checkText()
        let region = try gazetteer.region(matching: plan.region)
        let district = try plan.district.map { try gazetteer.district(matching: $0, in: region) }
        let legs = try resolveLegs(plan.legs)
        let sides = try plan.sides.map { sides in
            StudyTourSides(sendingOrganisation: sides.sendingOrganisation.nonEmpty,
                           sendingRegionCode: try sides.sendingRegion.map { try gazetteer.region(matching: $0).code },
                           hostingOrganisation: sides.hostingOrganisation.nonEmpty,
                           hostingRegionCode: try sides.hostingRegion.map { try gazetteer.region(matching: $0).code })
        }
        var planned = plan.sessions
        for (index, leg) in plan.legs.enumerated() {
            for offset in 0...(leg.endDate.dayNumber - leg.startDate.dayNumber) {
                planned.append(.init(date: leg.startDate.adding(days: offset), time: leg.time, hours: leg.hours, legIndex: index))
            }
        }
        guard !planned.isEmpty else {
            throw MalakaError.usage("An event needs at least one session: give --start with --days, or --session DATE.")
        }
        if let capacity = plan.capacity, capacity <= 0 {
            throw MalakaError.data("Capacity \(capacity) is not a number of places. Give a number above 0, or leave it out for no limit.")
        }
        let sessions = planned.sorted { ($0.date, $0.time.start) < ($1.date, $1.time.start) }
        let startDate = plan.startDate ?? sessions.first!.date
        let endDate = plan.endDate ?? sessions.last!.date
        guard endDate >= startDate else {
            throw MalakaError.data("The event cannot end (\(endDate.iso)) before it starts (\(startDate.iso)).")
        }
        for session in sessions where session.date < startDate || session.date > endDate {
            throw MalakaError.data("The session on \(session.date.iso) falls outside the event's dates, \(startDate.iso) to \(endDate.iso). Move the session or widen the event with --start/--end.")
        }
        try Self.checkSessionsApart(sessions.map { ($0.date, $0.time) })
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
            if (!legs.isEmpty || sides != nil) && course.course.kind != .studyTour {
                throw MalakaError.data("Course \(course.course.code) is a \(course.course.kind.rawValue), not a study tour; only a study tour has legs and sending and hosting sides.")
            }
            let title = plan.title?.trimmingSpaces()
            var event = Event(
                id: nil, courseId: course.course.id!, title: title?.isEmpty == false ? title : nil,
                regionCode: region.code, districtCode: district?.code,
                locality: plan.locality.nonEmpty, venue: plan.venue.nonEmpty, organiser: plan.organiser.nonEmpty,
                capacity: plan.capacity, status: plan.status, cancelReason: nil,
                startDate: startDate, endDate: endDate, createdAt: .databaseNow)
            try event.insert(db)
            var legIDs: [Int64] = []
            for (index, leg) in legs.enumerated() {
                var leg = leg
                leg.eventId = event.id!
                leg.position = index + 1
                try leg.insert(db)
                legIDs.append(leg.id!)
            }
            if var sides {
                sides.eventId = event.id!
                try sides.insert(db)
            }
            for planned in sessions {
                let zone = PlaceTimeZone(regionCode: planned.legIndex.map { legs[$0].regionCode } ?? region.code)
                var session = Session(id: nil, eventId: event.id!, date: planned.date, startTime: planned.time.start,
                                      endTime: planned.time.end, hours: planned.hours ?? planned.time.hours,
                                      timeZone: zone, legId: planned.legIndex.map { legIDs[$0] })
                try session.insert(db)
            }
            var seen = Set<Int64>()
            for name in trainerNames {
                let trainerID = try trainerID(db, name: name)
                if seen.insert(trainerID).inserted {
                    try EventTrainer(eventId: event.id!, trainerId: trainerID).insert(db)
                }
            }
            try enforce(db, conflicts(db, eventID: event.id!, kinds: [.trainer, .venue]), allow: allowConflict, action: "create")
            return event.id!
        }
        return try eventDetail(id: eventID)
    }

    /// Refuses two sessions of one event that overlap.
    static func checkSessionsApart(_ sessions: [(date: DayDate, time: TimeRange)]) throws {
        let sorted = sessions.sorted { ($0.date, $0.time.start) < ($1.date, $1.time.start) }
        for (index, session) in sorted.enumerated().dropFirst() {
            let previous = sorted[index - 1]
            if previous.date == session.date && previous.time.end > session.time.start {
                throw MalakaError.data("Two sessions on \(session.date.iso) overlap (\(previous.time) and \(session.time)). Give each its own time.")
            }
        }
    }

    /// Checks a study tour's legs and resolves their places; positions and the event are filled in on insert.
    private func resolveLegs(_ legs: [EventPlan.PlannedLeg]) throws -> [StudyTourLeg] {
        let resolved = try legs.enumerated().map { index, leg in
            let host = leg.hostOrganisation.trimmingSpaces()
            guard !host.isEmpty else {
                throw MalakaError.data("Leg \(index + 1) has no host organisation. Say who receives the tour there with host=….")
            }
            guard leg.endDate >= leg.startDate else {
                throw MalakaError.data("Leg \(index + 1) cannot end (\(leg.endDate.dotted)) before it starts (\(leg.startDate.dotted)). Nothing was changed.")
            }
            guard leg.endDate.dayNumber - leg.startDate.dayNumber < 366 else {
                throw MalakaError.data("Leg \(index + 1) lasts more than a year (\(leg.startDate.dotted) to \(leg.endDate.dotted)). Check its dates.")
            }
            let region = try gazetteer.region(matching: leg.region)
            let district = try leg.district.map { try gazetteer.district(matching: $0, in: region) }
            return StudyTourLeg(id: nil, eventId: 0, position: index + 1, hostOrganisation: host, place: leg.place.nonEmpty,
                                regionCode: region.code, districtCode: district?.code, startDate: leg.startDate,
                                endDate: leg.endDate, visited: leg.visited.nonEmpty)
        }
        let ordered = resolved.sorted { $0.startDate < $1.startDate }
        for (index, leg) in ordered.enumerated().dropFirst() where leg.startDate <= ordered[index - 1].endDate {
            throw MalakaError.data("The legs at \(ordered[index - 1].hostOrganisation) (\(ordered[index - 1].startDate.dotted)–\(ordered[index - 1].endDate.dotted)) and \(leg.hostOrganisation) (\(leg.startDate.dotted)–\(leg.endDate.dotted)) share days. Give each leg its own days.")
        }
        return resolved
    }

    /// The trainer with this name, added if new.
    func trainerID(_ db: Database, name: String) throws -> Int64 {
        let key = name.searchFolded()
        if let id = try Int64.fetchOne(db, sql: "SELECT id FROM trainer WHERE nameKey = ?", arguments: [key]) {
            return id
        }
        // The same trainer written in the other script or word order is one trainer, for the conflict check too.
        if let id = try sameTrainer(db, as: name) { return id }
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
                           trainers: trainers, enrolledCount: enrolled,
                           waitlistedCount: try WaitlistEntry.filter(WaitlistEntry.Columns.eventId == event.id!).fetchCount(db),
                           legs: try StudyTourLeg.filter(Column("eventId") == event.id!).order(Column("position")).fetchAll(db),
                           sides: try StudyTourSides.fetchOne(db, key: event.id!),
                           overrides: try overrides(db, eventID: event.id!))
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
