import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TrainingCore
@testable import WebApp

@Suite("Trainer pages: sessions, attendance, people")
struct TrainerRouteTests {
    @Test func sessionsOfTodayAndThisWeekInTheTrainersDistrictOnly() async throws {
        let fixture = try await WebFixture()
        let browser = try fixture.signIn("trainer")
        try await fixture.test { client in
            let home = try await client.execute(uri: "/", method: .get, headers: browser.headers)
            #expect(home.headers[.location] == "/sessions")
            let page = try await client.execute(uri: "/sessions", method: .get, headers: browser.headers)
            #expect(page.status == .ok)
            #expect(page.text.contains("/events/\(fixture.xorazm.id)/attendance?session=\(fixture.xorazm.sessions[0].id!)"))
            #expect(page.text.contains("session 1 of 4"))
            #expect(!page.text.contains("/events/\(fixture.samarqand.id)/"))
        }
    }

    @Test func theGridMarksOneTapAtATimeAndEscapesNames() async throws {
        let fixture = try await WebFixture()
        let browser = try fixture.signIn("trainer")
        let event = fixture.xorazm.id
        let session = fixture.xorazm.sessions[1].id!
        try await fixture.test { client in
            let grid = try await client.execute(uri: "/events/\(event)/attendance?session=\(session)", method: .get, headers: browser.headers)
            #expect(grid.status == .ok)
            #expect(grid.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!grid.text.contains("<script>alert(1)</script>"))
            #expect(grid.text.components(separatedBy: "class=\"mark\"").count == 9)
            // The script's request: JSON back.
            var headers = browser.formHeaders
            headers[.accept] = "application/json"
            let marked = try await client.execute(uri: "/events/\(event)/attendance", method: .post, headers: headers,
                                                  body: browser.form([("session", "\(session)"), ("participant", "\(fixture.people[0].id!)"), ("status", "late")]))
            #expect(marked.status == .ok)
            #expect(marked.text == #"{"status":"late","label":"late","session":\#(session),"participant":\#(fixture.people[0].id!)}"#)
            // The form without script: back to the grid, the mark shown pressed.
            let posted = try await client.execute(uri: "/events/\(event)/attendance", method: .post, headers: browser.formHeaders,
                                                  body: browser.form([("session", "\(session)"), ("participant", "\(fixture.people[1].id!)"), ("status", "absent")]))
            #expect(posted.status == .seeOther)
            let again = try await client.execute(uri: "/events/\(event)/attendance?session=\(session)", method: .get, headers: browser.headers)
            #expect(again.text.contains("value=\"absent\" class=\"absent\" aria-pressed=\"true\""))
        }
        let sheet = try fixture.database.attendanceSheet(eventID: event)
        #expect(sheet.rows.first { $0.participant.id == fixture.people[0].id }?.marks[1] == .late)
        // The change log names the trainer behind the marks.
        let logged = try fixture.database.changeLog(ChangeLogFilter(actor: "web:trainer")).map(\.entry.operation)
        #expect(logged.filter { $0 == "markAttendance" }.count == 2)
        #expect(sheet.rows.first { $0.participant.id == fixture.people[1].id }?.marks[1] == .absent)
    }

    @Test func anotherRegionsEventIsNotFound() async throws {
        let fixture = try await WebFixture()
        let browser = try fixture.signIn("trainer")
        let other = fixture.samarqand
        try await fixture.test { client in
            for path in ["/events/\(other.id)/attendance", "/events/\(other.id)", "/events/999/attendance"] {
                let response = try await client.execute(uri: path, method: .get, headers: browser.headers)
                #expect(response.status == .notFound, "\(path)")
                #expect(!response.text.contains("Sitora"))
            }
            let mark = try await client.execute(uri: "/events/\(other.id)/attendance", method: .post, headers: browser.formHeaders,
                                                body: browser.form([("session", "\(other.sessions[0].id!)"), ("participant", "\(fixture.stranger.id!)"), ("status", "present")]))
            #expect(mark.status == .notFound)
            // A session of another event, sent to this event's grid.
            let crossed = try await client.execute(uri: "/events/\(fixture.xorazm.id)/attendance", method: .post, headers: browser.formHeaders,
                                                   body: browser.form([("session", "\(other.sessions[0].id!)"), ("participant", "\(fixture.people[0].id!)"), ("status", "present")]))
            #expect(crossed.status == .notFound)
        }
        #expect(try fixture.database.attendanceSheet(eventID: other.id).rows[0].marks.allSatisfy { $0 == nil })
    }

