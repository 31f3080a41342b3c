import Crypto
import Foundation
import PDFTestSupport
import Testing
import TrainingFixtures

/// Kills `malaka` with SIGKILL at random moments and checks that nothing is lost or half-written.
///
/// Four commands are killed in turn: a participant import of 3,000 rows, an
/// attendance import of 12,000 marks, an issue of 200 certificates (one PDF
/// each and a bundle) and a `sync import` of another site's bundle of 1,000
/// people enrolled (its entries, rows and acknowledgement are the batch). Each trial copies a prepared database, starts the
/// command, kills it after a random delay up to the uninterrupted run's
/// duration, and checks what a power cut would leave (SIGKILL gives the
/// process no chance to clean up):
/// - `PRAGMA integrity_check` is ok and no foreign key is broken;
/// - the batch is wholly absent or wholly present: its rows are exactly those
///   before the command or exactly those of an uninterrupted reference run;
/// - for certificates, every PDF under its final name is complete and is the
///   file the ledger recorded (its SHA-256), and none exists when the batch is absent;
/// - running the same command again succeeds, gives the reference run's rows
///   (the same serial numbers, unique and gapless), every PDF the ledger
///   names, and leaves no temporary file behind.
///
/// `MALAKA_CRASH_TRIALS` sets the number of trials (`make crash` runs 120;
/// `make test` a few), `MALAKA_CRASH_SEED` replays a run: the seed is printed
/// first and each trial prints its delay.
@Suite(.serialized) struct CrashEndToEndTests {
    static let environment = ProcessInfo.processInfo.environment
    static let trials = environment["MALAKA_CRASH_TRIALS"].flatMap { Int($0) } ?? 4
    static let seed = environment["MALAKA_CRASH_SEED"].flatMap { UInt64($0) } ?? UInt64.random(in: 1...999_999)

    @Test func killedAtRandomMomentsLosesNothingAndTheSameCommandCompletesIt() throws {
        let scenarios = try CrashScenarios()
        print("crash: seed \(Self.seed) (replay with MALAKA_CRASH_SEED=\(Self.seed)), \(Self.trials) trials; reference runs: "
              + scenarios.all.map { "\($0.name) \(String(format: "%.2f", $0.referenceSeconds)) s" }.joined(separator: ", "))
        var random = SplitMix64(seed: Self.seed)
        var tally = CrashTally()
        // The shortest whole run seen of each command: the reference, then every second run that did the whole
        // batch. A reference timed while the machine was busy would otherwise let most runs finish before the kill.
        var shortest = scenarios.all.map(\.referenceSeconds)
        for trial in 1...Self.trials {
            let index = (trial - 1) % scenarios.all.count
            let scenario = scenarios.all[index]
            // Three kills in four fall anywhere up to a little past a whole run (opening, reading, writing, and some
            // runs finish first, which must then have succeeded); one in four as soon as the batch is committed,
            // while the PDFs are renamed and the report printed, a window too short for a random delay to find.
            let whole = shortest[index]
            let atCommit = Int.random(in: 0..<4, using: &random) == 0
            let delay = Double.random(in: 0...whole * 1.1, using: &random)
            let (line, rerunSeconds, rerunDidWholeBatch) = try scenario.trial(delay: atCommit ? nil : delay, tally: &tally)
            if rerunDidWholeBatch { shortest[index] = min(shortest[index], rerunSeconds) }
            print("crash trial \(trial)/\(Self.trials) [\(scenario.name)] kill \(atCommit ? "at the commit" : "after \(String(format: "%.3f", delay)) s"): \(line)")
        }
        print("crash: \(tally.summary) (seed \(Self.seed)); shortest whole runs: "
              + zip(scenarios.all, shortest).map { "\($0.name) \(String(format: "%.2f", $1)) s" }.joined(separator: ", "))
        // A long run in which most commands finished before the signal would have tested little.
        if Self.trials >= 30 {
            #expect(tally.killed >= Self.trials / 2, "only \(tally.killed) of \(Self.trials) runs were killed while running")
        }
    }
}

/// What the trials found, for the closing line.
struct CrashTally {
    var trials = 0
    var killed = 0
    var present = 0
    var absent = 0
    var temporariesLeft = 0
    var killedAfterCommit = 0

