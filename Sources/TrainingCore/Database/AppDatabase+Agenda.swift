import Foundation
import GRDB
import NameMatching

extension AppDatabase {
    /// The sessions that match a filter, in order of day and time, with their events, places and trainers.
    ///
    /// For example:
    /// ```swift
    /// let week = try database.sessions(matching: SessionFilter(from: today, to: today.adding(days: 6), region: "Xorazm"))
    /// ```
    public func sessions(matching filter: SessionFilter) throws -> [ScheduledSession] {
        let region = try filter.region.map { try gazetteer.region(matching: $0) }
        return try read { db in
            var conditions: [String] = []
            var arguments = StatementArguments()
            if let eventID = filter.eventID {
                _ = try eventDetail(db, id: eventID)
                conditions.append("e.id = ?")
                arguments += [eventID]
            }
            if let from = filter.from {
                conditions.append("s.date >= ?")
                arguments += [from.iso]
            }
            if let to = filter.to {
                conditions.append("s.date <= ?")
                arguments += [to.iso]
            }
            if let region {
                conditions.append("COALESCE(l.regionCode, e.regionCode) = ?")
                arguments += [region.code]
            }
            if let trainer = filter.trainer {
                conditions.append("s.eventId IN (SELECT eventId FROM eventTrainer WHERE trainerId = ?)")
                arguments += [try trainerID(db, matching: trainer)]
            }
            if let code = filter.courseCode {
                conditions.append("e.courseId = ?")
                arguments += [try courseInfo(db, code: code).course.id!]
            }
            if let kind = filter.kind {
                conditions.append("c.kind = ?")
                arguments += [kind.rawValue]
            }
            if !filter.includeCancelled {
                conditions.append("e.status <> 'cancelled'")
            }
            let rows = try Row.fetchAll(db, sql: """
                SELECT s.*, e.id AS eId, c.code AS courseCode, c.kind AS courseKind, e.status AS eventStatus,
                       e.cancelReason AS eventCancelReason, COALESCE(l.regionCode, e.regionCode) AS placeRegion,
                       CASE WHEN s.legId IS NULL THEN e.districtCode ELSE l.districtCode END AS placeDistrict,
                       CASE WHEN s.legId IS NULL THEN e.locality ELSE l.place END AS placeLocality,
                       CASE WHEN s.legId IS NULL THEN e.venue ELSE l.hostOrganisation END AS placeVenue,
                       e.organiser AS eventOrganiser, l.hostOrganisation AS legHost, l.visited AS legVisited,
                       (SELECT COUNT(*) FROM session o WHERE o.eventId = s.eventId
                         AND (o.date < s.date OR (o.date = s.date AND o.startTime < s.startTime))) + 1 AS number,
                       (SELECT COUNT(*) FROM session o WHERE o.eventId = s.eventId) AS sessionCount
                FROM session s JOIN event e ON e.id = s.eventId JOIN course c ON c.id = e.courseId
                LEFT JOIN studyTourLeg l ON l.id = s.legId
                \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
                ORDER BY s.date, s.startTime, e.id, s.id
                """, arguments: arguments)
            let eventIDs = Set(rows.map { $0["eId"] as Int64 })
            let titles = try eventTitles(db, ids: eventIDs)
            var trainers: [Int64: [String]] = [:]
            if !eventIDs.isEmpty {
                let trainerRows = try Row.fetchAll(db, sql: """
                    SELECT eventTrainer.eventId, trainer.name FROM eventTrainer JOIN trainer ON trainer.id = eventTrainer.trainerId
                    WHERE eventTrainer.eventId IN (\(eventIDs.map { _ in "?" }.joined(separator: ", "))) ORDER BY trainer.name
                    """, arguments: StatementArguments(Array(eventIDs)))
                for row in trainerRows { trainers[row[0], default: []].append(row[1]) }
            }
            return try rows.map { row in
                let eventID: Int64 = row["eId"]
                return ScheduledSession(
                    session: try Session(row: row), eventId: eventID, title: titles[eventID] ?? "",
                    courseCode: row["courseCode"], kind: EventKind(rawValue: row["courseKind"]) ?? .training,
                    status: EventStatus(rawValue: row["eventStatus"]) ?? .planned, cancelReason: row["eventCancelReason"],
                    regionCode: row["placeRegion"], districtCode: row["placeDistrict"], locality: row["placeLocality"],
                    venue: row["placeVenue"], organiser: row["eventOrganiser"], legHost: row["legHost"],
                    visited: row["legVisited"], trainers: trainers[eventID] ?? [], number: row["number"],
                    sessionCount: row["sessionCount"])
            }
        }
    }

    /// The trainer a user means by a name or by a part of it that only one trainer has.
    func trainerID(_ db: Database, matching text: String) throws -> Int64 {
        let key = text.searchFolded()
        if let id = try Int64.fetchOne(db, sql: "SELECT id FROM trainer WHERE nameKey = ?", arguments: [key]) {
            return id
        }
        if let id = try sameTrainer(db, as: text) { return id }
        let words = key.split(separator: " ").map(String.init)
        let folded = words.map(NameMatching.searchKey)
        let all = try Row.fetchAll(db, sql: "SELECT id, name, nameKey FROM trainer ORDER BY name")
        let found = all.filter { row in
            let nameKey: String = row["nameKey"]
            let crossScript = NameMatching.searchKey(row["name"] as String)
            return !words.isEmpty && zip(words, folded).allSatisfy { nameKey.contains($0) || (!$1.isEmpty && crossScript.contains($1)) }
        }
        switch found.count {
        case 1: return found[0]["id"]
        case 0:
            let known = all.prefix(10).map { $0["name"] as String }.joined(separator: ", ")
            throw MalakaError.data("No trainer is called “\(text)”." + (known.isEmpty ? " No trainer is on record yet." : " Trainers on record include \(known)."))
        default:
            throw MalakaError.data("“\(text)” could be \(found.map { $0["name"] as String }.joined(separator: " or ")). Give more of the name.")
        }
    }

    /// The trainer whose name is this one in either script and any word order, when exactly one is.
    func sameTrainer(_ db: Database, as name: String) throws -> Int64? {
        // Folding drops digits, and “Trainer 1” and “Trainer 2” are two people: the digits must agree too.
        func key(_ name: String) -> String {
            PersonIdentity.orderFree(NameMatching.searchKey(name)) + "#" + name.filter { $0.isASCII && $0.isNumber }
        }
        let wanted = key(name)
        guard wanted != "#" else { return nil }
        let rows = try Row.fetchAll(db, sql: "SELECT id, name FROM trainer")
        let same = rows.filter { key($0["name"] as String) == wanted }
        return same.count == 1 ? same[0]["id"] : nil
    }

    /// A random identifier of this database, part of every calendar UID so that two programmes' calendars never clash.
    public func calendarIdentifier() throws -> String {
        try read { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'calendarId'") ?? "malaka" }
    }
}
