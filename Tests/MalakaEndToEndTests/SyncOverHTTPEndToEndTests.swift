import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `malaka sync with URL` against `malaka serve` on 127.0.0.1: a laptop and the programme's server each
/// record work, exchange over HTTP with signed requests, and then hold the same people and marks.
@Suite struct SyncOverHTTPEndToEndTests {
    @Test func aSitePushesAndPullsThroughTheServerAndBothDatabasesAgree() throws {
        // Given the programme's server (XO-URG1) and a laptop (XO-KHV1), each with people of its own
        let network = try SyncEndToEndTests.Network(["XO-URG1", "XO-KHV1"])
        let server = network["XO-URG1"], laptop = network["XO-KHV1"]
        let event = try laptop.parentingEvent()
        let people = try laptop.addParticipants(["Gulnora Karimova", "Lola Ismoilova"])
        try laptop.enroll(event, people)
        try laptop.succeed(["attendance", "mark", String(event), "--date", "25.03.2019", "--all-present"])
        _ = try server.addParticipants(["Dilfuza Sapayeva"])

        // When the server serves on a free port of 127.0.0.1 and the laptop exchanges with it
        let port = try Self.freePort()
        let serving = try MalakaProcess.launch(["serve", "--db", server.databasePath, "--port", String(port), "--log-level", "warning"],
                                               in: server.directory)
        defer {
            serving.process.terminate()
            _ = serving.finish()
        }
        try Self.waitUntilListening(port)
        let address = "http://127.0.0.1:\(port)"
        let exchanged = try laptop.succeed(["sync", "with", address])

        // Then the push was applied there and the pull here, and both databases hold the same
        #expect(exchanged.stdout.contains("Pushed ") && exchanged.stdout.contains(" to XO-URG1 at \(address)"), "\(exchanged)")
        #expect(exchanged.stdout.contains("Pulled ") && exchanged.stdout.contains(" from XO-URG1"), "\(exchanged)")
        let names = { (site: TemporaryProgramme) in try site.json([ParticipantJSON].self, ["participant", "list"]).map(\.fullName).sorted() }
        #expect(try names(laptop) == ["Dilfuza Sapayeva", "Gulnora Karimova", "Lola Ismoilova"])
        #expect(try names(server) == names(laptop))
        // The people's numbers differ from one database to another; their names and marks do not.
        let sheet = { (site: TemporaryProgramme) in
            try site.json(AttendanceSheetJSON.self, ["attendance", "show", "1"]).rows.map { "\($0.name): \($0.marks)" }
        }
        #expect(try sheet(laptop).count == 2)
        #expect(try sheet(server) == sheet(laptop))

        // And exchanging again changes nothing on either side
        let before = (try server.fingerprint(), try laptop.fingerprint())
        let again = try laptop.succeed(["sync", "with", address])
        #expect(again.stdout.contains(": 0 applied,"), "\(again)")
        #expect(try names(server) == names(laptop))
        #expect(try laptop.fingerprint().changes(since: before.1) == nil)

        // And plain http to another computer is refused before anything is sent, unless allowed
        let refused = try laptop.run(["sync", "push", "--to", "http://192.0.2.1:\(port)"])
        #expect(refused.status == 64 && refused.stderr.contains("--allow-http"), "\(refused)")
        let down = try laptop.run(["sync", "pull", "--from", "http://127.0.0.1:\(try Self.freePort())"])
        #expect(down.status == 74 && down.stderr.contains("Cannot reach the Malaka server"), "\(down)")
    }

    /// A port nobody listens on now, from the system.
    static func freePort() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in(sin_family: sa_family_t(AF_INET), sin_port: 0, sin_addr: in_addr(s_addr: inet_addr("127.0.0.1")),
                                  sin_zero: (0, 0, 0, 0, 0, 0, 0, 0))
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0 }
        }
        try #require(bound, "no free port on 127.0.0.1")
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Waits for the server to accept connections, for up to a minute (a loaded machine starts it slowly).
    static func waitUntilListening(_ port: Int) throws {
        for _ in 0..<600 {
            let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in(sin_family: sa_family_t(AF_INET), sin_port: UInt16(port).bigEndian,
                                      sin_addr: in_addr(s_addr: inet_addr("127.0.0.1")), sin_zero: (0, 0, 0, 0, 0, 0, 0, 0))
            let connected = withUnsafePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
            }
            close(socket)
            if connected { return }
            usleep(100_000)
        }
        Issue.record("malaka serve did not listen on port \(port) within a minute")
    }
}