    var summary: String {
        "\(trials) trials, \(killed) killed while running (\(killedAfterCommit) of them after the commit; \(trials - killed) had finished), batch present after \(present), absent after \(absent); \(temporariesLeft) killed issues left temporary files for the next run to remove"
    }
}

/// The three commands, each with a prepared database and the result of an uninterrupted run.
final class CrashScenarios {
    let inputs: TemporaryProgramme
    let all: [CrashScenario]
    /// The sites whose bundle the sync scenario imports, kept while the scenarios live.
    private var syncNetwork: SyncEndToEndTests.Network?

    init() throws {
        let inputs = try TemporaryProgramme()
        self.inputs = inputs
        let names = CrashScenarios.names(3_000)

        // A participant import of 3,000 rows into an event.
        _ = try inputs.parentingEvent()
        let list = inputs.path("participants.csv")
        try CrashScenarios.participantList(names).write(toFile: list, atomically: true, encoding: .utf8)
        let importBase = inputs.path("import-base.sqlite")
        try CrashScenario.copyDatabase(inputs.databasePath, to: importBase)
        let participantImport = try CrashScenario(
            name: "participant import", base: importBase, arguments: ["participant", "import", list, "--event", "1"],
            batch: "SELECT p.id, p.fullName, p.birthYear, e.eventId FROM participant p LEFT JOIN enrollment e ON e.participantId = p.id ORDER BY p.id, e.eventId",
            unit: "participants enrolled")

        // An attendance import of 4 sessions for the 3,000 people the reference import enrolled.
        let ids = participantImport.reference.map { $0.split(separator: "|")[0] }
        let sheet = inputs.path("sign-in.csv")
        try CrashScenarios.signInSheet(ids.map(String.init)).write(toFile: sheet, atomically: true, encoding: .utf8)
        let attendanceImport = try CrashScenario(
            name: "attendance import", base: participantImport.referenceDatabase, arguments: ["attendance", "import", "1", sheet],
            batch: "SELECT e.participantId, a.sessionId, a.status FROM attendance a JOIN enrollment e ON e.id = a.enrollmentId ORDER BY 1, 2",
            unit: "marks")

        // An issue of 200 certificates to files and a bundle, from an event where all 200 came every day.
        let issuing = try TemporaryProgramme()
        _ = try issuing.parentingEvent()
        let small = issuing.path("participants.csv")
        try CrashScenarios.participantList(Array(names.prefix(200))).write(toFile: small, atomically: true, encoding: .utf8)
        try issuing.succeed(["participant", "import", small, "--event", "1"])
        for day in 25...28 {
            try issuing.succeed(["attendance", "mark", "1", "--date", "\(day).03.2019", "--all-present"])
        }
        let issueBase = inputs.path("issue-base.sqlite")
        try CrashScenario.copyDatabase(issuing.databasePath, to: issueBase)
        let certificateIssue = try CrashScenario(
            name: "certificates issue", base: issueBase,
            arguments: ["certificates", "issue", "1", "--out", "out", "--bundle", "bundle/event-1.pdf",
                        "--templates", CertificatesEndToEndTests.templates, "--issue-date", "01.04.2019"],
            batch: "SELECT serial, series, sequence, participantId, status FROM certificate ORDER BY id",
            unit: "certificates", issuesCertificates: true)

        // A bundle from another site carrying 1,000 people enrolled in its event, imported at a second site.
        let network = try SyncEndToEndTests.Network(["XO-URG1", "SA-SAM1"])
        let urgench = network["XO-URG1"]
        _ = try urgench.parentingEvent()
        let sent = urgench.path("participants.csv")
        try CrashScenarios.participantList(Array(names.prefix(1_000))).write(toFile: sent, atomically: true, encoding: .utf8)
        try urgench.succeed(["participant", "import", sent, "--event", "1"])
        let bundle = try network.bundle(from: "XO-URG1", to: "SA-SAM1", name: "for-samarkand.bundle")
        let syncBase = inputs.path("sync-base.sqlite")
        try CrashScenario.copyDatabase(network["SA-SAM1"].databasePath, to: syncBase)
        let syncImport = try CrashScenario(
            name: "sync import", base: syncBase, arguments: ["sync", "import", bundle],
            batch: """
                SELECT 'entry', site, siteSequence, hash FROM change WHERE site = 'XO-URG1'
                UNION ALL SELECT 'person', p.uuid, p.fullName, e.uuid FROM participant p LEFT JOIN enrollment e ON e.participantId = p.id
                UNION ALL SELECT 'acknowledged', site, acknowledged, '' FROM syncPeer ORDER BY 1, 2, 3
                """,
            unit: "rows of the bundle")
        syncNetwork = network

        all = [participantImport, attendanceImport, certificateIssue, syncImport]
    }

