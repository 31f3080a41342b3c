import Testing
@testable import TrainingCore

/// Whether an event plan is valid, decided on the plan alone: no database.
struct EventPlanValidationTests {
    static func plan(_ sessions: [String], start: String? = nil, end: String? = nil, capacity: Int? = nil,
                     trainers: [String] = []) -> EventPlan {
        EventPlan(courseCode: "PS-PARENTING", region: "UZ-XO", trainers: trainers, capacity: capacity,
                  sessions: sessions.map { text in
                      let parts = text.split(separator: "@").map(String.init)
                      return .init(date: Fixtures.day(parts[0]), time: Fixtures.time(parts[1]))
                  },
                  startDate: start.map(Fixtures.day), endDate: end.map(Fixtures.day))
    }

    @Test func aValidPlanGivesItsSessionsInOrderAndItsDates() throws {
        let schedule = try Self.plan(["2019-03-26@09:00-12:00", "2019-03-25@14:00-17:00", "2019-03-25@09:00-12:00"],
                                     trainers: ["  Dilnoza Yusupova "]).validated()
        #expect(schedule.sessions.map { "\($0.date.iso) \($0.time.start)" }
                == ["2019-03-25 09:00", "2019-03-25 14:00", "2019-03-26 09:00"])
        #expect(schedule.startDate == Fixtures.day("2019-03-25") && schedule.endDate == Fixtures.day("2019-03-26"))
        #expect(schedule.trainerNames == ["Dilnoza Yusupova"])
    }

    @Test func eachBrokenRuleHasItsCodeAndRemedy() {
        let noSessions = Fixtures.refusal { _ = try Self.plan([]).validated() }
        #expect(noSessions?.code == .noSessions && noSessions?.remedy == .giveSessions && noSessions?.kind == .usage)

        let outside = Fixtures.refusal { _ = try Self.plan(["2019-04-02@09:00-12:00"], start: "2019-03-25", end: "2019-03-29").validated() }
        #expect(outside?.code == .outsideEventDates && outside?.remedy == .moveSessionOrWidenEvent)

        let overlap = Fixtures.refusal { _ = try Self.plan(["2019-03-25@09:00-12:00", "2019-03-25@11:00-13:00"]).validated() }
        #expect(overlap?.code == .sessionsOverlap)

        let capacity = Fixtures.refusal { _ = try Self.plan(["2019-03-25@09:00-12:00"], capacity: 0).validated() }
        #expect(capacity?.code == .valueOutOfRange)

        let reversed = Fixtures.refusal { _ = try Self.plan(["2019-03-25@09:00-12:00"], start: "2019-03-29", end: "2019-03-25").validated() }
        #expect(reversed?.code == .datesOutOfOrder)

        let blank = Fixtures.refusal { _ = try Self.plan(["2019-03-25@09:00-12:00"], trainers: ["A", " "]).validated() }
        #expect(blank?.code == .missingName && blank?.remedy == .nameEachTrainer)
        #expect(blank?.message == "Trainer 2 has an empty name.")
    }
}
