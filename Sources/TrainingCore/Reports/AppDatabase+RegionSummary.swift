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
            // A report reads much of the file: map it rather than copy it page by page.
            try db.execute(sql: "PRAGMA mmap_size = \(1 << 30)")
            let course = try request.courseCode.map { try courseInfo(db, code: $0) }
            let query = RegionSummaryQuery(request: request, courseID: course?.course.id)
            var builder = RegionSummaryBuilder(request: request, rowCodes: rowCodes, lastDay: query.lastDay)

            var courses: [Int64: CourseInfo] = [:]
            let (eventSQL, eventArguments) = query.events
            for row in try Row.fetchAll(db, sql: eventSQL, arguments: eventArguments) {
                let courseID: Int64 = row["courseId"]
                if courses[courseID] == nil { courses[courseID] = try courseInfo(db, id: courseID) }
                builder.addEvent(
                    RegionSummary.EventLine(
                        id: row["id"], rowCode: row["rowCode"], course: courses[courseID]!, customTitle: row["title"],
                        startDate: row["startDate"], endDate: row["endDate"], regionCode: row["regionCode"],
                        districtCode: row["districtCode"], locality: row["locality"], venue: row["venue"],
                        sessions: row["heldSessions"], hours: row["heldHours"], participants: 0, completed: nil, certificates: nil),
                    sessionCount: row["sessionCount"], firstSession: row["firstSessionDate"], lastSession: row["lastSessionDate"])
            }

            let (tallySQL, tallyArguments) = query.tallies(inside: builder.insideEvents, edge: builder.edgeEvents)
            let sexes: [SexGroup] = [.female, .male, .unknown]
            let categories = ParticipantCategory.allCases + [.other]
            let tallies = try Row.fetchCursor(db, sql: tallySQL, arguments: tallyArguments)
            while let row = try tallies.next() {
                builder.addTally(
                    event: row[0], participant: row[1], MarkTally(present: row[2], late: row[3], excused: row[4]),
                    sex: sexes[row[5] as Int], birthYear: row[6], category: categories[row[7] as Int])
            }

            let edgeEnding = builder.edgeEventsEndingInPeriod
            if !edgeEnding.isEmpty {
                let (sql, arguments) = RegionSummaryQuery.wholeEventTallies(events: edgeEnding)
                for row in try Row.fetchAll(db, sql: sql, arguments: arguments) {
                    builder.judgeCompletion(event: row[0], MarkTally(present: row[2], late: row[3], excused: row[4]))
                }
            }
            let ending = builder.eventsEndingInPeriod
            if !ending.isEmpty {
                let (sql, arguments) = RegionSummaryQuery.certificates(events: ending)
                for row in try Row.fetchAll(db, sql: sql, arguments: arguments) {
                    builder.addCertificates(event: row[0], count: row[1])
                }
            }
            return builder.summary(course: course)
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

/// How many of a participation's sessions were marked present, late and excused.
struct MarkTally: Hashable {
    var present: Int
    var late: Int
    var excused: Int

    /// Whether the person came at all: present or late at one session at least.
    var attended: Bool { present + late > 0 }

    /// The marks in some order, for ``CompletionRule/evaluate(_:sessionCount:)``, to which the order does not matter.
    var marks: [AttendanceStatus?] {
        Array(repeating: .present, count: present) + Array(repeating: .late, count: late)
            + Array(repeating: .excused, count: excused)
    }

    /// The sessions a rule credits.
    func credited(under rule: CompletionRule) -> Int {
        (rule.credits(.present) ? present : 0) + (rule.credits(.late) ? late : 0) + (rule.credits(.excused) ? excused : 0)
    }
}
