import Testing
@testable import TrainingCore

@Suite struct DayDateTests {
    @Test(arguments: ["2019-03-25", "25.03.2019", " 25.03.2019 ", "25/03/2019"])
    func acceptsIsoAndDayFirstForms(_ text: String) throws {
        let day = try DayDate(parsing: text)
        #expect(day.iso == "2019-03-25")
        #expect(day.dotted == "25.03.2019")
    }

    @Test(arguments: ["31.02.2019", "2019-02-29", "2019-13-01", "0000-00-00", "00.00.0000", "2019-04-31"])
    func refusesDaysThatDoNotExist(_ text: String) {
        #expect(throws: MalakaError.self) { try DayDate(parsing: text) }
    }

    @Test(arguments: ["", "yesterday", "25.03.19", "2019/03", "2019-3-25x", "25-03-2019", "١٢.٠٣.٢٠١٩"])
    func refusesWhatIsNotADate(_ text: String) {
        #expect(throws: MalakaError.self) { try DayDate(parsing: text) }
    }

    @Test func leapDays() throws {
        #expect(try DayDate(parsing: "29.02.2020").iso == "2020-02-29")
        #expect(throws: MalakaError.self) { try DayDate(parsing: "29.02.1900") }
        #expect(try DayDate(parsing: "29.02.2000").iso == "2000-02-29")
    }

    @Test func arithmeticCrossesMonthsAndYears() throws {
        #expect(try DayDate(parsing: "2019-03-31").adding(days: 1).iso == "2019-04-01")
        #expect(try DayDate(parsing: "2019-12-31").adding(days: 1).iso == "2020-01-01")
        #expect(try DayDate(parsing: "2020-03-01").adding(days: -1).iso == "2020-02-29")
        #expect(try DayDate(parsing: "1970-01-01").dayNumber == 0)
    }

    @Test func weekdays() throws {
        #expect(try DayDate(parsing: "2019-03-25").weekday == 1) // a Monday
        #expect(try DayDate(parsing: "2026-11-22").weekday == 7) // a Sunday
    }

    @Test func timeRanges() throws {
        let range = try TimeRange(parsing: "9:00-12:30")
        #expect(range.description == "09:00-12:30")
        #expect(range.hours == 3.5)
        #expect(throws: MalakaError.self) { try TimeRange(parsing: "13:00-09:00") }
        #expect(throws: MalakaError.self) { try TimeRange(parsing: "09:00-09:00") }
        #expect(throws: MalakaError.self) { try TimeRange(parsing: "25:00-26:00") }
        #expect(throws: MalakaError.self) { try TimeRange(parsing: "nine to noon") }
    }
}
