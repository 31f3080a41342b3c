import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TrainingCore
@testable import WebApp

@Suite("Signing in, sessions, headers")
struct SignInRouteTests {
    @Test func signedOutVisitorSeesOnlyTheSignInPage() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            for path in ["/", "/sessions", "/events", "/events/1", "/events/1/certificates.pdf", "/people?q=Aziza", "/summary", "/summary.csv?year=2026"] {
                let response = try await client.execute(uri: path, method: .get)
                #expect(response.status == .seeOther, "\(path)")
                #expect(response.headers[.location] == "/login", "\(path)")
            }
            let post = try await client.execute(uri: "/events/1/attendance", method: .post, body: ByteBuffer(string: "session=1&participant=1&status=present"))
            #expect(post.headers[.location] == "/login")
            let login = try await client.execute(uri: "/login", method: .get)
            #expect(login.status == .ok)
            #expect(login.text.contains("name=\"password\""))
        }
    }

    @Test func signingInWithTheFormTokenOpensASessionThatSurvivesARestart() async throws {
        let fixture = try await WebFixture()
        let cookie = try await fixture.test { client in
            let form = try await client.execute(uri: "/login", method: .get)
            let setCookie = form.headers[values: .setCookie].first { $0.hasPrefix("malaka_form=") }!
            #expect(setCookie.contains("HttpOnly"))
            #expect(setCookie.contains("SameSite=Strict"))
            let token = String(setCookie.dropFirst("malaka_form=".count).prefix { $0 != ";" })
            // Without the form token the sign-in is refused.
            let forged = try await client.execute(uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                                  body: ByteBuffer(string: "name=trainer&password=correct+horse+battery"))
            #expect(forged.status == .forbidden)
            let wrong = try await client.execute(uri: "/login", method: .post, headers: [.cookie: "malaka_form=\(token)"],
                                                 body: ByteBuffer(string: "csrf=\(token)&name=trainer&password=nope"))
            #expect(wrong.status == .unauthorized)
            #expect(wrong.text.contains("The account name or the password is not right."))
            let right = try await client.execute(uri: "/login", method: .post, headers: [.cookie: "malaka_form=\(token)"],
                                                 body: ByteBuffer(string: "csrf=\(token)&name=trainer&password=correct+horse+battery"))
            #expect(right.status == .seeOther)
            let session = right.headers[values: .setCookie].first { $0.hasPrefix("malaka_session=") }!
            #expect(session.contains("HttpOnly") && session.contains("SameSite=Strict"))
            return String(session.prefix { $0 != ";" })
        }
        // A new application over the same database: the session is still there.
        let restarted = try await WebApplication(database: fixture.database, configuration: fixture.web.configuration)
        try await Application(router: restarted.router()).test(.router) { client in
            let page = try await client.execute(uri: "/sessions", method: .get, headers: [.cookie: cookie])
            #expect(page.status == .ok)
            #expect(page.text.contains("Signed in as trainer"))
        }
    }

    @Test func repeatedWrongPasswordsAreRateLimited() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            var last = HTTPResponse.Status.ok
            for _ in 0..<6 {
                let form = try await client.execute(uri: "/login", method: .get)
                let token = String(form.headers[values: .setCookie].first { $0.hasPrefix("malaka_form=") }!.dropFirst(12).prefix { $0 != ";" })
                last = try await client.execute(uri: "/login", method: .post, headers: [.cookie: "malaka_form=\(token)"],
                                                body: ByteBuffer(string: "csrf=\(token)&name=coordinator&password=guess")).status
            }
            #expect(last == .tooManyRequests)
        }
    }

    @Test func everyAnswerCarriesTheSecurityHeaders() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            for path in ["/login", "/static/app.css", "/static/app.js"] {
                let response = try await client.execute(uri: path, method: .get)
                #expect(response.status == .ok, "\(path)")
                let policy = response.headers[.contentSecurityPolicy] ?? ""
                #expect(policy.contains("frame-ancestors 'none'"))
                #expect(policy.contains("script-src 'self'") && !policy.contains("unsafe-inline"))
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
            }
            let traversal = try await client.execute(uri: "/static/../Package.swift", method: .get)
            #expect(traversal.status != .ok)
        }
    }

    @Test func aPostWithoutTheSessionsFormTokenIsRefused() async throws {
        let fixture = try await WebFixture()
        let browser = try fixture.signIn("trainer")
        let person = fixture.people[0].id!
        let session = fixture.xorazm.sessions[0].id!
        try await fixture.test { client in
            let response = try await client.execute(
                uri: "/events/\(fixture.xorazm.id)/attendance", method: .post, headers: browser.formHeaders,
                body: ByteBuffer(string: "csrf=forged&session=\(session)&participant=\(person)&status=present"))
            #expect(response.status == .forbidden)
        }
        #expect(try fixture.database.attendanceSheet(eventID: fixture.xorazm.id).rows.allSatisfy { $0.marks.allSatisfy { $0 == nil } })
    }

    /// The attendance grid's script sends the token as a header: it counts instead of the form's field, forged or not.
    @Test func theScriptsTokenHeaderStandsForTheFormsField() async throws {
        let fixture = try await WebFixture()
        let browser = try fixture.signIn("trainer")
        let person = fixture.people[0].id!
        let session = fixture.xorazm.sessions[0].id!
        let body = "session=\(session)&participant=\(person)&status=present"
        try await fixture.test { client in
            var forged = browser.formHeaders
            forged[SignInMiddleware.csrfHeader] = "x" + browser.csrf.dropFirst()
            let refused = try await client.execute(uri: "/events/\(fixture.xorazm.id)/attendance", method: .post, headers: forged,
                                                   body: ByteBuffer(string: "csrf=\(browser.csrf)&" + body))
            #expect(refused.status == .forbidden)
            var headers = browser.formHeaders
            headers[SignInMiddleware.csrfHeader] = browser.csrf
            headers[.accept] = "application/json"
            let marked = try await client.execute(uri: "/events/\(fixture.xorazm.id)/attendance", method: .post, headers: headers,
                                                  body: ByteBuffer(string: body))
            #expect(marked.status == .ok)
            #expect(marked.text.contains("\"status\":\"present\""))
        }
        #expect(try fixture.database.attendanceSheet(eventID: fixture.xorazm.id).rows.contains { $0.marks.contains(.present) })
    }

    @Test func theLanguageChosenIsRemembered() async throws {
        let fixture = try await WebFixture()
        let browser = try fixture.signIn("trainer")
        try await fixture.test { client in
            let chosen = try await client.execute(uri: "/language", method: .post, headers: browser.formHeaders,
                                                  body: browser.form([("lang", "ru"), ("back", "/sessions")]))
            #expect(chosen.headers[.location] == "/sessions")
            let page = try await client.execute(uri: "/sessions", method: .get, headers: browser.headers)
            #expect(page.text.contains("lang=\"ru\""))
        }
        #expect(try fixture.database.account(named: "trainer")?.language == "ru")
    }
}
