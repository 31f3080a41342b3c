import Foundation
import Testing

/// Every input the fuzzers (or the corpus) found to crash a reader, fed to the `malaka` binary again.
///
/// The files are in `__Fixtures__/fuzz-findings/TARGET/`. A finding need not be
/// refused once fixed (some are good files that tripped a bug), so the test asks
/// only what a fix guarantees: no signal, no hang, exit 0 or 65, a sentence on
/// refusal, and a database unchanged by a refusal.
@Suite struct FuzzFindingsEndToEndTests {
    static let folder = TemporaryProgramme.repositoryRoot
        .appendingPathComponent("Tests/MalakaEndToEndTests/__Fixtures__/fuzz-findings", isDirectory: true)

    struct Finding: Sendable, CustomStringConvertible {
        var target: String
        var file: URL
        var description: String { "\(target)/\(file.lastPathComponent)" }
    }

    static let findings: [Finding] = {
        let targets = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
        return targets.flatMap { target -> [Finding] in
            let directory = folder.appendingPathComponent(target, isDirectory: true)
            let files = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).sorted()
            return files.map { Finding(target: target, file: directory.appendingPathComponent($0)) }
        }
    }()

    @Test func thereAreFindingsToReplay() {
        // An empty or moved folder would make the test below pass without checking anything.
        #expect(Self.findings.count >= 2, "\(Self.folder.path)")
    }

    @Test(arguments: findings)
    func findingNoLongerCrashes(_ finding: Finding) throws {
        let reader: HostileCase.Reader
        let name: String
        switch finding.target {
        case "FuzzCSV": (reader, name) = (.participantList, "finding.csv")
        case "FuzzXLSX": (reader, name) = (.participantList, "finding.xlsx")
        case "FuzzTemplate": (reader, name) = (.template, "hostile.yaml")
        case "FuzzToken": (reader, name) = (.token, "token")
        default:
            Issue.record("no reader for the folder \(finding.target)")
            return
        }
        let setting = try HostileInputEndToEndTests.Setting(for: reader)
        var contents = try Data(contentsOf: finding.file)
        if reader == .token {
            // As the fuzzer read it: an even first byte means text follows, an odd one the token's bytes.
            let rest = Data(contents.dropFirst())
            let text = (contents.first ?? 0) % 2 == 0 ? String(decoding: rest, as: UTF8.self) : "MLK1:" + HostileInputCorpus.base45([UInt8](rest))
            // A command-line argument cannot hold NUL, so a phone could not pass one either.
            contents = Data(text.replacingOccurrences(of: "\0", with: "").utf8)
        }
        let path = try setting.place(HostileCase(finding.description, reader, name, .bytes([UInt8](contents)), 65, []))
        let before = try setting.programme.fingerprint()

        let result = try HostileInputEndToEndTests.run(setting.arguments(path), in: setting.programme)

        #expect(!result.timedOut, "\(result.run)")
        #expect(result.signal == nil, "\(result.run)")
        #expect([0, 65].contains(result.run.status), "\(result.run)")
        if result.run.status != 0 && reader != .token {
            #expect(result.run.stderr.hasPrefix("error: "), "\(result.run)")
            #expect(try setting.programme.fingerprint().changes(since: before) == nil, "\(result.run)")
        }
    }
}
