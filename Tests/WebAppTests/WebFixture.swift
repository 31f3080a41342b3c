import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import PDFTestSupport
import TrainingCore
import TrainingFixtures
@testable import WebApp

/// A database file with two places' trainings and an account per role, and the web application over it.
///
/// Xorazm (UZ-XO), district Urganch: a parenting training with sessions from today, eight people
/// enrolled, one of them named `<script>alert(1)</script>`. Samarqand (UZ-SA): another training with
/// one person, whom nobody from Xorazm may see.
final class WebFixture: @unchecked Sendable {
    let folder: URL
    let database: AppDatabase
    let web: WebApplication
    let xorazm: EventDetail
    let samarqand: EventDetail
    let people: [Participant]
    let stranger: Participant
    static let password = "correct horse battery"

    init() async throws {
        folder = try PDFTools.temporaryFolder("WebAppTests")
        let path = folder.appendingPathComponent("malaka.sqlite").path
        database = try AppDatabase.open(at: path, creating: true)
        try database.syncCourses([CourseFixtures.parenting])
        let today = DayDate.today
        xorazm = try database.createEvent(EventPlan(
            courseCode: "PS-PARENTING", region: "UZ-XO", district: "UZ-XO-URG", venue: "Mahalla centre", trainers: ["Dilnoza Yusupova"],
            sessions: EventPlan.consecutiveSessions(from: today, days: 4, time: CourseFixtures.time("09:00-12:00"))))
        samarqand = try database.createEvent(EventPlan(
            courseCode: "PS-PARENTING", region: "UZ-SA", trainers: ["Sardor Aliyev"],
            sessions: EventPlan.consecutiveSessions(from: today, days: 4, time: CourseFixtures.time("14:00-17:00"))))
        let names = ["Aziza Karimova", "Bekzod Toʻxtayev", "Charos Hamroyeva", "Dilnoza Qurbonova", "Elyor Rahimov",
                     "Feruza Saidova", "Gʻulomjon Oʻrinboyev", "<script>alert(1)</script>"]
        people = try database.addParticipants(names.map {
            ParticipantDraft(fullName: $0, category: .parent, region: "UZ-XO", language: .uzbekLatin)
        })
        try database.enroll(eventID: xorazm.id, participantIDs: people.map { $0.id! })
        stranger = try database.addParticipant(ParticipantDraft(fullName: "Sitora Samarqandiy", category: .parent, region: "UZ-SA"))
        try database.enroll(eventID: samarqand.id, participantIDs: [stranger.id!])
        let hash = Passwords.hash(Self.password, cost: 4)
        for (name, role, country, region, district) in [
            ("trainer", AccountRole.trainer, nil, "UZ-XO", "UZ-XO-URG"), ("coordinator", .coordinator, nil, "UZ-XO", nil),
            ("manager", .manager, "UZ", nil, nil), ("samarqand", .coordinator, nil, "UZ-SA", nil),
            ("samarqand-manager", .manager, nil, "UZ-SA", nil), ("admin", .admin, nil, nil, nil),
        ] as [(String, AccountRole, String?, String?, String?)] {
            try database.addAccount(AccountDraft(name: name, role: role, country: country, region: region, district: district,
                                                 passwordHash: hash))
        }
        let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("certificate-templates").path
        web = try await WebApplication(database: database, configuration: WebConfiguration(databasePath: path, templatesFolder: templates))
    }

    deinit {
        PDFTools.cleanUp(folder)
    }

    /// A signed-in browser of an account: its cookie and its form token.
    struct Browser {
        var cookie: String
        var csrf: String

        var headers: HTTPFields { [.cookie: cookie] }

        /// The headers of a form sent by this browser.
        var formHeaders: HTTPFields { [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"] }

        /// A form body with the browser's token.
        func form(_ fields: [(String, String)]) -> ByteBuffer {
            let all = [("csrf", csrf)] + fields
            return ByteBuffer(string: all.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)" }.joined(separator: "&"))
        }
    }

    /// A file upload as a browser sends it: `multipart/form-data` with the form token, fields and one file.
    func upload(_ browser: Browser, fields: [(String, String)], file: (name: String, data: Data)?) -> (HTTPFields, ByteBuffer) {
        let boundary = "----MalakaTestBoundary\(UUID().uuidString)"
        var body = Data()
        for (name, value) in [("csrf", browser.csrf)] + fields {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        if let file {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(file.name)\"\r\nContent-Type: text/csv\r\n\r\n".utf8)
            body += file.data + Data("\r\n".utf8)
        }
        body += Data("--\(boundary)--\r\n".utf8)
        return ([.cookie: browser.cookie, .contentType: "multipart/form-data; boundary=\(boundary)"], ByteBuffer(data: body))
    }

    /// Reads or writes the database file directly, around the core, as another program would.
    func sql<T>(_ body: (Database) throws -> T) throws -> T {
        try DatabaseQueue(path: folder.appendingPathComponent("malaka.sqlite").path).write(body)
    }

    /// Opens a session for an account the way signing in does.
    func signIn(_ name: String) throws -> Browser {
        let account = try database.account(named: name)!
        let token = SessionToken.random()
        let csrf = SessionToken.random()
        try database.openWebSession(WebSessionRecord(tokenHash: SessionToken.hash(token), accountId: account.id!, csrfToken: csrf,
                                                     createdAt: Date(), expiresAt: Date() + 3600))
        return Browser(cookie: "\(SignInMiddleware.sessionCookie)=\(token)", csrf: csrf)
    }

    /// Runs a test against the router in-process.
    func test<Value: Sendable>(_ body: @Sendable (any TestClientProtocol) async throws -> Value) async throws -> Value {
        let app = Application(router: web.router())
        return try await app.test(.router, body)
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
}