    /// `count` different names, surname first as sign-up lists write them; none differs from another by one letter only.
    static func names(_ count: Int) -> [String] {
        let surnames = ["Karimova", "Ismoilova", "Yusupova", "Rahimova", "Sapayeva", "Qurbonova", "Abdullayeva", "Toʻxtayeva",
                        "Hamroyeva", "Nazarova", "Tursunova", "Aliyeva", "Saidova", "Xolmatova", "Ergasheva", "Mirzayeva",
                        "Yoqubova", "Sobirova", "Usmonova", "Jurayeva", "Qodirova", "Rustamova", "Olimova", "Sharipova",
                        "Boboyeva", "Nurmatova", "Haydarova", "Zokirova", "Latipova", "Murodova"]
        let given = ["Gulnora", "Lola", "Dilfuza", "Malika", "Hulkar", "Shohida", "Nodira", "Zarina", "Feruza", "Madina",
                     "Dilnoza", "Sevara", "Kamola", "Nigora", "Barno", "Mohira", "Umida", "Yulduz", "Zulfiya", "Saodat",
                     "Munisa", "Charos", "Gavhar", "Iroda", "Oydin", "Rano", "Sarvinoz", "Shahlo", "Dildora", "Nilufar",
                     "Mavluda", "Xurshida", "Sitora", "Marjona", "Diyora", "Robiya", "Ozoda", "Fotima", "Zilola", "Nasiba",
                     "Manzura", "Durdona", "Komila", "Gulchehra", "Muattar", "Hilola", "Nargiza", "Laylo", "Shoira", "Asal",
                     "Jasmina", "Muslima", "Parizoda", "Xadicha", "Bahora", "Guli", "Mehribon", "Sabina", "Oysha", "Zuhra",
                     "Mavjuda", "Dilbar", "Gulbahor", "Tamara", "Nazira", "Orzigul", "Sanobar", "Shahnoza", "Mukaddas", "Farida",
                     "Kumush", "Lobar", "Maʼmura", "Nazokat", "Xosiyat", "Ziyoda", "Ruxsora", "Anora", "Aziza", "Dilorom",
                     "Gulsara", "Hanifa", "Inobat", "Jamila", "Karomat", "Latofat", "Maftuna", "Nafisa", "Odina", "Qunduz",
                     "Rayhona", "Sayyora", "Toʻlgʻanoy", "Vasila", "Xilola", "Yorqinoy", "Zebo", "Oygul", "Bonu", "Mahliyo"]
        return Array(surnames.lazy.flatMap { surname in given.map { "\(surname) \($0)" } }.prefix(count))
    }

    static func participantList(_ names: [String]) -> String {
        "F.I.Sh.;Jinsi;Tugʻilgan yili;Viloyat\n"
            + names.enumerated().map { "\($1);ayol;\(1960 + $0 % 40);Xorazm\n" }.joined()
    }

    /// One row per person by number, a column per day, in the marks trainers write.
    static func signInSheet(_ ids: [String]) -> String {
        let marks = ["+", "+", "kech", "-", "+", "sababli", "+"]
        return "Id,25.03.2019,26.03.2019,27.03.2019,28.03.2019\n"
            + ids.enumerated().map { index, id in
                id + (0..<4).map { "," + marks[(index + $0 * 3) % marks.count] }.joined() + "\n"
            }.joined()
    }
}

/// One command to kill: its prepared database, and what an uninterrupted run of it gives.
struct CrashScenario {
    let name: String
    let base: String
    let arguments: [String]
    /// The rows the command writes, one line each.
    let batch: String
    let unit: String
    let issuesCertificates: Bool
    /// The batch before the command, and after an uninterrupted run.
    let before: [String]
    let reference: [String]
    let referenceFiles: [String]
    let referenceSeconds: Double
    /// The database after the uninterrupted run, which the next scenario may start from.
    let referenceDatabase: String
    /// Keeps the reference run's directory while the scenarios live.
    private let referenceProgramme: TemporaryProgramme

