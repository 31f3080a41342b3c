import Foundation
import GRDB

extension AppDatabase {
    /// The rows of an export, filtered, with names and phones replaced by codes if asked.
    ///
    /// For example:
    /// ```swift
    /// let table = try database.export(.enrollments, filter: ExportFilter(region: "Xorazm", from: day("2019-01-01")),
    ///                                 pseudonymize: true)
    /// FileManager.default.createFile(atPath: "xorazm-2019.csv", contents: table.csv())
    /// ```
    public func export(_ kind: ExportKind, filter: ExportFilter = ExportFilter(), pseudonymize: Bool = false) throws -> ExportTable {
        if let from = filter.from, let to = filter.to, to < from {
            throw MalakaError(.usage, .datesOutOfOrder, "The period ends (\(to.dotted)) before it starts (\(from.dotted)).", remedy: .giveFromBeforeTo)
        }
        let regionCode = try filter.region.map { try gazetteer.region(matching: $0).code }
        return try read { db in
            if let eventID = filter.eventID { _ = try eventDetail(db, id: eventID) }
            var table: ExportTable
            switch kind {
            case .participants: table = try participantsExport(db, filter, regionCode)
            case .enrollments: table = try enrollmentsExport(db, filter, regionCode)
            case .attendance: table = try attendanceExport(db, filter, regionCode)
            case .certificates: table = try certificatesExport(db, filter, regionCode)
            }
            table.regionCode = regionCode
            if pseudonymize {
                guard let secret = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'pseudonym-secret'") else {
                    throw MalakaError(.data, .databaseOutOfDate, "The database has no pseudonymisation secret.", remedy: .bringDatabaseUpToDate)
                }
                table.pseudonymize(with: Pseudonymizer(secret: secret))
            }
            return table
        }
    }

    /// `AND …` conditions and their arguments, built one filter at a time.
    private struct Conditions {
        var sql: [String] = []
        var arguments: [any DatabaseValueConvertible] = []

        mutating func add(_ condition: String, _ values: any DatabaseValueConvertible...) {
            sql.append(condition)
            arguments.append(contentsOf: values)
        }

        var whereClause: String { sql.isEmpty ? "" : "WHERE " + sql.joined(separator: " AND ") }
        var statementArguments: StatementArguments { StatementArguments(arguments.map { $0.databaseValue }) }
    }

    private static let personColumns: [ExportColumn] = [
        ExportColumn("participant", "Id", .participantNumber), ExportColumn("fullName", "Full name", .personName),
        ExportColumn("alternateName", "Other spelling", .otherName), ExportColumn("sex", "Sex"),
        ExportColumn("birthYear", "Birth year"), ExportColumn("category", "Category"),
    ]

    private static func personValues(_ person: Participant) -> [ExportValue] {
        [.integer(person.id!), .text(person.fullName), ExportValue(person.alternateName), ExportValue(person.sex?.rawValue),
         ExportValue(person.birthYear), .text(person.category.rawValue)]
    }

    private func participantsExport(_ db: Database, _ filter: ExportFilter, _ regionCode: String?) throws -> ExportTable {
        var conditions = Conditions()
        if let regionCode { conditions.add("regionCode = ?", regionCode) }
        if let eventID = filter.eventID {
            conditions.add("id IN (SELECT participantId FROM enrollment WHERE eventId = ?)", eventID)
        }
        if filter.from != nil || filter.to != nil {
            conditions.add("""
                id IN (SELECT enrollment.participantId FROM enrollment JOIN event ON event.id = enrollment.eventId
                       WHERE event.endDate >= ? AND event.startDate <= ?)
                """, (filter.from ?? DayDate(year: 1, month: 1, day: 1)!).iso, (filter.to ?? DayDate(year: 9999, month: 12, day: 31)!).iso)
        }
        let people = try Participant.fetchAll(
            db, sql: "SELECT * FROM participant \(conditions.whereClause) ORDER BY id", arguments: conditions.statementArguments)
        let columns = Self.personColumns + [
            ExportColumn("organisation", "Organisation", .freeText), ExportColumn("phone", "Phone", .phone),
            ExportColumn("region", "Region"), ExportColumn("district", "District"), ExportColumn("locality", "Locality", .freeText),
            ExportColumn("language", "Language"), ExportColumn("consentDate", "Consent date"),
            ExportColumn("consentRecordedBy", "Consent recorded by", .staffName),
        ]
        let rows = people.map { person in
            Self.personValues(person) + [
                ExportValue(person.organisation), ExportValue(person.phone), ExportValue(person.regionCode),
                ExportValue(person.districtCode), ExportValue(person.locality), ExportValue(person.language?.rawValue),
                ExportValue(person.consentDate?.iso), ExportValue(person.consentRecordedBy),
            ]
        }
        return ExportTable(kind: .participants, columns: columns, rows: rows, filter: filter, isPseudonymized: false)
    }

    /// The events an export covers: the one asked for, or those held in the region and period.
    private func exportedEvents(_ db: Database, _ filter: ExportFilter, _ regionCode: String?) throws -> [Event] {
        var conditions = Conditions()
        if let eventID = filter.eventID { conditions.add("id = ?", eventID) }
        if let regionCode { conditions.add("regionCode = ?", regionCode) }
        if let from = filter.from { conditions.add("endDate >= ?", from.iso) }
        if let to = filter.to { conditions.add("startDate <= ?", to.iso) }
        return try Event.fetchAll(db, sql: "SELECT * FROM event \(conditions.whereClause) ORDER BY startDate, id",
                                  arguments: conditions.statementArguments)
    }

    private func enrollmentsExport(_ db: Database, _ filter: ExportFilter, _ regionCode: String?) throws -> ExportTable {
        let columns = [
            ExportColumn("event", "Event"), ExportColumn("course", "Course"), ExportColumn("eventStart", "Event start"),
            ExportColumn("eventEnd", "Event end"), ExportColumn("eventStatus", "Event status"),
            ExportColumn("eventRegion", "Event region"), ExportColumn("eventDistrict", "Event district"),
        ] + Self.personColumns + [
            ExportColumn("region", "Region"), ExportColumn("enrolledAt", "Enrolled on"),
            ExportColumn("sessionsCredited", "Sessions credited"), ExportColumn("sessions", "Sessions"),
            ExportColumn("completed", "Completed"),
        ]
        var rows: [[ExportValue]] = []
        for event in try exportedEvents(db, filter, regionCode) {
            let sheet = try attendanceSheet(db, eventID: event.id!)
            let enrolledAt = try Dictionary(uniqueKeysWithValues: Row.fetchAll(
                db, sql: "SELECT participantId, enrolledAt FROM enrollment WHERE eventId = ?", arguments: [event.id!]
            ).map { ($0[0] as Int64, $0[1] as Date) })
            for row in sheet.rows {
                let person = row.participant
                rows.append([
                    .integer(event.id!), .text(sheet.event.course.course.code), .text(event.startDate.iso), .text(event.endDate.iso),
                    .text(event.status.rawValue), .text(event.regionCode), ExportValue(event.districtCode),
                ] + Self.personValues(person) + [
                    ExportValue(person.regionCode), ExportValue(enrolledAt[person.id!].map { DayDate(utc: $0).iso }),
                    .integer(Int64(row.standing.creditedSessions)), .integer(Int64(row.standing.sessionCount)),
                    .bool(row.standing.isComplete),
                ])
            }
        }
        return ExportTable(kind: .enrollments, columns: columns, rows: rows, filter: filter, isPseudonymized: false)
    }

    private func attendanceExport(_ db: Database, _ filter: ExportFilter, _ regionCode: String?) throws -> ExportTable {
        var conditions = Conditions()
        if let eventID = filter.eventID { conditions.add("event.id = ?", eventID) }
        if let regionCode { conditions.add("event.regionCode = ?", regionCode) }
        if let from = filter.from { conditions.add("session.date >= ?", from.iso) }
        if let to = filter.to { conditions.add("session.date <= ?", to.iso) }
        let marks = try Row.fetchAll(db, sql: """
            SELECT event.id, course.code, session.date, session.startTime, session.endTime, session.hours,
                   participant.id, participant.fullName, participant.alternateName, attendance.status
            FROM attendance
            JOIN enrollment ON enrollment.id = attendance.enrollmentId
            JOIN session ON session.id = attendance.sessionId
            JOIN event ON event.id = session.eventId
            JOIN course ON course.id = event.courseId
            JOIN participant ON participant.id = enrollment.participantId
            \(conditions.whereClause)
            ORDER BY event.startDate, event.id, session.date, session.startTime, participant.fullName, participant.id
            """, arguments: conditions.statementArguments)
        let columns = [
            ExportColumn("event", "Event"), ExportColumn("course", "Course"), ExportColumn("date", "Session date"),
            ExportColumn("start", "Start"), ExportColumn("end", "End"), ExportColumn("hours", "Hours"),
            ExportColumn("participant", "Id", .participantNumber), ExportColumn("fullName", "Full name", .personName),
            ExportColumn("alternateName", "Other spelling", .otherName), ExportColumn("status", "Status"),
        ]
        let rows: [[ExportValue]] = marks.map { mark in
            [.integer(mark[0]), .text(mark[1]), .text(mark[2]), .text(mark[3]), .text(mark[4]), .number(mark[5]),
             .integer(mark[6]), .text(mark[7]), ExportValue(mark[8] as String?), .text(mark[9])]
        }
        return ExportTable(kind: .attendance, columns: columns, rows: rows, filter: filter, isPseudonymized: false)
    }

    private func certificatesExport(_ db: Database, _ filter: ExportFilter, _ regionCode: String?) throws -> ExportTable {
        var conditions = Conditions()
        if let eventID = filter.eventID { conditions.add("certificate.eventId = ?", eventID) }
        if let regionCode { conditions.add("event.regionCode = ?", regionCode) }
        if let from = filter.from { conditions.add("certificate.issueDate >= ?", from.iso) }
        if let to = filter.to { conditions.add("certificate.issueDate <= ?", to.iso) }
        let certificates = try Row.fetchAll(db, sql: """
            SELECT certificate.serial, certificate.status, certificate.eventId, course.code, certificate.participantId,
                   certificate.printedName, certificate.language, certificate.issueDate, certificate.replacesSerial,
                   certificate.revokedReason
            FROM certificate
            JOIN event ON event.id = certificate.eventId
            JOIN course ON course.id = event.courseId
            \(conditions.whereClause)
            ORDER BY certificate.issueDate, certificate.serial
            """, arguments: conditions.statementArguments)
        let columns = [
            ExportColumn("serial", "Serial"), ExportColumn("status", "Status"), ExportColumn("event", "Event"),
            ExportColumn("course", "Course"), ExportColumn("participant", "Id", .participantNumber),
            ExportColumn("printedName", "Printed name", .personName), ExportColumn("language", "Language"),
            ExportColumn("issueDate", "Issue date"), ExportColumn("replaces", "Replaces"),
            ExportColumn("revokedReason", "Revoked because", .freeText),
        ]
        let rows: [[ExportValue]] = certificates.map { row in
            [.text(row[0]), .text(row[1]), .integer(row[2]), .text(row[3]), .integer(row[4]), .text(row[5]), .text(row[6]),
             .text(row[7]), ExportValue(row[8] as String?), ExportValue(row[9] as String?)]
        }
        return ExportTable(kind: .certificates, columns: columns, rows: rows, filter: filter, isPseudonymized: false)
    }
}

extension ExportTable {
    /// Replaces participant numbers and names with the person's code, phones with the phone's code,
    /// and empties staff names and free text.
    mutating func pseudonymize(with pseudonymizer: Pseudonymizer) {
        let numberColumn = columns.firstIndex { $0.content == .participantNumber }
        for index in rows.indices {
            var row = rows[index]
            var personCode: ExportValue = .null
            if let numberColumn, case .integer(let id) = row[numberColumn] {
                personCode = .text(pseudonymizer.personCode(id))
            }
            for (position, column) in columns.enumerated() {
                switch column.content {
                case .plain: break
                case .participantNumber: row[position] = personCode
                case .personName: if row[position] != .null { row[position] = personCode }
                case .phone: if case .text(let phone) = row[position] { row[position] = .text(pseudonymizer.phoneCode(phone)) }
                case .otherName, .staffName, .freeText: row[position] = .null
                }
            }
            rows[index] = row
        }
        isPseudonymized = true
    }
}

extension DayDate {
    /// The UTC calendar day of a moment, as the database stores times.
    init(utc date: Date) {
        self.init(dayNumber: Int((date.timeIntervalSince1970 / 86_400).rounded(.down)))
    }
}
