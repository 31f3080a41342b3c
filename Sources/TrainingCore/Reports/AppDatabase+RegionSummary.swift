import GRDB

extension AppDatabase {
    /// Counts what was held in a period and a place, and for whom: the numbers of a region summary.
    ///
    /// This is the one place those numbers are defined; the rules are on ``RegionSummary``.
    /// SQLite reads the period's sessions and attendance marks once, grouped by event and by
    /// enrollment; the grouped rows are added up here, so a national programme's year takes a
    /// fraction of a second.
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
            // A year of a national programme reads tens of megabytes, some pages many times:
            // a larger page cache reads each once. The connection gets its own back afterwards.
            let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
            try db.execute(sql: "PRAGMA cache_size = -65536")
            defer { try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)") }
            let course = try request.courseCode.map { try courseInfo(db, code: $0) }
            var query = RegionSummaryQuery(request: request, courseID: course?.course.id)
            query.organisers = try request.organiser.map { try recordedValues(db, column: .organiser, matching: $0) }
            query.projects = try request.project.map { try recordedValues(db, column: .project, matching: $0) }
            if let site = request.site {
                query.localSite = try Self.knownSite(db, code: site)
            }
            var builder = RegionSummaryBuilder(request: request, rowCodes: rowCodes, lastDay: query.lastDay)

            var courses: [Int64: CourseInfo] = [:]
            let (eventSQL, eventArguments) = query.events
            let events = try Row.fetchCursor(db, sql: eventSQL, arguments: eventArguments)
            while let row = try events.next() {
                // Columns by position, in the order of `RegionSummaryQuery.events`.
                let courseID: Int64 = row[2]
                if courses[courseID] == nil { courses[courseID] = try courseInfo(db, id: courseID) }
                builder.addEvent(
                    RegionSummary.EventLine(
                        id: row[0], rowCode: row[1], course: courses[courseID]!, customTitle: row[3],
                        startDate: DayDate(dayNumber: row[8]), endDate: DayDate(dayNumber: row[9]), regionCode: row[4],
                        districtCode: row[5], locality: row[6], venue: row[7], sessions: row[10], hours: row[11],
                        participants: 0, completed: nil, certificates: nil),
                    sessionCount: row[14], firstSession: DayDate(dayNumber: row[12]), lastSession: DayDate(dayNumber: row[13]))
            }

            let (tallySQL, tallyArguments) = query.tallies(inside: builder.insideEvents, edge: builder.edgeEvents)
            let tallies = try Row.fetchCursor(db, sql: tallySQL, arguments: tallyArguments)
            while let row = try tallies.next() {
                builder.addTally(event: row[0], participant: row[1], MarkTally(packed: row[2]))
            }

            // What the people who came are counted by: all of them straight through when they are many.
            let ids = builder.participantIDs
            let maximumID = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM participant") ?? 0
            var people = PersonAttributes(maximumID: maximumID, count: ids.count)
            let (peopleSQL, peopleArguments) = ids.count * 4 > maximumID
                ? (RegionSummaryQuery.everyone, StatementArguments())
                : RegionSummaryQuery.people(ids: ids)
            let rows = try Row.fetchCursor(db, sql: peopleSQL, arguments: peopleArguments)
            while let row = try rows.next() {
                people.set(row[0], row[1])
            }
            builder.countPeople(people)

            let edgeEnding = builder.edgeEventsEndingInPeriod
            if !edgeEnding.isEmpty {
                let (sql, arguments) = RegionSummaryQuery.wholeEventTallies(events: edgeEnding)
                for row in try Row.fetchAll(db, sql: sql, arguments: arguments) {
                    builder.judgeCompletion(event: row[0], MarkTally(packed: row[2]))
                }
            }
            let ending = builder.eventsEndingInPeriod
            if !ending.isEmpty {
                let (sql, arguments) = RegionSummaryQuery.certificates(events: ending)
                for row in try Row.fetchAll(db, sql: sql, arguments: arguments) {
                    builder.addCertificates(event: row[0], count: row[1])
                }
            }
            var summary = builder.summary(course: course)
            summary.closedPeriods = try closedLocks(db, overlapping: request.period, request.scope)
            return summary
        }
    }

    /// Checks that this database knows the site a report is filtered by, and returns its own site's code.
    private static func knownSite(_ db: Database, code: String) throws -> String {
        let sites = try Row.fetchAll(db, sql: "SELECT code, isLocal FROM site ORDER BY isLocal DESC, code")
        guard sites.contains(where: { $0["code"] == code }) else {
            let known = sites.map { $0["code"] as String }.joined(separator: ", ")
            throw MalakaError(.data, .unknownSite, "This database knows no site “\(code.prefix(20))”; it knows \(known).")
        }
        return sites.first { $0["isLocal"] as Bool }?["code"] ?? code
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
                throw MalakaError(.data, .unknownRegion, "“\(code)” is not a region code we know.", subject: .region(code: code), remedy: .listRegions)
            }
        case .district(let code):
            guard gazetteer.district(code: code) != nil else {
                throw MalakaError(.data, .unknownDistrict, "“\(code)” is not a district code we know.", remedy: .showDistricts(ofRegion: nil))
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
            throw MalakaError(.usage, .missingRegion, "A report by district covers one region:", remedy: .giveRegionOrDistrict)
        }
    }
}