    init(name: String, base: String, arguments: [String], batch: String, unit: String, issuesCertificates: Bool = false) throws {
        (self.name, self.base, self.arguments, self.batch, self.unit, self.issuesCertificates)
            = (name, base, arguments, batch, unit, issuesCertificates)
        before = try DatabaseProbe(path: base).rows(batch)
        let programme = try Self.programme(from: base)
        let started = Date()
        let run = try programme.run(arguments)
        referenceSeconds = Date().timeIntervalSince(started)
        try #require(run.status == 0, "the reference run of \(name) failed: \(run)")
        reference = try DatabaseProbe(path: programme.databasePath).rows(batch)
        try #require(reference.count > before.count, "the reference run of \(name) wrote nothing")
        referenceFiles = issuesCertificates ? Self.finalPDFs(in: programme.path("out")) : []
        referenceDatabase = programme.databasePath
        referenceProgramme = programme
    }

    /// A programme directory holding a copy of `base`.
    static func programme(from base: String) throws -> TemporaryProgramme {
        let programme = try TemporaryProgramme(.noDatabase)
        try copyDatabase(base, to: programme.databasePath)
        return programme
    }

    /// Copies a database that no process has open, with its write-ahead log if one was left.
    static func copyDatabase(_ source: String, to destination: String) throws {
        let fileManager = FileManager.default
        for suffix in ["", "-wal"] where fileManager.fileExists(atPath: source + suffix) {
            try? fileManager.removeItem(atPath: destination + suffix)
            try fileManager.copyItem(atPath: source + suffix, toPath: destination + suffix)
        }
    }

    /// Starts the command on a fresh copy, kills it after `delay` seconds (nil: as soon as the batch is
    /// committed), checks, runs it again and checks.
    ///
    /// - Returns: one line saying what was checked (every check is also an expectation), how long the second
    ///   run took, and whether it wrote the whole batch (the first run's batch was absent).
    func trial(delay: Double?, tally: inout CrashTally) throws -> (line: String, rerunSeconds: Double, rerunDidWholeBatch: Bool) {
        let programme = try Self.programme(from: base)
        let started = Date()
        let running = try MalakaProcess.launch(arguments + ["--db", programme.databasePath], in: programme.directory)
        if let delay {
            Thread.sleep(forTimeInterval: delay)
        } else {
            waitForCommit(programme, running)
        }
        kill(running.process.processIdentifier, SIGKILL)
        let delay = delay ?? Date().timeIntervalSince(started)
        let killedRun = running.finish()
        let wasKilled = running.process.terminationReason == .uncaughtSignal
        tally.trials += 1
        if wasKilled { tally.killed += 1 }
        // A run that ended before the signal must have succeeded.
        #expect(wasKilled || killedRun.status == 0, "\(name): \(killedRun)")
        var notes = [wasKilled ? "killed" : "had finished (exit \(killedRun.status))"]

        // After the kill: a sound file, and the batch all or nothing.
        let probe = DatabaseProbe(path: programme.databasePath)
        let integrity = try probe.integrity()
        let brokenReferences = try probe.foreignKeyViolations()
        #expect(integrity == "ok", "\(name) after a kill at \(delay) s")
        #expect(brokenReferences == 0, "\(name) after a kill at \(delay) s")
        notes.append("integrity \(integrity), \(brokenReferences) broken references")
        let rows = try probe.rows(batch)
        let present = rows == reference
        #expect(present || rows == before,
                "\(name) after a kill at \(delay) s left \(rows.count) rows: neither the \(before.count) before nor the \(reference.count) of a whole run")
        if present { tally.present += 1 } else if rows == before { tally.absent += 1 }
        if present && wasKilled { tally.killedAfterCommit += 1 }
        notes.append("batch \(present ? "present" : rows == before ? "absent" : "PARTIAL") (\(rows.count - before.count) of \(reference.count - before.count) \(unit))")
        if issuesCertificates {
            notes.append(try checkFilesAfterKill(programme, batchPresent: present, tally: &tally))
        }