    @Test func searchFindsAcrossScriptsWithinTheScopeOnly() async throws {
        let fixture = try await WebFixture()
        let browser = try fixture.signIn("trainer")
        try await fixture.test { client in
            let cyrillic = try await client.execute(uri: "/people?q=%D0%9A%D0%B0%D1%80%D0%B8%D0%BC%D0%BE%D0%B2%D0%B0", method: .get, headers: browser.headers)
            #expect(cyrillic.status == .ok)
            #expect(cyrillic.text.contains("Aziza Karimova"))
            let stranger = try await client.execute(uri: "/people?q=Sitora", method: .get, headers: browser.headers)
            #expect(!stranger.text.contains("Samarqandiy"))
            #expect(stranger.text.contains("Nobody found."))
        }
    }

    @Test func registeringWarnsOfALikelyDuplicateAndNamesTheMissingField() async throws {
        let fixture = try await WebFixture()
        let browser = try fixture.signIn("trainer")
        try await fixture.test { client in
            let missing = try await client.execute(uri: "/people", method: .post, headers: browser.formHeaders, body: browser.form([("fullName", "")]))
            #expect(missing.status == .badRequest)
            #expect(missing.text.contains("id=\"fullName-error\">This is required."))
            let badYear = try await client.execute(uri: "/people", method: .post, headers: browser.formHeaders,
                                                   body: browser.form([("fullName", "Nodira Azimova"), ("birthYear", "abc")]))
            #expect(badYear.text.contains("id=\"birthYear-error\">This must be a whole number."))
            // The same person in Cyrillic: the warning, nobody added.
            let duplicate = try await client.execute(uri: "/people", method: .post, headers: browser.formHeaders,
                                                     body: browser.form([("fullName", "Азиза Каримова")]))
            #expect(duplicate.status == .conflict)
            #expect(duplicate.text.contains("This may be someone already registered:"))
            #expect(duplicate.text.contains("Aziza Karimova"))
            let added = try await client.execute(uri: "/people", method: .post, headers: browser.formHeaders,
                                                 body: browser.form([("fullName", "Nodira Azimova"), ("sex", "female"), ("event", "\(fixture.xorazm.id)")]))
            #expect(added.status == .ok)
            #expect(added.text.contains("Nodira Azimova was registered."))
        }
        #expect(try fixture.database.searchParticipants("Каримова").count == 1)
        let nodira = try #require(try fixture.database.searchParticipants("Nodira").first)
        #expect(nodira.regionCode == "UZ-XO" && nodira.districtCode == "UZ-XO-URG")
        #expect(try fixture.database.participants(eventID: fixture.xorazm.id).contains { $0.id == nodira.id })
    }

    @Test func aTrainerCannotIssueCertificatesOrReadSummaries() async throws {
        let fixture = try await WebFixture()
        let browser = try fixture.signIn("trainer")
        try await fixture.test { client in
            let issue = try await client.execute(uri: "/events/\(fixture.xorazm.id)/certificates", method: .post, headers: browser.formHeaders,
                                                 body: browser.form([]))
            #expect(issue.status == .forbidden)
            let summary = try await client.execute(uri: "/summary", method: .get, headers: browser.headers)
            #expect(summary.status == .forbidden)
        }
    }
}
