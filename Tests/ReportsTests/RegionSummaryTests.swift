import Foundation
import Testing
@testable import TrainingCore

/// The region summary's numbers on ``RegionSummaryFixture``, each worked out by hand from the marks in its comment.
@Suite struct RegionSummaryTests {
    let programme: RegionSummaryFixture

    init() throws {
        programme = try RegionSummaryFixture()
    }

    private func row(_ summary: RegionSummary, _ code: String?) throws -> RegionSummary.Figures {
        try #require(summary.rows.first { $0.code == code }, "no row \(code ?? "without district")").figures
    }

    @Test func everyRegionHasARowAndOnlyThePlacesWithEventsHaveNumbers() throws {
        let summary = try programme.database.regionSummary(RegionSummaryFixture.year2019())
        #expect(summary.rows.count == Gazetteer.bundled.regions.count)
        #expect(summary.rows.filter { $0.figures.events > 0 }.map(\.code) == ["UZ-SA", "UZ-XO", "KG-C"])
        #expect(summary.rows.filter { $0.figures.events == 0 }.allSatisfy { $0.figures == RegionSummary.Figures() })
    }

    @Test func eventsSessionsAndHoursCountOnlyHeldSessionsInThePeriod() throws {
        // Given 2019: E1, E9 (trainings), E2 (meeting), E6 and E7 (seminars, one 2019 session each) in Khorezm;
        // E3 in Samarkand, E4 there cancelled; E8 in Chuy, never marked held
        let summary = try programme.database.regionSummary(RegionSummaryFixture.year2019())
        let khorezm = try row(summary, "UZ-XO")
        #expect(khorezm.eventsByKind == [.training: 2, .meeting: 1, .seminar: 2])
        #expect(khorezm.sessions == 11)
        #expect(khorezm.hours == 35)
        let samarkand = try row(summary, "UZ-SA")
        #expect(samarkand.eventsByKind == [.training: 1], "the cancelled E4 is not held")
        #expect(samarkand.sessions == 4)
        #expect(try row(summary, "KG-C").eventsByKind == [.training: 1], "a planned event whose sessions passed counts")
        #expect(summary.total.events == 7)
        #expect(summary.total.sessions == 19)
        #expect(summary.total.hours == 59)
    }

    @Test func participationsCountPeopleWhoCameAndUniqueParticipantsCountEachPersonOnce() throws {
        let summary = try programme.database.regionSummary(RegionSummaryFixture.year2019())
        let khorezm = try row(summary, "UZ-XO")
        // E1: 4 (Dilshod was only excused), E2: 2, E6: Farhod (Hamid came only in 2018), E7: Bekzod
        #expect(khorezm.participations.total == 8)
        // Aziza, Bekzod, Charos, Elmira, Farhod
        #expect(khorezm.participants.total == 5)
        let samarkand = try row(summary, "UZ-SA")
        #expect(samarkand.participations.total == 3, "Hamid was absent every day; the cancelled E4 counts for nobody")
        #expect(samarkand.participants.total == 3)
        #expect(try row(summary, "KG-C").participants.total == 1)
        #expect(summary.total.participations.total == 12)
        // Aziza came in Khorezm and Samarkand: 5 + 3 + 1 rows, 8 people
        #expect(summary.total.participants.total == 8)
    }

