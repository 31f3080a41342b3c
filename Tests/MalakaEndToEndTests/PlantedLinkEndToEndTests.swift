import Foundation
import Testing

/// Temporary files are never opened through a link someone planted beside the output.
@Suite struct PlantedLinkEndToEndTests {
    typealias Training = CertificatesEndToEndTests.Training

    /// Links at `.NAME.PID.partial` and `.NAME.PID.tmp` for the next few thousand process ids, where the
    /// command's process will be among them: the names temporaries had when they were predictable.
    private func plantLinks(for name: String, in folder: String, to victim: String) throws -> Int {
        let last = Int((try? String(contentsOfFile: "/proc/sys/kernel/ns_last_pid", encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? "") ?? Int(getpid())
        for pid in (last + 1)...(last + 3_000) {
            for suffix in ["partial", "tmp"] {
                try FileManager.default.createSymbolicLink(atPath: "\(folder)/.\(name).\(pid).\(suffix)", withDestinationPath: victim)
            }
        }
        return last
    }

    @Test func issuingNeverWritesThroughAPlantedLink() throws {
        // Given links planted where a bundle's temporary file used to be written
        let training = try Training(CertificatesEndToEndTests.fourLanguages)
        let victim = training.programme.path("victim.txt")
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: victim))
        try FileManager.default.createDirectory(atPath: training.programme.path("all"), withIntermediateDirectories: true)
        _ = try plantLinks(for: "khorezm.pdf", in: training.programme.path("all"), to: victim)

        // When the certificates are issued into a bundle there
        try training.programme.succeed(training.issueArguments(["--bundle", "all/khorezm.pdf"]))

        // Then the file the links point to is untouched, and the bundle is a PDF
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "keep me")
        let bundle = try Data(contentsOf: URL(fileURLWithPath: training.programme.path("all/khorezm.pdf")))
        #expect(bundle.starts(with: Data("%PDF".utf8)))
    }

    @Test func aReportNeverWritesThroughAPlantedLink() throws {
        let training = try Training(CertificatesEndToEndTests.fourLanguages)
        let victim = training.programme.path("victim.txt")
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: victim))
        _ = try plantLinks(for: "summary.csv", in: training.programme.directory.path, to: victim)
        let report = training.programme.path("summary.csv")
        try training.programme.succeed(["report", "regions", "--year", "2019", "--format", "csv", "--out", report])
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "keep me")
    }
}
