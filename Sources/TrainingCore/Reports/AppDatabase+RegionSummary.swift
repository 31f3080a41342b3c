import GRDB

extension AppDatabase {
    /// Counts what was held in a period and a place, and for whom: the numbers of a region summary.
    ///
    /// This is the one place those numbers are defined; the rules are on ``RegionSummary``.
    /// SQLite does the counting, so a national programme's year takes a fraction of a second.
    ///
    /// For example:
    /// ```swift
    /// let summary = try database.regionSummary(RegionSummaryRequest(period: try ReportPeriod(year: "2019"), scope: .country("UZ")))
    /// summary.total.participants.total   // people reached in Uzbekistan in 2019
    /// ```
    ///
    /// - Throws: ``MalakaError`` for a district report without one region, or an unknown place or course.
    public func regionSummary(_ request: RegionSummaryRequest) throws -> RegionSummary {
        let rowCodes = try rowCodes(for: request)
        return try read { db in
            let course = try request.courseCode.map { try courseInfo(db, code: $0) }
            let query = RegionSummaryQuery(request: request, courseID: course?.course.id)
            var courses: [Int64: CourseInfo] = [:]
            func cachedCourse(id: Int64) throws -> CourseInfo {
                if let known = courses[id] { return known }
                let info = try self.courseInfo(db, id: id)
                courses[id] = info
                return info
            }

            // Events held, with their sessions and hours in the period.
            var tallies: [Int64: EventTally] = [:]
            var order: [Int64] = []
            let (eventSQL, eventArguments) = query.events
            for row in try Row.fetchAll(db, sql: eventSQL, arguments: eventArguments) {
                let id: Int64 = row["id"]
                let lastSession: DayDate = row["lastSessionDate"]
                let line = RegionSummary.EventLine(
                    id: id, rowCode: row["rowCode"], course: try cachedCourse(id: row["courseId"]), customTitle: row["title"],
                    startDate: row["startDate"], endDate: row["endDate"], regionCode: row["regionCode"],
                    districtCode: row["districtCode"], locality: row["locality"], venue: row["venue"],
                    sessions: row["heldSessions"], hours: row["heldHours"], participants: 0,
                    completed: nil, certificates: nil)
                let endsInPeriod = request.period.from <= lastSession && lastSession <= query.lastDay
                tallies[id] = EventTally(line: line, sessionCount: row["sessionCount"], endsInPeriod: endsInPeriod)
                order.append(id)
            }

            // Participations and people, split by sex, age group and category.
            var rows = Dictionary(uniqueKeysWithValues: rowCodes.map { (RowKey($0), RegionSummary.Figures()) })
            var total = RegionSummary.Figures()
            let (participationSQL, participationArguments) = query.participations
            for row in try Row.fetchAll(db, sql: participationSQL, arguments: participationArguments) {
                let count: Int = row["count"]
                let part: String = row["part"]
                if part == "event" {
                    guard var tally = tallies[row["key"]] else { continue }
                    let rule = tally.line.course.course.completionRule
                    tally.line.participants = count
                    tally.credited = [AttendanceStatus.present, .late, .excused].reduce(0) { sum, status in
                        sum + (rule.credits(status) ? row[status.rawValue] as Int : 0)
                    }
                    tallies[tally.line.id] = tally
                    continue
                }
                let sex = SexGroup(row["sex"] as Sex?)
                let age = AgeGroup(rawValue: row["ageGroup"]) ?? .unknown
                let category: ParticipantCategory = row["category"]
                switch part {
                case "participations": rows[RowKey(row["key"]), default: .init()].participations.add(count, sex: sex, age: age, category: category)
                case "participants": rows[RowKey(row["key"]), default: .init()].participants.add(count, sex: sex, age: age, category: category)
                default: total.participants.add(count, sex: sex, age: age, category: category)
                }
            }

            // Completion and certificates, for the events that end in the period.
            let ending = order.filter { tallies[$0]!.endsInPeriod }
            if !ending.isEmpty {
                for id in ending {
                    tallies[id]!.line.completed = 0
                    tallies[id]!.line.certificates = 0
                }
                let (completionSQL, completionArguments) = RegionSummaryQuery.completions(eventIDs: ending)
                for row in try Row.fetchAll(db, sql: completionSQL, arguments: completionArguments) {
                    let id: Int64 = row["eventId"]
                    guard var tally = tallies[id] else { continue }
                    let people: Int = row["people"]
                    let standing = tally.line.course.course.completionRule.evaluate(
                        MarkTally(present: row["present"], late: row["late"], excused: row["excused"]).marks,
                        sessionCount: tally.sessionCount)
                    if standing.isComplete { tally.line.completed! += people }
                    tally.line.certificates! += row["certified"] as Int
                    tallies[id] = tally
                }
            }

            // Events into rows; every row into the total, except people, counted as a whole above.
            for id in order {
                let tally = tallies[id]!
                let line = tally.line
                let key = RowKey(line.rowCode)
                var figures = rows[key, default: .init()]
                figures.eventsByKind[line.kind, default: 0] += 1
                figures.sessions += line.sessions
                figures.hours += line.hours
                figures.completed += line.completed ?? 0
                figures.certificates += line.certificates ?? 0
                figures.creditedSessions += tally.credited
                figures.offeredSessions += line.participants * line.sessions
                rows[key] = figures
            }
            var keys = rowCodes.map(RowKey.init)
            keys += rows.keys.filter { !keys.contains($0) && rows[$0]! != RegionSummary.Figures() }
                .sorted { ($0.code ?? "\u{10FFFF}") < ($1.code ?? "\u{10FFFF}") }
            for key in keys {
                let figures = rows[key]!
                for (kind, count) in figures.eventsByKind { total.eventsByKind[kind, default: 0] += count }
                total.sessions += figures.sessions
                total.hours += figures.hours
                total.participations.merge(figures.participations)
                total.completed += figures.completed
                total.certificates += figures.certificates
                total.creditedSessions += figures.creditedSessions
                total.offeredSessions += figures.offeredSessions
            }

            let rowIndex = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) })
            let events = request.includesEvents
                ? order.map { tallies[$0]!.line }.sorted {
                    (rowIndex[RowKey($0.rowCode)]!, $0.startDate, $0.id) < (rowIndex[RowKey($1.rowCode)]!, $1.startDate, $1.id)
                }
                : []
            return RegionSummary(
                request: request, rows: keys.map { RegionSummary.Row(code: $0.code, figures: rows[$0]!) },
                total: total, events: events, course: course)
        }
    }

    /// The rows a report has whatever was held: every region of the scope, or every district of its region.
    private func rowCodes(for request: RegionSummaryRequest) throws -> [String?] {
        let gazetteer = gazetteer
        switch request.scope {
        case .all: break
        case .country(let country):
            guard ["UZ", "KG"].contains(country) else {
                throw MalakaError.data("“\(country)” is not a country Malaka covers. Use UZ or KG.")
            }
        case .region(let code):
            guard gazetteer.region(code: code) != nil else {
                throw MalakaError.data("“\(code)” is not a region code we know. `malaka region list` shows them.")
            }
        case .district(let code):
            guard gazetteer.district(code: code) != nil else {
                throw MalakaError.data("“\(code)” is not a district code we know. `malaka region show REGION` lists a region's districts.")
            }
        }
        switch (request.grouping, request.scope) {
        case (.region, .all):
            return gazetteer.regions.map(\.code)
        case (.region, .country(let country)):
            return gazetteer.regions.filter { $0.country == country }.map(\.code)
        case (.region, _):
            return [request.scope.regionCode]
        case (.district, .region(let code)):
            return gazetteer.region(code: code)!.districts.map(\.code)
        case (.district, .district(let code)):
            return [code]
        case (.district, _):
            throw MalakaError.usage("A report by district covers one region: give the region (--region), or one district (--district).")
        }
    }
}

/// A row's code as a dictionary key; nil is the row of events recorded without a district.
private struct RowKey: Hashable {
    let code: String?
    init(_ code: String?) { self.code = code }
}

/// One event's counts while a summary is put together.
private struct EventTally {
    var line: RegionSummary.EventLine
    /// All the event's sessions, which completion is judged over.
    var sessionCount: Int
    var endsInPeriod: Bool
    var credited = 0
}

/// How many of a participation's sessions were marked present, late and excused.
struct MarkTally {
    var present: Int
    var late: Int
    var excused: Int

    /// The marks in some order, for ``CompletionRule/evaluate(_:sessionCount:)``; the order does not matter to it.
    var marks: [AttendanceStatus?] {
        Array(repeating: .present, count: present) + Array(repeating: .late, count: late)
            + Array(repeating: .excused, count: excused)
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