        // The same command again completes the batch as an uninterrupted run would.
        let rerunStarted = Date()
        let rerun = try programme.run(arguments)
        let rerunSeconds = Date().timeIntervalSince(rerunStarted)
        #expect(rerun.status == 0, "\(name) run again after a kill at \(delay) s: \(rerun)")
        #expect(!rerun.stderr.contains("locked"), "\(rerun)")
        let after = try probe.rows(batch)
        #expect(after == reference, "\(name) run again after a kill at \(delay) s differs from the reference run")
        #expect(try probe.integrity() == "ok")
        notes.append("run again: exit \(rerun.status), \(after == reference ? "same \(after.count) rows as the reference" : "ROWS DIFFER")")
        if issuesCertificates {
            notes.append(try checkFilesAfterRerun(programme, ledger: after))
        }
        return (notes.joined(separator: "; "), rerunSeconds, rows == before && rerun.status == 0)
    }

    /// Returns once the batch's rows appear (polled every millisecond), or the process ended, or after a minute.
    private func waitForCommit(_ programme: TemporaryProgramme, _ running: RunningMalaka) {
        let probe = DatabaseProbe(path: programme.databasePath)
        let deadline = Date().addingTimeInterval(60)
        while running.process.isRunning && Date() < deadline {
            // Fails while the process has not opened the file yet; that is not the commit either.
            if let count = try? probe.rows("SELECT COUNT(*) FROM (\(batch))").first, Int(count) != before.count { return }
            usleep(1_000)
        }
    }

    /// Every PDF under its final name is whole and recorded; temporaries may be left, and are counted.
    private func checkFilesAfterKill(_ programme: TemporaryProgramme, batchPresent: Bool, tally: inout CrashTally) throws -> String {
        let finals = Self.finalPDFs(in: programme.path("out"))
        let bundle = programme.path("bundle/event-1.pdf")
        let bundleExists = FileManager.default.fileExists(atPath: bundle)
        if !batchPresent {
            // Files are renamed only after the commit: with nothing recorded, nothing may carry a final name.
            #expect(finals.isEmpty && !bundleExists, "\(name): \(finals.count) PDFs and a bundle (\(bundleExists)) for an absent batch")
        }
        let recorded = try ledgerHashes(programme)
        var whole = 0
        for file in finals {
            let data = try Data(contentsOf: URL(fileURLWithPath: programme.path("out/\(file)")))
            let serial = String(file.prefix { $0 != "_" })
            #expect(Self.isWholePDF(data), "\(name): \(file) is not a whole PDF after a kill")
            #expect(recorded[serial] == Self.sha256(data), "\(name): \(file) is not the file the ledger recorded")
            if Self.isWholePDF(data) && recorded[serial] == Self.sha256(data) { whole += 1 }
        }
        if bundleExists {
            #expect(Self.isWholePDF(try Data(contentsOf: URL(fileURLWithPath: bundle))), "\(name): the bundle is not whole after a kill")
        }
        let temporaries = temporaryFiles(programme)
        if !temporaries.isEmpty { tally.temporariesLeft += 1 }
        return "\(finals.count) final-named PDFs, \(whole) whole and as recorded, bundle \(bundleExists ? "whole" : "absent"), \(temporaries.count) temporaries left"
    }

    /// After the second run: the reference's files, each the one the ledger names, a whole bundle, no temporaries.
    private func checkFilesAfterRerun(_ programme: TemporaryProgramme, ledger: [String]) throws -> String {
        let sequences = ledger.map { Int($0.split(separator: "|")[2]) ?? 0 }
        let serials = ledger.map { $0.split(separator: "|")[0] }
        #expect(Set(serials).count == serials.count, "\(name): duplicate serials")
        #expect(sequences == Array(1...ledger.count), "\(name): serial numbers are not 1…\(ledger.count) in order")
        let finals = Self.finalPDFs(in: programme.path("out"))
        #expect(finals == referenceFiles, "\(name): \(finals.count) files, the reference run wrote \(referenceFiles.count)")
        let recorded = try ledgerHashes(programme)
        var matching = 0
        for file in finals {
            let data = try Data(contentsOf: URL(fileURLWithPath: programme.path("out/\(file)")))
            if Self.isWholePDF(data) && recorded[String(file.prefix { $0 != "_" })] == Self.sha256(data) { matching += 1 }
        }
        #expect(matching == ledger.count, "\(name): \(matching) of \(ledger.count) PDFs are whole and as recorded")
        let pages = try PDFTools.info(of: URL(fileURLWithPath: programme.path("bundle/event-1.pdf")))["Pages"].flatMap { Int($0) }
        #expect(pages == ledger.count, "\(name): the bundle has \(pages ?? 0) pages")
        let temporaries = temporaryFiles(programme)
        #expect(temporaries.count == 0, "\(name): temporaries left after a run that succeeded, such as \(temporaries.prefix(3))")
        return "serials 1…\(sequences.last ?? 0) unique and gapless, \(matching) PDFs whole and as recorded, bundle \(pages ?? 0) pages (pdfinfo), \(temporaries.count) temporaries"
    }

    /// Serial → the SHA-256 the ledger recorded for its own PDF.
    private func ledgerHashes(_ programme: TemporaryProgramme) throws -> [String: String] {
        let rows = try DatabaseProbe(path: programme.databasePath).rows("SELECT serial, pdfSHA256 FROM certificate WHERE pdfSHA256 IS NOT NULL")
        return Dictionary(uniqueKeysWithValues: rows.map { row in
            let parts = row.split(separator: "|").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
            return (parts[0], parts[1])
        })
    }

    /// Hidden files beside the final ones: what an issuing run writes before it renames.
    private func temporaryFiles(_ programme: TemporaryProgramme) -> [String] {
        ["out", "bundle"].flatMap { folder in
            ((try? FileManager.default.contentsOfDirectory(atPath: programme.path(folder))) ?? []).filter { $0.hasPrefix(".") }
        }
    }

    static func finalPDFs(in folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    /// Starts as a PDF and ends with the end-of-file marker cairo writes last.
    static func isWholePDF(_ data: Data) -> Bool {
        let tail = String(decoding: data.suffix(16), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return data.starts(with: Data("%PDF-".utf8)) && tail.hasSuffix("%%EOF")
    }

    static func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }
}

