import Testing
@testable import TrainingCore

@Suite struct RecurrenceTests {
    @Test func everyTuesdayStartsOnTheFirstTuesdayOnOrAfterTheStart() throws {
        // 25.03.2019 is a Monday
        let days = try Recurrence(frequency: .weekly([2]), start: Fixtures.day("2019-03-25"), end: .count(4)).days()
        #expect(days.map(\.iso) == ["2019-03-26", "2019-04-02", "2019-04-09", "2019-04-16"])
        #expect(days.allSatisfy { $0.weekday == 2 })
    }

    @Test func severalWeekdaysAndAnIntervalAndAnEndDay() throws {
        let days = try Recurrence(frequency: .weekly([2, 4]), start: Fixtures.day("2019-03-28"),
                                  end: .until(Fixtures.day("2019-04-18")), interval: 2).days()
        // Thursday 28.03, then the week of 08.04: Tuesday 09.04 and Thursday 11.04; 18.04 is in an off week
        #expect(days.map(\.iso) == ["2019-03-28", "2019-04-09", "2019-04-11"])
    }

    @Test func monthlyOnThe31stFallsOnEachMonthsLastDay() throws {
        let days = try Recurrence(frequency: .monthly, start: Fixtures.day("2019-01-31"), end: .count(5)).days()
        #expect(days.map(\.iso) == ["2019-01-31", "2019-02-28", "2019-03-31", "2019-04-30", "2019-05-31"])
        let leap = try Recurrence(frequency: .monthly, start: Fixtures.day("2019-12-31"), end: .until(Fixtures.day("2020-03-01"))).days()
        #expect(leap.map(\.iso) == ["2019-12-31", "2020-01-31", "2020-02-29"])
    }

    @Test func dailyUntilIncludesTheLastDay() throws {
        let days = try Recurrence(frequency: .daily, start: Fixtures.day("2019-02-27"), end: .until(Fixtures.day("2019-03-01"))).days()
        #expect(days.map(\.iso) == ["2019-02-27", "2019-02-28", "2019-03-01"])
    }

    @Test func aRecurrencePastTheEventsLastDayIsRefusedNotClipped() throws {
        let recurrence = Recurrence(frequency: .weekly([2]), start: Fixtures.day("2019-03-25"), end: .count(6))
        let error = Fixtures.refusal {
            _ = try EventPlan.recurringSessions(recurrence, time: Fixtures.morning(), lastDay: Fixtures.day("2019-04-20"))
        }
        let message = try #require(error?.message)
        #expect(message.contains("2 session(s) would fall after it (23.04.2019, 30.04.2019)"))
        #expect(error?.remedy == .endRecurrenceSooner(until: Fixtures.day("2019-04-16"), count: 4))
        // Ending on the last day itself is fine
        let fits = try EventPlan.recurringSessions(recurrence, time: Fixtures.morning(), lastDay: Fixtures.day("2019-04-30"))
        #expect(fits.count == 6)
    }

    @Test func badRecurrencesAreRefused() throws {
        let start = Fixtures.day("2019-03-25")
        #expect(throws: MalakaError.self) { try Recurrence(frequency: .daily, start: start, end: .count(0)).days() }
        #expect(throws: MalakaError.self) { try Recurrence(frequency: .daily, start: start, end: .count(400)).days() }
        #expect(throws: MalakaError.self) { try Recurrence(frequency: .daily, start: start, end: .until(Fixtures.day("2019-03-24"))).days() }
        #expect(throws: MalakaError.self) { try Recurrence(frequency: .daily, start: start, end: .until(Fixtures.day("2021-03-24"))).days() }
        #expect(throws: MalakaError.self) { try Recurrence.weekday(parsing: "someday") }
        #expect(try Recurrence.weekday(parsing: "Seshanba") == 2)
        #expect(try Recurrence.weekday(parsing: "вторник") == 2)
    }
}
