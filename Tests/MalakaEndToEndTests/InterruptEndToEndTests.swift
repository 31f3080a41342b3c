import Foundation
import Testing

/// Ctrl-C and SIGTERM: the command removes its own temporary files and exits 130 or 143, recording nothing.
@Suite struct InterruptEndToEndTests {
    typealias Training = CertificatesEndToEndTests.Training

    /// Forty people who completed the parenting training.
    private static func people() -> [(name: String, language: String)] {
        (1...40).map { ("Lola Ismoilova \(String(repeating: "a", count: $0 % 7)) \($0)", "uz-Latn") }
    }

    @Test(arguments: [(SIGINT, Int32(130)), (SIGTERM, Int32(143))])
    func anInterruptedIssueLeavesNoTemporaries(_ signal: Int32, _ status: Int32) throws {
        let training = try Training(Self.people())
        let out = training.programme.path("out")
        let running = try MalakaProcess.launch(
            training.issueArguments(["--out", "out", "--bundle", "out/all.pdf", "--db", training.programme.databasePath]),
            in: training.programme.directory)
        // Once the first temporary file is there, the command is mid-way.
        let deadline = Date().addingTimeInterval(120)
        while running.process.isRunning, Date() < deadline,
              !((try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []).contains(where: { $0.hasSuffix(".partial") }) {
            usleep(2_000)
        }
        try #require(running.process.isRunning, "the command ended before it could be interrupted")
        kill(running.process.processIdentifier, signal)
        let result = running.finish()

        #expect(result.status == status, "\(result)")
        let left = ((try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []).filter { $0.hasPrefix(".") }
        #expect(left.isEmpty, "temporaries left: \(left)")
        #expect(try training.list().isEmpty, "nothing is recorded by an interrupted issue")
    }
}
