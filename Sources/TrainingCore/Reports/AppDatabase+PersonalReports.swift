import GRDB

extension AppDatabase {
    /// The event reports of the events a filter selects, cancelled events aside, earliest first.
    public func eventReports(matching filter: ExportFilter, asOf: DayDate = .today) throws -> [EventReport] {
        let regionCode = try filter.region.map { try gazetteer.region(matching: $0).code }
        return try read { db in
            if let eventID = filter.eventID { _ = try eventDetail(db, id: eventID) }
            return try reports(db, filter, regionCode, asOf: asOf)
        }
    }

    private func reports(_ db: Database, _ filter: ExportFilter, _ regionCode: String?, asOf: DayDate = .today) throws -> [EventReport] {
        try exportedEvents(db, filter, regionCode).filter { $0.status != .cancelled }.map { event in
            var certificates: [Int64: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT participantId, serial FROM certificate WHERE eventId = ? AND status = 'valid'",
                                        arguments: [event.id!]) {
                certificates[row[0]] = row[1]
            }
            return EventReport(sheet: try attendanceSheet(db, eventID: event.id!), certificates: certificates, asOf: asOf)
        }
    }

    private static let eventColumns = [
        ExportColumn("event", "Event"), ExportColumn("course", "Course"), ExportColumn("title", "Title"),
        ExportColumn("eventStart", "Event start"), ExportColumn("eventEnd", "Event end"),
        ExportColumn("eventRegion", "Event region"), ExportColumn("organiser", "Organiser"), ExportColumn("project", "Project"),
    ]

    private static func eventValues(_ report: EventReport) -> [ExportValue] {
        let event = report.event.event
        return [.integer(event.id!), .text(report.event.course.course.code), .text(report.event.title()),
                .text(event.startDate.iso), .text(event.endDate.iso), .text(event.regionCode),
                ExportValue(event.organiser), ExportValue(event.project)]
    }

    /// One row per enrolled person: sessions credited of the event's sessions, rate, completion, certificate.
    func eventReportExport(_ db: Database, _ filter: ExportFilter, _ regionCode: String?) throws -> ExportTable {
        let columns = Self.eventColumns + Self.personColumns + [
            ExportColumn("sessionsCredited", "Sessions credited"), ExportColumn("sessions", "Sessions"),
            ExportColumn("rate", "Attendance rate"), ExportColumn("completed", "Completed"),
            ExportColumn("certificate", "Certificate"),
        ]
        var rows: [[ExportValue]] = []
        for report in try reports(db, filter, regionCode) {
            for row in report.sheet.rows {
                rows.append(Self.eventValues(report) + Self.personValues(row.participant) + [
                    .integer(Int64(row.standing.creditedSessions)), .integer(Int64(row.standing.sessionCount)),
                    .number((row.standing.rate * 10_000).rounded() / 10_000), .bool(row.standing.isComplete),
                    ExportValue(report.certificates[row.participant.id!]),
                ])
            }
        }
        return ExportTable(kind: .eventReport, columns: columns, rows: rows, filter: filter, isPseudonymized: false)
    }

    /// One row per person who did not complete: what they were credited, what they need, and the sessions they missed.
    func followUpExport(_ db: Database, _ filter: ExportFilter, _ regionCode: String?) throws -> ExportTable {
        let columns = Self.eventColumns + Self.personColumns + [
            ExportColumn("phone", "Phone", .phone),
            ExportColumn("sessionsCredited", "Sessions credited"), ExportColumn("sessions", "Sessions"),
            ExportColumn("sessionsNeeded", "Sessions still needed"), ExportColumn("stillToCome", "Sessions to come"),
            ExportColumn("missed", "Missed"),
        ]
        var rows: [[ExportValue]] = []
        for report in try reports(db, filter, regionCode) {
            for person in report.followUp {
                rows.append(Self.eventValues(report) + Self.personValues(person.participant) + [
                    ExportValue(person.participant.phone),
                    .integer(Int64(person.standing.creditedSessions)), .integer(Int64(person.standing.sessionCount)),
                    .integer(Int64(person.sessionsNeeded)), .integer(Int64(person.stillToCome)),
                    .text(person.missed.map(\.description).joined(separator: "; ")),
                ])
            }
        }
        return ExportTable(kind: .followUp, columns: columns, rows: rows, filter: filter, isPseudonymized: false)
    }
}

extension EventReport.MissedSession: CustomStringConvertible {
    /// `2019-03-26 09:00 absent`, or `not marked`.
    public var description: String {
        "\(session.date.iso) \(session.startTime) \(mark?.rawValue ?? "not marked")"
    }
}
