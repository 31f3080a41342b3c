import Foundation
import PDFTestSupport
import Hummingbird
import HummingbirdTesting
import Logging
import Testing
import TrainingCore
@testable import WebApp

@Suite("malaka serve over HTTPS: --tls-cert and --tls-key")
struct TLSServeTests {
    /// A self-signed certificate for 127.0.0.1 and its key, made by openssl into the fixture's folder.
    private func makeCertificate(in folder: URL, name: String) throws -> (certificate: String, key: String) {
        let certificate = folder.appendingPathComponent("\(name)-cert.pem").path
        let key = folder.appendingPathComponent("\(name)-key.pem").path
        try PDFTools.run("openssl", ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                                     "-keyout", key, "-out", certificate, "-days", "2", "-subj", "/CN=127.0.0.1",
                                     "-addext", "subjectAltName=IP:127.0.0.1"])
        return (certificate, key)
    }

    @Test func theSignInPageIsServedOverTLSOnLoopback() async throws {
        let fixture = try await WebFixture()
        let files = try makeCertificate(in: fixture.folder, name: "server")
        let tls = try TLSIdentity.load(certificateFile: files.certificate, keyFile: files.key)
        let configuration = WebConfiguration(host: "127.0.0.1", port: 0, databasePath: fixture.folder.appendingPathComponent("malaka.sqlite").path,
                                             secureCookies: true, tls: tls)
        #expect(configuration.address.hasPrefix("https://127.0.0.1:"))
        let web = try await WebApplication(database: fixture.database, configuration: configuration)
        let app = try web.application(logger: Logger(label: "tls-test"))
        try await app.test(.ahc(.https)) { client in
            let page = try await client.execute(uri: "/login", method: .get)
            #expect(page.status == .ok)
            #expect(page.text.contains("Sign in to Malaka"))
            #expect(page.headers[values: .setCookie].allSatisfy { $0.contains("Secure") })
        }
    }

    @Test func aMissingUnreadableOrWrongFileIsRefusedByName() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("malaka-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let one = try makeCertificate(in: folder, name: "one")
        let two = try makeCertificate(in: folder, name: "two")
        let missing = folder.appendingPathComponent("missing.pem").path
        let garbage = folder.appendingPathComponent("garbage.pem").path
        try Data("not a certificate".utf8).write(to: URL(fileURLWithPath: garbage))

        func refusal(_ certificate: String, _ key: String) -> MalakaError? {
            do {
                _ = try TLSIdentity.load(certificateFile: certificate, keyFile: key)
                return nil
            } catch {
                return error as? MalakaError
            }
        }
        let absent = try #require(refusal(missing, one.key))
        #expect(absent.kind == .io && absent.message.contains(missing))
        let folderGiven = try #require(refusal(folder.path, one.key))
        #expect(folderGiven.kind == .io && folderGiven.message.contains(folder.path))
        let notPEM = try #require(refusal(garbage, one.key))
        #expect(notPEM.kind == .data && notPEM.message.contains(garbage))
        let badKey = try #require(refusal(one.certificate, garbage))
        #expect(badKey.kind == .data && badKey.message.contains(garbage))
        let otherKey = try #require(refusal(one.certificate, two.key))
        #expect(otherKey.kind == .data && otherKey.message.contains(two.key))
        #expect(refusal(one.certificate, one.key) == nil)
    }
}
