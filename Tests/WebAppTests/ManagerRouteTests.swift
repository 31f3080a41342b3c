import Foundation
import Hummingbird
import HummingbirdTesting
import ReportDocuments
import Testing
import TrainingCore
@testable import WebApp

@Suite("Manager pages: region summary, CSV, read only")
struct ManagerRouteTests {
    @Test func theSummaryShowsTheCoresNumbersAndTheCSVIsWhatIsShown() async throws {
        let fixture = try await WebFixture()
        let browser = try fixture.signIn("manager")
        let year = DayDate.today.year
        let expected = try fixture.database.regionSummary(
            RegionSummaryRequest(period: ReportPeriod(year: String(year)), scope: .country("UZ"))).withoutEmptyRows()
        try await fixture.test { client in
            let page = try await client.execute(uri: "/summary?year=\(year)", method: .get, headers: browser.headers)
            #expect(page.status == .ok)
            let total = expected.total
            #expect(page.text.contains("data-figures=\"\(total.events) \(total.sessions) \(total.participations.total) \(total.participants.total) \(total.completed) \(total.certificates)\""))
            #expect(page.text.contains("<svg class=\"chart\""))
            #expect(page.text.contains("?year=\(year)&amp;region=UZ-XO&amp;by=district"))
            let csv = try await client.execute(uri: "/summary.csv?year=\(year)", method: .get, headers: browser.headers)
            #expect(csv.status == .ok)
            #expect(String(buffer: csv.body) == String(decoding: RegionSummaryCSV.data(expected, language: .english), as: UTF8.self))
            let pdf = try await client.execute(uri: "/summary.pdf?year=\(year)", method: .get, headers: browser.headers)
            #expect(pdf.status == .ok)
            #expect(pdf.headers[.contentType] == "application/pdf")
            #expect(String(buffer: pdf.body).hasPrefix("%PDF"))
            let drill = try await client.execute(uri: "/summary?year=\(year)&region=UZ-XO&by=district", method: .get, headers: browser.headers)
            #expect(drill.text.contains("Urgench District"))
            let badYear = try await client.execute(uri: "/summary?year=20x9", method: .get, headers: browser.headers)
            #expect(badYear.status == .badRequest)
            #expect(badYear.text.contains("id=\"year-error\""))
        }
    }

    @Test func aRegionManagerCannotReadAnotherRegion() async throws {
        let fixture = try await WebFixture()
        let browser = try fixture.signIn("samarqand-manager")
        let year = DayDate.today.year
        try await fixture.test { client in
            let other = try await client.execute(uri: "/summary?year=\(year)&region=UZ-XO", method: .get, headers: browser.headers)
            #expect(other.status == .notFound)
            let csv = try await client.execute(uri: "/summary.csv?year=\(year)&region=UZ-XO&by=district", method: .get, headers: browser.headers)
            #expect(csv.status == .notFound)
            let own = try await client.execute(uri: "/summary?year=\(year)", method: .get, headers: browser.headers)
            #expect(own.status == .ok)
            #expect(!own.text.contains("Khorezm"))
        }
    }

    @Test func aManagerCannotChangeAnything() async throws {
        let fixture = try await WebFixture()
        let browser = try fixture.signIn("manager")
        let event = fixture.xorazm
        try await fixture.test { client in
            let posts: [(String, [(String, String)])] = [
                ("/events/\(event.id)/attendance", [("session", "\(event.sessions[0].id!)"), ("participant", "\(fixture.people[0].id!)"), ("status", "present")]),
                ("/people", [("fullName", "Someone New")]),
                ("/events/\(event.id)/certificates", []),
                ("/events/\(event.id)/revoke", [("serial", "X"), ("reason", "r")]),
            ]
            for (path, fields) in posts {
                let response = try await client.execute(uri: path, method: .post, headers: browser.formHeaders, body: browser.form(fields))
                #expect(response.status == .forbidden, "\(path)")
            }
        }
        #expect(try fixture.database.searchParticipants("Someone").isEmpty)
        #expect(try fixture.database.attendanceSheet(eventID: event.id).rows.allSatisfy { $0.marks.allSatisfy { $0 == nil } })
    }
}
