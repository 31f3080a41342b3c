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
        let legs = try resolveLegs(plan.legs)
        // A study tour is reported where it is held: without a district of its own, its first leg's in its region.
        let districtCode = try plan.district.map { try gazetteer.district(matching: $0, in: region).code }
            ?? legs.sorted { $0.startDate < $1.startDate }.first { $0.regionCode == region.code && $0.districtCode != nil }?.districtCode
        let sides = try plan.sides.map { sides in
            StudyTourSides(sendingOrganisation: sides.sendingOrganisation.nonEmpty,
                           sendingRegionCode: try sides.sendingRegion.map { try gazetteer.region(matching: $0).code },
                           hostingOrganisation: sides.hostingOrganisation.nonEmpty,
                           hostingRegionCode: try sides.hostingRegion.map { try gazetteer.region(matching: $0).code })
        }
        let schedule = try plan.validated()
        let (sessions, startDate, endDate, trainerNames) = (schedule.sessions, schedule.startDate, schedule.endDate, schedule.trainerNames)

        let eventID = try write(.createEvent) { db -> Int64 in
            let course = try courseInfo(db, code: plan.courseCode)
            if (!legs.isEmpty || sides != nil) && course.course.kind != .studyTour {
                throw MalakaError.data("Course \(course.course.code) is a \(course.course.kind.rawValue), not a study tour; only a study tour has legs and sending and hosting sides.")
            }
            let title = plan.title?.trimmingSpaces()
            var event = Event(
                id: nil, courseId: course.course.id!, title: title?.isEmpty == false ? title : nil,
                regionCode: region.code, districtCode: districtCode,
                locality: plan.locality.nonEmpty, venue: plan.venue.nonEmpty, organiser: plan.organiser.nonEmpty,
                capacity: plan.capacity, status: plan.status, cancelReason: nil,
                startDate: startDate, endDate: endDate, createdAt: .databaseNow, project: plan.project.nonEmpty)
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
        try EventPlan.checkApart(sessions)
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
        guard let detail = try SingleEventDetail.fetch(db, id: id) else {
            throw MalakaError(.data, .unknownEvent, "There is no event \(id).", subject: .event(id), remedy: .listEvents)
        }
        return detail
    }

    /// The details of the events a request selects, in its order, read with a fixed number of queries.
    func details(_ db: Database, of events: QueryInterfaceRequest<Event>) throws -> [EventDetail] {
        let rows = try EventDetailRow.request(events).fetchAll(db)
        guard !rows.isEmpty else { return [] }
        let ids = events.select(Column("id"))
        let overrides = try ScheduleOverride
            .filter(ids.contains(Column("eventId")) || ids.contains(Column("otherEventId")))
            .order(Column("id")).fetchAll(db)
        var overridesByEvent: [Int64: [ScheduleOverride]] = [:]
        for override in overrides {
            overridesByEvent[override.eventId, default: []].append(override)
            if let other = override.otherEventId, other != override.eventId {
                overridesByEvent[other, default: []].append(override)
            }
        }
        return rows.map { $0.detail(overrides: overridesByEvent[$0.event.id!] ?? []) }
    }

    /// The events that match a filter, earliest first.
    public func events(matching filter: EventFilter = EventFilter()) throws -> [EventDetail] {
        let region = try filter.region.map { try gazetteer.region(matching: $0) }
        return try read { db in
            var request = Event.all()
            if let region { request = request.inRegion(region.code) }
            if let code = filter.courseCode { request = request.ofCourse(id: try courseInfo(db, code: code).course.id!) }
            if let kind = filter.kind { request = request.ofKind(kind) }
            if let status = filter.status { request = request.withStatus(status) }
            return try details(db, of: request.overlapping(from: filter.from, to: filter.to).orderedByStart())
        }
    }

    /// Cancels an event, keeping its record and the reason.
    public func cancelEvent(id: Int64, reason: String) throws -> EventDetail {
        let reason = reason.trimmingSpaces()
        guard !reason.isEmpty else {
            throw MalakaError(.usage, .missingReason, "Say why the event is cancelled.", subject: .event(id),
                              remedy: .giveReason)
        }
        try write(.cancelEvent) { db in
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
        try write(.markEventHeld) { db in
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