@Suite struct AbandonedTemporaryFilesEndToEndTests {
    /// What an issue killed midway leaves goes with the next issue into the folder; another live run's files stay.
    @Test func issuingRemovesTemporariesOfDeadRunsOnly() throws {
        // Given a training, and temporaries in its folders from a process that has ended and one that still runs
        let training = try CertificatesEndToEndTests.Training([("Lola Ismoilova", "uz-Latn")])
        let ended = try ChildProcess(executable: URL(fileURLWithPath: "/bin/true"), arguments: [],
                                     environment: [:], directory: FileManager.default.temporaryDirectory)
        ended.waitUntilExit()
        let dead = ended.processIdentifier
        let alive = ProcessInfo.processInfo.processIdentifier
        let fileManager = FileManager.default
        try fileManager.createDirectory(atPath: training.programme.path("out"), withIntermediateDirectories: true)
        try fileManager.createDirectory(atPath: training.programme.path("all"), withIntermediateDirectories: true)
        let planted = [
            "out/.UZ-2019-000001_Lola_Ismoilova.pdf.\(dead).partial", "out/.UZ-2019-000007_Someone.pdf.\(dead).partial",
            "all/.khorezm.pdf.\(dead).partial", "out/.UZ-2019-000002_Other.pdf.\(alive).partial",
            "all/.other-bundle.pdf.\(dead).partial", "out/.notes.txt",
        ]
        for path in planted {
            try Data("%PDF-1.5 cut short".utf8).write(to: URL(fileURLWithPath: training.programme.path(path)))
        }

        // When certificates are issued into those folders
        _ = try training.programme.succeed(training.issueArguments(["--out", "out", "--bundle", "all/khorezm.pdf"]))

        // Then the dead run's temporaries for PDFs in the folder and for this bundle are gone, and nothing else is
        #expect(training.files(in: "out") == [
            ".UZ-2019-000002_Other.pdf.\(alive).partial", ".notes.txt", "UZ-2019-000001_Lola_Ismoilova.pdf",
        ])
        #expect(training.files(in: "all") == [".other-bundle.pdf.\(dead).partial", "khorezm.pdf"])
    }
}