    @Test func splitsBySexAgeAndCategoryAddUp() throws {
        let summary = try programme.database.regionSummary(RegionSummaryFixture.year2019())
        let khorezm = try row(summary, "UZ-XO")
        #expect(khorezm.participations.bySex == [.female: 4, .male: 4])
        // Farhod (1974) is 45 at E2 (2019) but 44 at E6, which started in 2018
        #expect(khorezm.participations.byAge == [.from18To29: 2, .from30To44: 3, .from45To59: 1, .from60: 1, .unknown: 1])
        #expect(khorezm.participations.byCategory == [.parent: 5, .teacher: 1, .civilServant: 2])
        #expect(khorezm.participants.bySex == [.female: 3, .male: 2])
        // A person is aged at their first event in the row: Farhod at E6, 44
        #expect(khorezm.participants.byAge == [.from18To29: 1, .from30To44: 2, .from60: 1, .unknown: 1])
        #expect(khorezm.participants.byCategory == [.parent: 3, .teacher: 1, .civilServant: 1])

        let samarkand = try row(summary, "UZ-SA")
        #expect(samarkand.participants.bySex == [.female: 2, .unknown: 1], "Dilshod's sex was not recorded")
        #expect(samarkand.participants.byAge == [.under18: 1, .from18To29: 1, .from30To44: 1])

        let people = summary.total.participants
        #expect(people.bySex == [.female: 5, .male: 2, .unknown: 1])
        #expect(people.byAge == [.under18: 1, .from18To29: 2, .from30To44: 3, .from60: 1, .unknown: 1])
        #expect(people.byCategory == [.parent: 4, .teacher: 1, .civilServant: 2, .youth: 1])
        for breakdown in [people, summary.total.participations, khorezm.participants] {
            #expect(breakdown.bySex.values.reduce(0, +) == breakdown.total)
            #expect(breakdown.byAge.values.reduce(0, +) == breakdown.total)
            #expect(breakdown.byCategory.values.reduce(0, +) == breakdown.total)
        }
    }

