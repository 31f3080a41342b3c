import Testing
@testable import TrainingCore

/// Dates, hours and serials as certificates print them.
@Suite struct CertificateWordingTests {
    let day = DayDate(year: 2019, month: 10, day: 7)!

    @Test func aDayInEachLanguage() {
        #expect(DateWording.day(day, in: .uzbekLatin) == "7-oktabr 2019-yil")
        #expect(DateWording.day(day, in: .uzbekCyrillic) == "7-октябр 2019-йил")
        #expect(DateWording.day(day, in: .kyrgyz) == "2019-жылдын 7-октябрь")
        #expect(DateWording.day(day, in: .russian) == "7 октября 2019 г.")
        #expect(DateWording.day(day, in: .english) == "7 October 2019")
    }

    @Test func spansOfDays() {
        let end = DayDate(year: 2019, month: 10, day: 10)!
        #expect(DateWording.span(from: day, to: day, in: .english) == "7 October 2019")
        #expect(DateWording.span(from: day, to: end, in: .english) == "7–10 October 2019")
        #expect(DateWording.span(from: day, to: end, in: .russian) == "7–10 октября 2019 г.")
        let november = DayDate(year: 2019, month: 11, day: 2)!
        #expect(DateWording.span(from: day, to: november, in: .uzbekLatin) == "7-oktabr – 2-noyabr 2019-yil")
        let january = DayDate(year: 2020, month: 1, day: 2)!
        #expect(DateWording.span(from: day, to: january, in: .english) == "7 October 2019 – 2 January 2020")
    }

    @Test func hoursAgreeWithTheirNumber() {
        #expect(DateWording.hours(1, in: .english) == "1 hour")
        #expect(DateWording.hours(12, in: .english) == "12 hours")
        #expect(DateWording.hours(1, in: .russian) == "1 час")
        #expect(DateWording.hours(3, in: .russian) == "3 часа")
        #expect(DateWording.hours(12, in: .russian) == "12 часов")
        #expect(DateWording.hours(21, in: .russian) == "21 час")
        #expect(DateWording.hours(2.5, in: .russian) == "2,5 часа")
        #expect(DateWording.hours(2.5, in: .english) == "2.5 hours")
        #expect(DateWording.hours(12, in: .uzbekLatin) == "12 soat")
        #expect(DateWording.hours(12, in: .kyrgyz) == "12 саат")
    }

    @Test func serialFormats() throws {
        let standard = SerialFormat.standard
        let series = standard.series(regionCode: "UZ-XO", year: 2019, courseCode: "PS-PARENTING")
        #expect(standard.serial(series: series, sequence: 42) == "UZ-2019-000042")
        let own = try SerialFormat("{course}/{seq}".replacingOccurrences(of: "/", with: "."))
        #expect(own.serial(series: own.series(regionCode: "KG-C", year: 2020, courseCode: "CR-MONITORING"), sequence: 7)
                == "CR-MONITORING.7")
        let regional = try SerialFormat("{country}{region}-{year}-{seq:04}")
        #expect(regional.serial(series: regional.series(regionCode: "KG-GB", year: 2020, courseCode: "X"), sequence: 12345)
                == "KGGB-2020-12345", "a number wider than the padding is written whole")
    }

    @Test func badSerialFormatsAreRefused() {
        for pattern in ["{country}-{year}", "{seq}-{seq}", "{country}-{month}-{seq}", "UZ {seq}", "../{seq}", "{seq:123}"] {
            #expect(throws: MalakaError.self, "\(pattern)") { try SerialFormat(pattern) }
        }
    }
}
