import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TrainingCore
@testable import WebApp

/// Many marks at once, as a room of trainers taps them: committed together, each answered only once it
/// is written, a refused one alone; and the region summary kept until the database changes.
@Suite("Marking together and the summary kept between changes")
struct MarkingTogetherRouteTests {
    @Test func everyMarkSentAtOnceLandsAndARefusedOneTakesNoOtherDown() async throws {
        let fixture = try await WebFixture()
        let browser = try fixture.signIn("trainer")
        let event = fixture.xorazm
        var headers = browser.formHeaders
        headers[.accept] = "application/json"
        let sent = headers
        // Every person at every session (32 marks), and among them someone not enrolled in this event.
        let marks = event.sessions.flatMap { session in fixture.people.map { (session.id!, $0.id!) } }
        let statuses = try await fixture.test { client in
            try await withThrowingTaskGroup(of: (Int64, HTTPResponse.Status).self) { group in
                for (index, (session, person)) in ([(event.sessions[2].id!, fixture.stranger.id!)] + marks).enumerated() {
                    group.addTask {
                        let status = ["present", "late", "excused", "absent"][index % 4]
                        let response = try await client.execute(
                            uri: "/events/\(event.id)/attendance", method: .post, headers: sent,
                            body: browser.form([("session", "\(session)"), ("participant", "\(person)"), ("status", status)]))
                        return (person, response.status)
                    }
                }
                return try await group.reduce(into: [:]) { $0[$1.0, default: []].append($1.1) }
            }
        }
        #expect(statuses[fixture.stranger.id!] == [.badRequest])
        #expect(statuses.filter { $0.key != fixture.stranger.id! }.values.joined().allSatisfy { $0 == .ok })
        #expect(statuses.values.joined().count == marks.count + 1)
        // Every mark answered is in the database, each as a change of its own by the trainer.
        let sheet = try fixture.database.attendanceSheet(eventID: event.id)
        #expect(sheet.rows.count == 8)
        #expect(sheet.rows.allSatisfy { row in row.marks.allSatisfy { $0 != nil } })
        let logged = try fixture.database.changeLog(ChangeLogFilter(actor: "web:trainer")).map(\.entry.operation)
        #expect(logged.filter { $0 == "markAttendance" }.count == marks.count)
        #expect(try fixture.database.verifyChangeLog().isEmpty)
    }

    @Test func theSummaryFollowsEveryChangeThroughMalakaOrAround() async throws {
        let fixture = try await WebFixture()
        let manager = try fixture.signIn("manager")
        let year = DayDate.today.year
        let request = RegionSummaryRequest(period: try ReportPeriod(year: String(year)), scope: .country("UZ"))
        func figures() throws -> String {
            let total = try fixture.database.regionSummary(request).total
            return "data-figures=\"\(total.events) \(total.sessions) \(total.participations.total) \(total.participants.total) \(total.completed) \(total.certificates)\""
        }
        func page() async throws -> String {
            try await fixture.test { client in
                try await client.execute(uri: "/summary?year=\(year)", method: .get, headers: manager.headers).text
            }
        }
        // Ten readers at once all get the same numbers, the core's.
        let first = try figures()
        let pages = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<10 { group.addTask { try await page() } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(pages.allSatisfy { $0.contains(first) })
        // A person marked through the core shows at once.
        let today = fixture.xorazm.sessions[0].date
        try fixture.database.markAttendance(AttendanceMarks(eventID: fixture.xorazm.id, date: today, marks: [fixture.people[0].id!: .present]))
        let second = try figures()
        #expect(second != first)
        #expect(try await page().contains(second))
        // So does a mark deleted with SQL alone, as the sqlite3 shell would.
        try fixture.sql { try $0.execute(sql: "DELETE FROM attendance") }
        let third = try figures()
        #expect(third != second)
        #expect(try await page().contains(third))
    }

    @Test func aMarkIsCountedAgainOnlyInTheSummariesOfPeriodsItsEventIsHeldIn() async throws {
        let fixture = try await WebFixture()
        let manager = try fixture.signIn("manager")
        let trainer = try fixture.signIn("trainer")
        let year = fixture.xorazm.sessions[0].date.year
        func page(_ year: Int) async throws -> String {
            try await fixture.test { client in
                try await client.execute(uri: "/summary?year=\(year)", method: .get, headers: manager.headers).text
            }
        }
        func mark(_ person: Participant) async throws {
            var json = trainer.formHeaders
            json[.accept] = "application/json"
            let headers = json
            let response = try await fixture.test { client in
                try await client.execute(uri: "/events/\(fixture.xorazm.id)/attendance", method: .post, headers: headers,
                                         body: trainer.form([("session", "\(fixture.xorazm.sessions[0].id!)"), ("participant", "\(person.id!)"),
                                                             ("status", "present")]))
            }
            #expect(response.status == .ok)
        }
        let counts = { fixture.web.summaries.countsMade }
        _ = try await page(year - 1)
        let unmarked = try await page(year)
        #expect(counts() == 2)
        // A mark for this year's training: last year's summary is served as it was, this year's is counted again.
        try await mark(fixture.people[0])
        _ = try await page(year - 1)
        #expect(counts() == 2)
        let marked = try await page(year)
        #expect(counts() == 3)
        #expect(marked != unmarked)
        // A change that is not a mark through the pages counts both again.
        try fixture.database.markAttendance(AttendanceMarks(eventID: fixture.xorazm.id, date: fixture.xorazm.sessions[0].date,
                                                            marks: [fixture.people[1].id!: .present]))
        _ = try await page(year - 1)
        #expect(counts() == 4)
    }
}
