import Foundation
import Testing

/// Runs every case of ``HostileInputCorpus`` through the built `malaka` binary on a programme of its own.
///
/// Each case must be refused: the expected exit status (not a signal), a first
/// line starting “error:” (or, for a token, the verdict FORGED with its reason),
/// every expected fragment naming where and what, the database byte for byte as
/// it was, and all of it within the time limit: a reader that hangs or swallows
/// gigabytes fails here rather than on a district office's laptop.
@Suite struct HostileInputEndToEndTests {
    /// Far above what any case needs (the slowest, a 70 MB CSV, takes about two seconds in a debug build).
    static let timeLimit: TimeInterval = 30

    @Test(arguments: HostileInputCorpus.cases)
    func refusedWithoutChange(_ hostile: HostileCase) throws {
        let setting = try Setting(for: hostile.reader)
        let path = try setting.place(hostile)
        let before = try setting.programme.fingerprint()

        let result = try Self.run(setting.arguments(path), in: setting.programme)

        #expect(!result.timedOut, "no answer within \(Self.timeLimit) s: \(result.run)")
        #expect(result.signal == nil, "killed by signal \(result.signal ?? 0), a crash: \(result.run)")
        let run = result.run
        let fragments = hostile.mentioning.map { $0.replacingOccurrences(of: "{file}", with: path) }
        if hostile.reader == .token || (hostile.status == 65 && run.stdout.hasPrefix("FORGED")) {
            // A token that cannot be trusted is a verdict, printed on stdout with its reason, not a usage error.
            #expect(run.status == hostile.status, "\(run)")
            for fragment in fragments {
                #expect((run.stdout + run.stderr).contains(fragment), "the answer names “\(fragment)”: \(run)")
            }
        } else {
            expectRefusal(run, status: hostile.status, mentioning: fragments)
        }
        let changes = try setting.programme.fingerprint().changes(since: before)
        #expect(changes == nil, "the database changed:\n\(changes ?? "")\n\(run)")
    }

    /// The corpus covers every reader, so that a new file type added without hostile cases shows up here.
    @Test func everyReaderHasCases() {
        let readers = Set(HostileInputCorpus.cases.map(\.reader.rawValue))
        #expect(readers.count == 8, "\(readers.sorted())")
        #expect(HostileInputCorpus.cases.count >= 90)
    }

    // MARK: Running with a time limit

    struct TimedResult {
        var run: MalakaResult
        var timedOut: Bool
        var signal: Int32?
    }

    /// Runs `malaka` and kills it with SIGKILL if it outlives ``timeLimit``.
    static func run(_ arguments: [String], in programme: TemporaryProgramme) throws -> TimedResult {
        let running = try MalakaProcess.launch(arguments + ["--db", programme.databasePath], in: programme.directory, timeLimit: timeLimit)
        let run = running.finish()
        let process = running.process
        let signal = process.terminationReason == .uncaughtSignal && !running.wasStopped ? process.terminationStatus : nil
        return TimedResult(run: run, timedOut: running.wasStopped, signal: signal)
    }

    // MARK: What each reader needs

    /// A programme holding what the reader needs, and the command that reads the hostile file.
    struct Setting {
        let programme: TemporaryProgramme
        let reader: HostileCase.Reader
        var event: Int64 = 0
        var folder = ""

        init(for reader: HostileCase.Reader) throws {
            self.reader = reader
            programme = try TemporaryProgramme()
            switch reader {
            case .participantList:
                break
            case .signInSheet:
                event = try programme.parentingEvent()
                try programme.enroll(event, [programme.addParticipant("G\u{02BB}ulomjon O\u{02BB}rinboyev")])
            case .courseFile:
                folder = programme.path("courses")
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            case .template:
                event = try programme.parentingEvent()
                try programme.enroll(event, [programme.addParticipant("Lola Ismoilova", ["--language", "en"])])
                for day in 25...28 {
                    try programme.succeed(["attendance", "mark", String(event), "--date", "\(day).03.2019", "--all-present"])
                }
                folder = programme.path("templates")
                let images = folder + "/images"
                try FileManager.default.createDirectory(atPath: images, withIntermediateDirectories: true)
                let emblem = TemporaryProgramme.repositoryRoot.appendingPathComponent("certificate-templates/images/emblem.png").path
                try FileManager.default.copyItem(atPath: emblem, toPath: images + "/emblem.png")
                try FileManager.default.createSymbolicLink(atPath: images + "/outside.png", withDestinationPath: emblem)
                try Data("GIF89a, not a PNG".utf8).write(to: URL(fileURLWithPath: images + "/fake.png"))
                // A PNG header claiming 65,535 × 65,535 pixels: 16 GB once decoded.
                try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
                          0, 0, 0xFF, 0xFF, 0, 0, 0xFF, 0xFF, 8, 6, 0, 0, 0]).write(to: URL(fileURLWithPath: images + "/huge.png"))
            case .token, .certificateFile, .keysFile, .revocationList:
                try programme.succeed(["keys", "generate", "--organisation", "default", "--out", programme.path("signing.key")])
                try programme.succeed(["keys", "export-public", "--out", programme.path("public-keys.json")])
            }
        }

        /// Writes the case's file where the reader looks for it; returns its path.
        func place(_ hostile: HostileCase) throws -> String {
            let path = folder.isEmpty ? programme.path(hostile.file) : folder + "/" + hostile.file
            let url = URL(fileURLWithPath: path)
            switch hostile.contents {
            case let .text(text): try Data(text.utf8).write(to: url)
            case let .bytes(bytes): try Data(bytes).write(to: url)
            case let .fixture(relative): try Data(contentsOf: TemporaryProgramme.repositoryRoot.appendingPathComponent(relative)).write(to: url)
            case let .generated(make): try make().write(to: url)
            case let .sparse(size):
                guard FileManager.default.createFile(atPath: path, contents: nil) else { throw CocoaError(.fileWriteUnknown) }
                let handle = try FileHandle(forWritingTo: url)
                try handle.truncate(atOffset: UInt64(size))
                try handle.close()
            case .folder: try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            case let .link(target): try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: target)
            case .missing: break
            }
            return path
        }

        func arguments(_ path: String) throws -> [String] {
            let keys = ["--keys", programme.path("public-keys.json")]
            let madeUp = "MLK1:" + HostileInputCorpus.base45([1] + Array(repeating: 0, count: 120))
            switch reader {
            case .participantList: return ["participant", "import", path]
            case .signInSheet: return ["attendance", "import", String(event), path]
            case .courseFile: return ["course", "sync", "--dir", folder]
            case .template:
                return ["certificates", "issue", String(event), "--templates", folder, "--template", "hostile",
                        "--issue-date", "01.04.2019", "--bundle", programme.path("all.pdf")]
            case .token:
                let token = try String(contentsOfFile: path, encoding: .utf8)
                return ["certificates", "verify", token] + keys
            case .certificateFile: return ["certificates", "verify", path] + keys
            case .keysFile: return ["certificates", "verify", madeUp, "--keys", path]
            case .revocationList: return ["certificates", "verify", madeUp] + keys + ["--revocations", path]
            }
        }
    }
}
