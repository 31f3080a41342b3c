import Foundation
import Testing

/// Several `malaka` processes enrolling, marking attendance and issuing certificates on one database at once.
///
/// Each worker is a thread that runs its own commands one after another, so
/// that as many `malaka` processes as workers run at any moment, the way
/// trainers on a shared folder would: it registers its people, enrolls them
/// one command each, marks four days, issues their certificates, and finally
/// every worker issues the whole event's certificates at the same moment.
/// Then every write must be there exactly once, no command may have failed
/// (in particular with "database is locked"), and the serial numbers must be
/// 1…N in their series, without gaps or duplicates.
///
/// `MALAKA_CONCURRENCY_ROUNDS` repeats each case (`make crash` runs 10; `make test` 1).
@Suite struct ConcurrentUseEndToEndTests {
    static let rounds = ProcessInfo.processInfo.environment["MALAKA_CONCURRENCY_ROUNDS"].flatMap { Int($0) } ?? 1
    static let peoplePerWorker = 5

    @Test(arguments: [2, 4])
    func workersAtOnceWriteEverythingExactlyOnceWithGaplessSerials(workers: Int) throws {
        for round in 1...Self.rounds {
            let line = try Self.round(workers: workers)
            print("concurrent use: \(workers) processes at once, round \(round)/\(Self.rounds): \(line)")
        }
    }

    /// One programme, `workers` workers, and every check; returns a line saying what was checked.
    static func round(workers: Int) throws -> String {
        let programme = try TemporaryProgramme()
        let event = try programme.parentingEvent()
        let names = CrashScenarios.names(workers * peoplePerWorker)
        let templates = CertificatesEndToEndTests.templates
        let results = Results<MalakaResult>()
        let issued = Results<MalakaResult>()
        // Threads share only values: the paths, not the programme object.
        let (database, directory) = (programme.databasePath, programme.directory)
        @Sendable func malaka(_ arguments: [String]) throws -> MalakaResult {
            try MalakaProcess.run(arguments + ["--db", database], in: directory)
        }

        try runAtOnce(workers) { worker in
            let mine = Array(names[(worker * peoplePerWorker)..<((worker + 1) * peoplePerWorker)])
            func run(_ arguments: [String]) throws -> MalakaResult {
                let result = try malaka(arguments)
                results.append(result)
                return result
            }
            var ids: [String] = []
            for name in mine {
                let added = try run(["participant", "add", "--name", name, "--region", "Xorazm", "--json"])
                if let person = try? JSONDecoder().decode(ParticipantJSON.self, from: Data(added.stdout.utf8)) {
                    ids.append(String(person.id))
                }
            }
            for id in ids {
                _ = try run(["enroll", String(event), id])
            }
            for day in 25...28 {
                // One came late on the third day: marks other than present must land too.
                let late = day == 27 ? ["--late", ids[0]] : []
                _ = try run(["attendance", "mark", String(event), "--date", "\(day).03.2019", "--present"]
                            + ids.dropFirst(day == 27 ? 1 : 0) + late)
            }
            issued.append(try run(["certificates", "issue", String(event)] + ids
                                  + ["--out", "out-\(worker)", "--templates", templates, "--issue-date", "01.04.2019", "--json"]))
        }
        // Then all at once, each the whole event: the people already hold certificates, so none is new.
        try runAtOnce(workers) { worker in
            results.append(try malaka(["certificates", "issue", String(event), "--bundle", "all-\(worker).pdf",
                                              "--templates", templates, "--issue-date", "01.04.2019"]))
        }

        let all = results.values
        // The first issue makes the programme's signing key and says so; racing issues must make exactly one.
        let keyNotices = all.filter { $0.stderr.hasPrefix("Created the signing key") }
        #expect(keyNotices.count == 1, "\(keyNotices.count) commands created a signing key")
        let failed = all.filter { $0.status != 0 || !($0.stderr.isEmpty || $0.stderr.hasPrefix("Created the signing key")) }
        #expect(failed.isEmpty, "\(failed.count) of \(all.count) commands failed or complained, such as: \(failed.prefix(2))")
        let locked = all.filter { $0.stderr.localizedCaseInsensitiveContains("locked") || $0.stderr.localizedCaseInsensitiveContains("busy") }
        #expect(locked.isEmpty, "\(locked.count) commands found the database locked or busy, such as: \(locked.prefix(1))")

        let count = workers * peoplePerWorker
        let probe = DatabaseProbe(path: programme.databasePath)
        #expect(try probe.integrity() == "ok")
        let people = try probe.rows("SELECT fullName FROM participant ORDER BY fullName")
        #expect(people == names.map { "\"\($0)\"" }.sorted(), "each person registered once")
        let enrolled = try probe.rows("SELECT participantId FROM enrollment WHERE eventId = \(event)")
        #expect(enrolled.count == count && Set(enrolled).count == count, "each person enrolled once")
        let marks = try probe.rows("""
            SELECT a.status, COUNT(*) FROM attendance a JOIN enrollment e ON e.id = a.enrollmentId
            WHERE e.eventId = \(event) GROUP BY a.status ORDER BY a.status
            """)
        #expect(marks == ["\"late\"|\(workers)", "\"present\"|\(count * 4 - workers)"], "every mark once: \(marks)")
        let ledger = try probe.rows("SELECT serial, series, sequence, participantId FROM certificate WHERE status = 'valid' ORDER BY series, sequence")
        let serials = ledger.map { $0.split(separator: "|")[0] }
        let sequences = ledger.map { Int($0.split(separator: "|")[2]) ?? 0 }
        let holders = ledger.map { $0.split(separator: "|")[3] }
        #expect(ledger.count == count && Set(holders).count == count, "one certificate per person: \(ledger.count) for \(count)")
        #expect(Set(serials).count == serials.count, "serials unique")
        #expect(Set(ledger.map { $0.split(separator: "|")[1] }).count == 1 && sequences == Array(1...count),
                "one series numbered 1…\(count) without gaps: \(sequences)")
        // What each worker was told it issued is what the ledger holds.
        let told = issued.values.flatMap { (try? JSONDecoder().decode([IssuedJSON].self, from: Data($0.stdout.utf8))) ?? [] }
        #expect(Set(told.map { "\"\($0.serial)\"" }) == Set(serials.map(String.init)), "the issuing commands reported the ledger's serials")
        return "\(all.count) commands, \(failed.count) failed, \(locked.count) locked; integrity ok; \(people.count) people, \(enrolled.count) enrollments, \(count * 4) marks, \(ledger.count) certificates numbered 1…\(sequences.last ?? 0), each once"
    }

    /// Runs `body` for workers 0..<count on threads of their own, started together, and waits for all.
    static func runAtOnce(_ count: Int, _ body: @escaping @Sendable (Int) throws -> Void) throws {
        let start = DispatchSemaphore(value: 0)
        let done = DispatchGroup()
        let errors = Results<String>()
        for worker in 0..<count {
            done.enter()
            Thread.detachNewThread {
                start.wait()
                do { try body(worker) } catch { errors.append("worker \(worker): \(error)") }
                done.leave()
            }
        }
        for _ in 0..<count { start.signal() }
        done.wait()
        #expect(errors.values.isEmpty, "\(errors.values)")
    }
}

/// Values gathered from several threads.
final class Results<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [Value] = []

    func append(_ value: Value) {
        lock.withLock { stored.append(value) }
    }

    var values: [Value] { lock.withLock { stored } }
}
