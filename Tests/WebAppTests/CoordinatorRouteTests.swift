import Foundation
import Hummingbird
import HummingbirdTesting
import PDFTestSupport
import Testing
import TrainingCore
@testable import WebApp

@Suite("Coordinator pages: completion, certificates, revoking")
struct CoordinatorRouteTests {
    /// Marks everyone present at every session but the last person, who misses three.
    private func markCourse(_ fixture: WebFixture) throws {
        for (index, session) in fixture.xorazm.sessions.enumerated() {
            try fixture.database.markAttendance(AttendanceMarks(
                eventID: fixture.xorazm.id, date: session.date, everyoneElse: .present,
                marks: index == 0 ? [:] : [fixture.people[7].id!: .absent]))
        }
    }

    @Test func issuingThenDownloadingTheBundleAndRevokingOne() async throws {
        let fixture = try await WebFixture()
        try markCourse(fixture)
        let browser = try fixture.signIn("coordinator")
        let event = fixture.xorazm.id
        let pdf = fixture.folder.appendingPathComponent("downloaded.pdf")
        try await fixture.test { client in
            let page = try await client.execute(uri: "/events/\(event)", method: .get, headers: browser.headers)
            #expect(page.status == .ok)
            #expect(page.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(page.text.contains("not completed"))
            let none = try await client.execute(uri: "/events/\(event)/certificates.pdf", method: .get, headers: browser.headers)
            #expect(none.status == .notFound)
            let issued = try await client.execute(uri: "/events/\(event)/certificates", method: .post, headers: browser.formHeaders, body: browser.form([]))
            #expect(issued.status == .ok)
            #expect(issued.text.contains("7 certificates are issued."))
            let bundle = try await client.execute(uri: "/events/\(event)/certificates.pdf", method: .get, headers: browser.headers)
            #expect(bundle.status == .ok)
            #expect(bundle.headers[.contentType] == "application/pdf")
            try Data(buffer: bundle.body).write(to: pdf)
            let serial = try #require(try fixture.database.certificates(eventID: event).first?.serial)
            let noReason = try await client.execute(uri: "/events/\(event)/revoke", method: .post, headers: browser.formHeaders,
                                                    body: browser.form([("serial", serial), ("reason", "")]))
            #expect(noReason.status == .badRequest)
            #expect(noReason.text.contains("Reason: This is required."))
            let revoked = try await client.execute(uri: "/events/\(event)/revoke", method: .post, headers: browser.formHeaders,
                                                   body: browser.form([("serial", serial), ("reason", "Issued to the wrong person")]))
            #expect(revoked.status == .ok)
            #expect(revoked.text.contains("Certificate \(serial) was revoked."))
            let again = try await client.execute(uri: "/events/\(event)/revoke", method: .post, headers: browser.formHeaders,
                                                 body: browser.form([("serial", serial), ("reason", "Twice")]))
            #expect(again.status == .badRequest)
            #expect(again.text.contains(Words(.english).format(.errCertificateNotValid, serial)))
        }
        let text = try PDFTools.textLines(of: pdf).joined(separator: "\n")
        #expect(text.contains("Aziza Karimova"))
        #expect(!text.contains("alert(1)"))
        #expect(try fixture.database.certificates(eventID: event).filter { $0.status == .revoked }.count == 1)
    }

    @Test func anotherRegionsCoordinatorGetsNotFoundEverywhere() async throws {
        let fixture = try await WebFixture()
        try markCourse(fixture)
        let ours = try fixture.signIn("coordinator")
        let theirs = try fixture.signIn("samarqand")
        let event = fixture.xorazm.id
        try await fixture.test { client in
            _ = try await client.execute(uri: "/events/\(event)/certificates", method: .post, headers: ours.formHeaders, body: ours.form([]))
            let serial = try #require(try fixture.database.certificates(eventID: event).first?.serial)
            for path in ["/events/\(event)", "/events/\(event)/certificates.pdf", "/events/\(event)/attendance"] {
                let response = try await client.execute(uri: path, method: .get, headers: theirs.headers)
                #expect(response.status == .notFound, "\(path)")
            }
            let issue = try await client.execute(uri: "/events/\(event)/certificates", method: .post, headers: theirs.formHeaders, body: theirs.form([]))
            #expect(issue.status == .notFound)
            let revoke = try await client.execute(uri: "/events/\(event)/revoke", method: .post, headers: theirs.formHeaders,
                                                  body: theirs.form([("serial", serial), ("reason", "spite")]))
            #expect(revoke.status == .notFound)
            // Their own event's page does not revoke a serial of ours either.
            let crossed = try await client.execute(uri: "/events/\(fixture.samarqand.id)/revoke", method: .post, headers: theirs.formHeaders,
                                                   body: theirs.form([("serial", serial), ("reason", "spite")]))
            #expect(crossed.status == .notFound)
            let list = try await client.execute(uri: "/events", method: .get, headers: theirs.headers)
            #expect(list.text.contains("/events/\(fixture.samarqand.id)\""))
            #expect(!list.text.contains("/events/\(event)\""))
        }
        #expect(try fixture.database.certificates(eventID: event).allSatisfy { $0.status == .valid })
    }

    @Test func aNameNoFontCanPrintIsNamedBesideTheButtonInTheReadersLanguage() async throws {
        let fixture = try await WebFixture()
        try markCourse(fixture)
        try fixture.database.setAccountLanguage(id: try fixture.database.account(named: "coordinator")!.id!, language: .russian)
        var rename = ParticipantChanges()
        rename.fullName = "Wang \u{10FFFD}fang"
        _ = try fixture.database.editParticipant(id: fixture.people[0].id!, rename)
        let browser = try fixture.signIn("coordinator")
        try await fixture.test { client in
            let response = try await client.execute(uri: "/events/\(fixture.xorazm.id)/certificates", method: .post,
                                                    headers: browser.formHeaders, body: browser.form([]))
            #expect(response.status == .badRequest)
            let lead = Words(.russian).format(.errCannotPrint, "")
            #expect(response.text.contains("id=\"issue-error\">\(lead)Wang"))
            #expect(response.text.contains("U+10FFFD"))
            #expect(response.text.contains(Words(.russian)[.remedyCorrectNameOrFont]))
        }
        #expect(try fixture.database.certificates(eventID: fixture.xorazm.id).isEmpty)
    }

    @Test func issuingWhenNobodyCompletedNamesTheProblemBesideTheButton() async throws {
        let fixture = try await WebFixture()
        let browser = try fixture.signIn("coordinator")
        try await fixture.test { client in
            let response = try await client.execute(uri: "/events/\(fixture.xorazm.id)/certificates", method: .post,
                                                    headers: browser.formHeaders, body: browser.form([]))
            #expect(response.status == .badRequest)
            #expect(response.text.contains("id=\"issue-error\""))
            #expect(!response.text.contains("SQLITE"))
        }
    }
}
