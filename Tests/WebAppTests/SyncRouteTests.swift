import CertificateVerification
import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TrainingCore
import TrainingFixtures
@testable import WebApp

/// The exchange over HTTP: a site pushes and pulls the same signed bundles, each request signed with its
/// site key; altered, replayed and unknown requests are refused with a JSON error, nothing changed.
@Suite("The exchange over HTTP")
struct SyncRouteTests {
    /// A programme's server (site XO-URG1) and a laptop (XO-KHV1), both certified by the programme's desk;
    /// and a site of another programme the server does not know.
    final class Exchange: @unchecked Sendable {
        let folder: URL
        let server: AppDatabase
        let laptop: AppDatabase
        let stranger: AppDatabase
        let web: WebApplication

        init() async throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("malaka-sync-routes-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            server = try Self.site("XO-URG1", programme: "Parenting Khorezm 2026")
            laptop = try Self.site("XO-KHV1", programme: "Parenting Khorezm 2026")
            try Self.certify([("XO-URG1", server), ("XO-KHV1", laptop)], folder: folder, name: "programme")
            stranger = try Self.site("SA-SAM1", programme: "Parenting Khorezm 2026")
            try Self.certify([("SA-SAM1", stranger)], folder: folder, name: "other")
            web = try await WebApplication(database: server, configuration: WebConfiguration(databasePath: folder.appendingPathComponent("none").path,
                                                                                               templatesFolder: folder.path))
        }

        deinit {
            try? FileManager.default.removeItem(at: folder)
        }

        private static func site(_ code: String, programme: String) throws -> AppDatabase {
            let database = try AppDatabase(DatabaseQueue())
            _ = try database.joinSite(code: code, programme: programme)
            try database.syncCourses([CourseFixtures.parenting])
            return database
        }

        /// A desk with a programme key of its own certifies the sites' keys; every site trusts its keys.
        private static func certify(_ sites: [(String, AppDatabase)], folder: URL, name: String) throws {
            let desk = try AppDatabase(DatabaseQueue())
            _ = try desk.generateSigningKey(organisation: "default", privateKeyPath: folder.appendingPathComponent("\(name).key").path)
            for (code, database) in sites {
                let key = try database.generateSiteKey(siteCode: code, privateKeyPath: folder.appendingPathComponent("\(code).key").path)
                _ = try desk.certifySite(code, publicKey: try PublicSigningKey(base64: key.publicKey), notBefore: DayDate(year: 2019, month: 1, day: 1)!)
            }
            let keys = try desk.publicKeysFile()
            for (_, database) in sites { _ = try database.trustProgrammeKeys(keys, source: "\(name)-keys.json") }
        }

        func names(_ database: AppDatabase) throws -> [String] {
            try database.participants().map(\.fullName).sorted()
        }

        func test<Value: Sendable>(_ body: @Sendable (any TestClientProtocol) async throws -> Value) async throws -> Value {
            try await Application(router: web.router()).test(.router, body)
        }
    }

    /// A request signed by `site` for `path`, with `body`; `sentBody` is what travels, when something altered it.
    static func send(_ client: any TestClientProtocol, _ path: String, signedBy site: AppDatabase, body: Data = Data(),
                     sentBody: Data? = nil, signedFor signedPath: String? = nil) async throws -> TestResponse {
        let signature = try site.signSyncRequest(method: "POST", path: signedPath ?? path, body: body)
        return try await send(client, path, fields: signature.fields, body: sentBody ?? body)
    }

    static func send(_ client: any TestClientProtocol, _ path: String, fields: [(name: String, value: String)],
                     body: Data) async throws -> TestResponse {
        var headers = HTTPFields()
        for field in fields { headers[HTTPField.Name(field.name)!] = field.value }
        return try await client.execute(uri: path, method: .post, headers: headers, body: ByteBuffer(data: body))
    }

