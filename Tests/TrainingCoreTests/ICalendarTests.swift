import Foundation
import Testing
@testable import TrainingCore

@Suite struct ICalendarTests {
    @Test func textIsEscaped() {
        #expect(ICalendar.escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne")
    }

    @Test func longLinesAreFoldedAt75OctetsWithoutSplittingACharacter() {
        let line = "SUMMARY:" + String(repeating: "Ўқув семинари ", count: 12)
        let folded = ICalendar.fold(line)
        let physical = folded.components(separatedBy: "\r\n").dropLast()
        #expect(physical.count > 1)
        #expect(physical.allSatisfy { $0.utf8.count <= 75 })
        #expect(physical.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        #expect(physical.enumerated().map { $0.offset == 0 ? String($0.element) : String($0.element.dropFirst()) }.joined() == line)
    }

    @Test func aCalendarHasStableUIDsZonesAndCancelledStatus() throws {
        let database = try Fixtures.schedulingDatabase()
        let urganch = try Fixtures.khorezmTraining(in: database)
        let chuy = try Fixtures.event(database, ["2019-12-05@10:00-13:00"], region: "KG-C", venue: "Аламүдүн, айыл өкмөтү")
        _ = try database.cancelEvent(id: chuy.id, reason: "Postponed; snow")
        let sessions = try database.sessions(matching: SessionFilter(includeCancelled: true))
        let id = try database.calendarIdentifier()
        let folded = ICalendar.document(sessions, calendarID: id, stamp: Date(timeIntervalSince1970: 0))
        let first = folded.replacingOccurrences(of: "\r\n ", with: "")
        let second = ICalendar.document(try database.sessions(matching: SessionFilter(includeCancelled: true)), calendarID: id,
                                        stamp: Date(timeIntervalSince1970: 86_400))
        func uids(_ text: String) -> [String] {
            text.components(separatedBy: "\r\n").filter { $0.hasPrefix("UID:") }
        }
        #expect(uids(first).count == 5)
        #expect(uids(first) == uids(second))
        #expect(Set(uids(first)).count == 5)
        #expect(first.contains("DTSTAMP:19700101T000000Z"))
        #expect(first.contains("DTSTART;TZID=Asia/Tashkent:20190325T090000"))
        #expect(first.contains("DTSTART;TZID=Asia/Bishkek:20191205T100000"))
        #expect(first.contains("TZID:Asia/Bishkek\r\nBEGIN:STANDARD"))
        #expect(first.contains("STATUS:CANCELLED"))
        #expect(first.contains("LOCATION:Аламүдүн\\, айыл өкмөтү\\, Chüy Region"))
        #expect(first.components(separatedBy: "STATUS:CONFIRMED").count - 1 == urganch.sessions.count)
        #expect(first.hasPrefix("BEGIN:VCALENDAR\r\n") && first.hasSuffix("END:VCALENDAR\r\n"))
        #expect(folded.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 75 })
    }

    @Test func theAgendaFiltersByPeriodRegionTrainerCourseAndKind() throws {
        let database = try Fixtures.schedulingDatabase()
        try Fixtures.khorezmTraining(in: database)
        try Fixtures.event(database, ["2019-03-26@14:00-15:00"], region: "KG-C", trainers: ["Айнура Касымова"], course: "COORD-MEETING")
        #expect(try database.sessions(matching: SessionFilter(from: Fixtures.day("2019-03-26"), to: Fixtures.day("2019-03-26"))).count == 2)
        #expect(try database.sessions(matching: SessionFilter(region: "Chuy")).count == 1)
        #expect(try database.sessions(matching: SessionFilter(trainer: "yusupova")).count == 4)
        #expect(try database.sessions(matching: SessionFilter(courseCode: "COORD-MEETING")).count == 1)
        #expect(try database.sessions(matching: SessionFilter(kind: .training)).count == 4)
        #expect(throws: MalakaError.self) { try database.sessions(matching: SessionFilter(trainer: "Nobody")) }
        let numbered = try database.sessions(matching: SessionFilter(region: "Xorazm"))
        #expect(numbered.map(\.number) == [1, 2, 3, 4] && numbered.allSatisfy { $0.sessionCount == 4 })
    }
}