    @Test func completionFollowsEachCoursesRuleInThePeriodTheEventEnds() throws {
        let summary = try programme.database.regionSummary(RegionSummaryFixture.year2019())
        // E1: Aziza and Bekzod (late counts); E2: Aziza (Farhod was late, which a meeting does not count);
        // E6: Farhod; E7 ends in 2020, so it is judged then
        #expect(try row(summary, "UZ-XO").completed == 4)
        #expect(try row(summary, "UZ-SA").completed == 2, "Gulnora attended 3 of 4, below 80 %")
        #expect(summary.total.completed == 7)
        let e7 = try #require(try programme.database.regionSummary({
            var request = RegionSummaryFixture.year2019(); request.includesEvents = true; return request
        }()).events.first { $0.id == programme.events["E7"] })
        #expect(e7.completed == nil)
        #expect(e7.participants == 1)
        let e2 = try #require(try programme.database.regionSummary({
            var request = RegionSummaryFixture.year2019(); request.includesEvents = true; return request
        }()).events.first { $0.id == programme.events["E2"] })
        #expect(e2.completed == 1, "Elmira's excused absence meets the meeting's rule, but she never came")
        #expect(e2.participants == 2)
    }

    @Test func certificatesCountValidOnesOncePerParticipation() throws {
        let summary = try programme.database.regionSummary(RegionSummaryFixture.year2019())
        // Bekzod's re-issue replaces his first certificate; Aziza's E3 certificate was revoked
        #expect(try row(summary, "UZ-XO").certificates == 2)
        #expect(try row(summary, "UZ-SA").certificates == 1)
        #expect(summary.total.certificates == 3)
    }

    @Test func theAttendanceRateIsCreditedOverOfferedSessions() throws {
        let summary = try programme.database.regionSummary(RegionSummaryFixture.year2019())
        let khorezm = try row(summary, "UZ-XO")
        // E1 4+4+1+3 of 4×4, E2 1 of 2 (late is not credited at a meeting), E6 1 of 1, E7 1 of 1
        #expect(khorezm.creditedSessions == 15)
        #expect(khorezm.offeredSessions == 20)
        #expect(khorezm.attendanceRate == 0.75)
        #expect(summary.total.creditedSessions == 30)
        #expect(summary.total.offeredSessions == 36)
        #expect(try row(summary, "UZ-AN").attendanceRate == nil)
    }

    @Test func aSessionOnThePeriodsLastDayCountsAndOneAfterItDoesNot() throws {
        var request = RegionSummaryFixture.year2019()
        request.includesEvents = true
        let summary = try programme.database.regionSummary(request)
        let ids = Set(summary.events.map(\.id))
        #expect(ids.contains(programme.events["E2"]!), "the meeting on 31 December")
        #expect(ids.contains(programme.events["E6"]!), "the seminar's 1 January session")
        #expect(!ids.contains(programme.events["E10"]!))
        #expect(!ids.contains(programme.events["E4"]!))

        // The last quarter: E2, E7's first day, E3 in October, E9 in December
        let quarter = try programme.database.regionSummary(RegionSummaryRequest(
            period: try ReportPeriod(quarter: "2019Q4"), asOf: RegionSummaryFixture.day("2020-06-30")))
        #expect(quarter.total.events == 4)
        #expect(quarter.total.participations.total == 2 + 3 + 1)
    }

    @Test func sessionsAfterTheReportsDayAreNotHeldYet() throws {
        // Given a report made on 3 December 2019
        let summary = try programme.database.regionSummary(RegionSummaryFixture.year2019(asOf: "2019-12-03"))
        let khorezm = try row(summary, "UZ-XO")
        // E1, E6 and two days of E9; neither the 31 December meeting nor E7
        #expect(khorezm.eventsByKind == [.training: 2, .seminar: 1])
        #expect(khorezm.sessions == 4 + 1 + 2)
        #expect(khorezm.hours == 12 + 4 + 6)
        #expect(khorezm.completed == 2 + 1, "E9 has not ended yet")
    }

    @Test func aRegionDrillsDownToItsDistrictsWithARowForEventsWithoutOne() throws {
        var request = RegionSummaryFixture.year2019()
        request.scope = .region("UZ-XO")
        request.grouping = .district
        let summary = try programme.database.regionSummary(request)
        #expect(summary.rows.map(\.code) == Gazetteer.bundled.region(code: "UZ-XO")!.districts.map(\.code) + [nil])
        let urganch = try row(summary, "UZ-XO-URG")
        #expect(urganch.eventsByKind == [.training: 2])
        #expect(urganch.participations.total == 4)
        #expect(urganch.participants.total == 4)
        #expect(urganch.completed == 2)
        #expect(urganch.certificates == 2)
        let xiva = try row(summary, "UZ-XO-XIV")
        #expect(xiva.eventsByKind == [.meeting: 1])
        #expect(xiva.participants.total == 2)
        let noDistrict = try row(summary, nil)
        #expect(noDistrict.eventsByKind == [.seminar: 2])
        #expect(noDistrict.participants.total == 2)
        #expect(noDistrict.hours == 8)
        // The region's total equals its row in the report by region; people are counted once
        #expect(summary.total.participations.total == 8)
        #expect(summary.total.participants.total == 5)
        #expect(summary.total.events == 5)

        request.scope = .district("UZ-XO-XIV")
        let one = try programme.database.regionSummary(request)
        #expect(one.rows.map(\.code) == ["UZ-XO-XIV"])
        #expect(one.total.participants.total == 2)
    }

    @Test func filtersByCountryCourseAndKind() throws {
        var request = RegionSummaryFixture.year2019()
        request.scope = .country("KG")
        let kyrgyzstan = try programme.database.regionSummary(request)
        #expect(kyrgyzstan.rows.allSatisfy { $0.code!.hasPrefix("KG-") })
        #expect(kyrgyzstan.total.events == 1)
        #expect(kyrgyzstan.total.participants.total == 1)

        request = RegionSummaryFixture.year2019()
        request.courseCode = "ps-parenting"
        let parenting = try programme.database.regionSummary(request)
        #expect(parenting.total.eventsByKind == [.training: 4])
        #expect(parenting.total.participations.total == 4 + 3 + 1)
        #expect(parenting.course?.course.code == "PS-PARENTING")

        request = RegionSummaryFixture.year2019()
        request.kind = .seminar
        let seminars = try programme.database.regionSummary(request)
        #expect(seminars.total.eventsByKind == [.seminar: 2])
        #expect(seminars.total.participants.total == 2)
    }

    @Test func filtersByTheSiteThatMadeTheEvent() throws {
        // Given the Chuy training came from Samarkand's desk in a bundle; every other event was made here
        let database = programme.database
        let here = try database.localSite().code
        _ = try database.addSite(code: "SA-SAM1", key: Data(count: 32).base64EncodedString())
        try database.dbWriter.write { db in
            try db.execute(sql: "UPDATE event SET originSite = 'SA-SAM1' WHERE id = ?", arguments: [programme.events["E8"]!])
        }
        var request = RegionSummaryFixture.year2019()
        let everything = try database.regionSummary(request)

        // Then each site's summary holds its own events, and the two add up to the whole
        request.site = "SA-SAM1"
        let samarkand = try database.regionSummary(request)
        #expect(samarkand.total.events == 1 && samarkand.rows.filter { $0.figures.events > 0 }.map(\.code) == ["KG-C"])
        request.site = here
        let local = try database.regionSummary(request)
        #expect(local.total.events + samarkand.total.events == everything.total.events)
        #expect(local.total.participations.total + samarkand.total.participations.total == everything.total.participations.total)

        // And a site this database does not know is refused, naming the ones it knows
        request.site = "XX-NONE"
        #expect { try database.regionSummary(request) } throws: { error in
            (error as? MalakaError)?.code == .unknownSite && "\(error)".contains("XX-NONE") && "\(error)".contains("SA-SAM1")
        }
    }

    @Test func theEventListNamesNobodyAndSaysWhatEachEventCounted() throws {
        var request = RegionSummaryFixture.year2019()
        request.includesEvents = true
        let summary = try programme.database.regionSummary(request)
        #expect(summary.events.map(\.rowCode) == ["UZ-SA"] + Array(repeating: "UZ-XO", count: 5) + ["KG-C"])
        let e1 = try #require(summary.events.first { $0.id == programme.events["E1"] })
        #expect(e1.participants == 4)
        #expect(e1.completed == 2)
        #expect(e1.certificates == 2)
        #expect(e1.sessions == 4)
        #expect(e1.title(in: .russian) == "Навыки позитивного родительства")
        let khorezmDates = summary.events.filter { $0.rowCode == "UZ-XO" }.map(\.startDate.iso)
        #expect(khorezmDates == khorezmDates.sorted())
    }

    @Test func wrongRequestsAreRefusedWithWhatToDo() throws {
        var request = RegionSummaryFixture.year2019()
        request.grouping = .district
        #expect { try programme.database.regionSummary(request) } throws: { error in
            (error as? MalakaError)?.kind == .usage && "\(error)".contains("one region")
        }
        request = RegionSummaryFixture.year2019()
        request.courseCode = "NO-SUCH"
        #expect { try programme.database.regionSummary(request) } throws: { error in
            (error as? MalakaError)?.kind == .data && "\(error)".contains("NO-SUCH")
        }
        request = RegionSummaryFixture.year2019()
        request.scope = .country("KZ")
        #expect(throws: MalakaError.self) { try programme.database.regionSummary(request) }
    }

    @Test func periodsAreWrittenAsYearsQuartersOrDates() throws {
        let quarter = try ReportPeriod(quarter: "2019Q4")
        #expect(quarter.from.iso == "2019-10-01")
        #expect(quarter.to.iso == "2019-12-31")
        #expect(try ReportPeriod(quarter: "q1-2020").to.iso == "2020-03-31")
        #expect(try ReportPeriod(quarter: "2020-Q1") == ReportPeriod(quarter: "Q1 2020"))
        #expect(try ReportPeriod(year: "2024").to.iso == "2024-12-31")
        for bad in ["2019Q5", "2019", "19Q4", "Q4"] {
            #expect(throws: MalakaError.self, "\(bad)") { try ReportPeriod(quarter: bad) }
        }
        for bad in ["19", "2019-01", "year", "1800"] {
            #expect(throws: MalakaError.self, "\(bad)") { try ReportPeriod(year: bad) }
        }
        #expect(throws: MalakaError.self) {
            try ReportPeriod(from: RegionSummaryFixture.day("2019-12-31"), to: RegionSummaryFixture.day("2019-01-01"))
        }
    }

    @Test func ageGroupsHaveTheirBoundsInOnePlace() {
        #expect(AgeGroup(age: 17) == .under18)
        #expect(AgeGroup(age: 18) == .from18To29)
        #expect(AgeGroup(age: 29) == .from18To29)
        #expect(AgeGroup(age: 30) == .from30To44)
        #expect(AgeGroup(age: 59) == .from45To59)
        #expect(AgeGroup(age: 60) == .from60)
        #expect(AgeGroup(age: nil) == .unknown)
    }
}