    static func error(_ response: TestResponse) -> String? {
        (try? JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: String])?["error"]
    }

    @Test func aPushIsAppliedAsAnImportIsAndAPullBringsTheServersChanges() async throws {
        let exchange = try await Exchange()
        _ = try exchange.laptop.addParticipant(ParticipantDraft(fullName: "Gulnora Karimova", category: .parent, region: "UZ-XO"))
        _ = try exchange.server.addParticipant(ParticipantDraft(fullName: "Lola Ismoilova", category: .parent, region: "UZ-XO"))
        let bundle = try exchange.laptop.exportBundle(for: "XO-URG1").data
        let pulled = try await exchange.test { client in
            let site = try await client.execute(uri: "/sync/site", method: .get)
            #expect(site.status == .ok)
            #expect(String(buffer: site.body) == #"{"programme":"Parenting Khorezm 2026","site":"XO-URG1"}"#)
            let pushed = try await Self.send(client, "/sync/push", signedBy: exchange.laptop, body: bundle)
            #expect(pushed.status == .ok, "\(String(buffer: pushed.body))")
            let report = try JSONDecoder().decode(SyncReport.self, from: Data(buffer: pushed.body))
            #expect(report.from == "XO-KHV1" && report.count(.applied) > 0)
            let pulled = try await Self.send(client, "/sync/pull", signedBy: exchange.laptop)
            #expect(pulled.status == .ok)
            return Data(buffer: pulled.body)
        }
        let report = try exchange.laptop.importBundle(pulled, source: "pulled", sender: "XO-URG1")
        // The server sends back none of the laptop's own changes: the push said the laptop holds them.
        #expect(report.count(.alreadyThere) == 0 && report.count(.applied) > 0)
        #expect(try exchange.names(exchange.server) == ["Gulnora Karimova", "Lola Ismoilova"])
        #expect(try exchange.names(exchange.laptop) == ["Gulnora Karimova", "Lola Ismoilova"])
    }

    @Test func aPullGivesOnlyWhatTheSiteHasNotAcknowledged() async throws {
        let exchange = try await Exchange()
        _ = try exchange.server.addParticipant(ParticipantDraft(fullName: "Lola Ismoilova", category: .parent, region: "UZ-XO"))
        try await exchange.test { client in
            let first = try await Self.send(client, "/sync/pull", signedBy: exchange.laptop)
            _ = try exchange.laptop.importBundle(Data(buffer: first.body), source: "first pull", sender: "XO-URG1")
            // The laptop's push tells the server what it holds now.
            let bundle = try exchange.laptop.exportBundle(for: "XO-URG1").data
            #expect(try await Self.send(client, "/sync/push", signedBy: exchange.laptop, body: bundle).status == .ok)
            _ = try exchange.server.addParticipant(ParticipantDraft(fullName: "Dilfuza Sapayeva", category: .parent, region: "UZ-XO"))
            let second = try await Self.send(client, "/sync/pull", signedBy: exchange.laptop)
            let report = try exchange.laptop.importBundle(Data(buffer: second.body), source: "second pull", sender: "XO-URG1")
            #expect(report.lines.map(\.outcome) == [.applied], "\(report.lines)")
        }
        #expect(try exchange.names(exchange.laptop) == ["Dilfuza Sapayeva", "Lola Ismoilova"])
    }

    @Test func anAlteredRequestIsRefusedAndNothingChanges() async throws {
        let exchange = try await Exchange()
        _ = try exchange.laptop.addParticipant(ParticipantDraft(fullName: "Gulnora Karimova", category: .parent, region: "UZ-XO"))
        let bundle = try exchange.laptop.exportBundle(for: "XO-URG1").data
        var changed = bundle
        changed[changed.count - 3] ^= 0x01
        let altered = changed
        let before = try exchange.server.changeVersion()
        try await exchange.test { client in
            let tampered = try await Self.send(client, "/sync/push", signedBy: exchange.laptop, body: bundle, sentBody: altered)
            #expect(tampered.status == .unauthorized)
            #expect(Self.error(tampered) == "refusedSyncRequest")
            let elsewhere = try await Self.send(client, "/sync/push", signedBy: exchange.laptop, body: bundle, signedFor: "/sync/pull")
            #expect(elsewhere.status == .unauthorized)
            let unsigned = try await client.execute(uri: "/sync/push", method: .post, body: ByteBuffer(data: bundle))
            #expect(unsigned.status == .unauthorized)
            #expect(Self.error(unsigned) == "refusedSyncRequest")
            var old = try exchange.laptop.signSyncRequest(method: "POST", path: "/sync/push", body: bundle, now: Date() - 3600)
            #expect(try await Self.send(client, "/sync/push", fields: old.fields, body: bundle).status == .unauthorized)
            // A signature made by the laptop's key but sent as another site's.
            old = try exchange.laptop.signSyncRequest(method: "POST", path: "/sync/push", body: bundle)
            old.site = "XO-URG1"
            #expect(try await Self.send(client, "/sync/push", fields: old.fields, body: bundle).status == .forbidden)
        }
        #expect(try exchange.server.changeVersion() == before)
        #expect(try exchange.names(exchange.server).isEmpty)
    }

    @Test func anUnknownSiteAndAReplayAreRefused() async throws {
        let exchange = try await Exchange()
        let bundle = try exchange.laptop.exportBundle(for: "XO-URG1").data
        try await exchange.test { client in
            let unknown = try await Self.send(client, "/sync/pull", signedBy: exchange.stranger)
            #expect(unknown.status == .forbidden)
            #expect(Self.error(unknown) == "unknownSite")
            #expect(String(buffer: unknown.body).contains("SA-SAM1"))
            let signature = try exchange.laptop.signSyncRequest(method: "POST", path: "/sync/push", body: bundle)
            #expect(try await Self.send(client, "/sync/push", fields: signature.fields, body: bundle).status == .ok)
            let replay = try await Self.send(client, "/sync/push", fields: signature.fields, body: bundle)
            #expect(replay.status == .conflict)
            #expect(Self.error(replay) == "replayedSyncRequest")
            // A bundle another site wrote, pushed by the laptop: refused, whoever signed the request.
            let foreign = try exchange.server.exportBundle(for: "XO-KHV1").data
            let relayed = try await Self.send(client, "/sync/push", signedBy: exchange.laptop, body: foreign)
            #expect(relayed.status == .unprocessableContent)
            #expect(Self.error(relayed) == "refusedBundle")
        }
    }
}
