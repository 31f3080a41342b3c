import BenchmarkSupport
import CertificateVerification
import Foundation
import GRDB
import TrainingCore

/// Exchanging a bundle of 100,000 operations between two sites (#16: written in under 2 s, imported in
/// under 5 s): site XO-URG1 registers 25,000 people one by one, schedules 50 events, enrolls each person
/// on their own and marks each of them at two sessions one mark at a time (100,050 change-log entries,
/// each its own write, as a trainer's laptop makes them over months; entered in memory, where a write
/// costs no fsync, then backed up to a file); it writes a bundle for SA-SAM1, which imports it. The baseline, in the same run, is raw SQLite doing the least an import must: the
/// same entries copied row by row with one prepared statement into an empty table, in one transaction.
///
/// `MALAKA_BENCH=sync` runs only this benchmark.
enum SyncBenchmark {
    static let peoplePerEvent = 500

    static func run(directory: URL, divisor: Int) throws {
        let people = 25_000 / divisor, events = max(1, 50 / divisor)
        let senderPath = directory.appendingPathComponent("sync-XO-URG1.sqlite").path
        let receiverPath = directory.appendingPathComponent("sync-SA-SAM1.sqlite").path
        // The receiver as it was before the import, kept beside it: MALAKA_BENCH_SYNC_REUSE=1 with the same
        // MALAKA_BENCH_KEEP directory imports again from it without entering the operations again (profiling).
        let untouchedPath = directory.appendingPathComponent("sync-SA-SAM1-before-import.sqlite").path
        let receiver: AppDatabase
        if ProcessInfo.processInfo.environment["MALAKA_BENCH_SYNC_REUSE"] == "1",
           FileManager.default.fileExists(atPath: senderPath), FileManager.default.fileExists(atPath: untouchedPath) {
            for path in [receiverPath, directory.appendingPathComponent("sync-baseline.sqlite").path] {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            }
            try FileManager.default.copyItem(atPath: untouchedPath, toPath: receiverPath)
            receiver = try AppDatabase.open(at: receiverPath)
            print("sync: the operations entered by an earlier run, reused")
        } else {
            let (entered, fresh) = try twoSites(in: directory)
            receiver = fresh
            let entering = try seconds { try enterOperations(on: entered, people: people, events: events) }
            try entered.backup(to: senderPath)
            try receiver.backup(to: untouchedPath)
            print(String(format: "sync: operations entered at XO-URG1 in %.1f s, a write each", entering))
        }
        let sender = try AppDatabase.open(at: senderPath)
        let operations = try sender.changeLogCounts().entries
        print(String(format: "sync: %d operations at XO-URG1", operations))

        var bundle: AppDatabase.WrittenBundle?
        let file = directory.appendingPathComponent("XO-URG1-for-SA-SAM1.bundle")
        let export = try wallAndCPU {
            bundle = try sender.exportBundle(for: "SA-SAM1")
            try bundle!.data.write(to: file)
        }
        var report: SyncReport?
        let importing = try wallAndCPU {
            report = try receiver.importBundle(try Data(contentsOf: file), source: file.lastPathComponent)
        }
        let baseline = try wallAndCPU { try copyEntries(from: senderPath,
                                                        into: directory.appendingPathComponent("sync-baseline.sqlite").path) }
        guard let report, report.count(.applied) == bundle!.changes, report.count(.heldBack) == 0 else {
            throw BenchmarkFailure("the bundle's \(bundle!.changes) operations were not all applied: \(String(describing: report?.lines.prefix(3)))")
        }
        print(String(format: "sync: export of %d operations (%.1f MB) %.2f s wall, %.2f s CPU (target < 2 s)",
                     bundle!.changes, Double(bundle!.data.count) / 1e6, export.wall, export.cpu))
        print(String(format: "sync: import of %d operations, all applied, %.2f s wall, %.2f s CPU (target < 5 s)",
                     report.count(.applied), importing.wall, importing.cpu))
        print(String(format: "sync: raw SQLite copy of the entries %.2f s wall, %.2f s CPU; export %.1f×, import %.1f× of it (CPU)",
                     baseline.wall, baseline.cpu, export.cpu / baseline.cpu, importing.cpu / baseline.cpu))
    }

    /// Two joined sites of one programme, with the courses, each key certified by the programme's and trusted by both:
    /// the sender in memory, the receiver in a file.
    private static func twoSites(in directory: URL) throws -> (AppDatabase, AppDatabase) {
        let desk = try AppDatabase.inMemory()
        _ = try desk.generateSigningKey(organisation: "default", privateKeyPath: directory.appendingPathComponent("programme.key").path)
        let sites = try ["XO-URG1", "SA-SAM1"].map { code in
            let site = code == "XO-URG1" ? try AppDatabase.inMemory()
                : try AppDatabase.open(at: directory.appendingPathComponent("sync-\(code).sqlite").path, creating: true)
            try site.syncCourses(CourseCatalogue.load(directory: URL(fileURLWithPath: "courses")))
            _ = try site.joinSite(code: code, programme: "Parenting Khorezm 2026")
            let key = try site.generateSiteKey(siteCode: code, privateKeyPath: directory.appendingPathComponent("\(code).key").path)
            _ = try desk.certifySite(code, publicKey: try PublicSigningKey(base64: key.publicKey), notBefore: DayDate(year: 2019, month: 1, day: 1)!)
            return site
        }
        let keys = try desk.publicKeysFile()
        for site in sites {
            _ = try site.trustProgrammeKeys(keys, source: "programme-keys.json")
        }
        return (sites[0], sites[1])
    }

    /// People, events, enrollments and marks, each operation its own write.
    private static func enterOperations(on site: AppDatabase, people count: Int, events: Int) throws {
        let people = try FoundationBenchmark.drafts(count: count).map { try site.addParticipant($0).id! }
        let time = try TimeRange(parsing: "09:00-12:00")
        for index in 0..<events {
            let event = try site.createEvent(EventPlan(
                courseCode: "CR-MONITORING", region: FoundationBenchmark.regions[index % FoundationBenchmark.regions.count],
                trainers: ["Trainer \(index)"],
                sessions: EventPlan.consecutiveSessions(from: DayDate(year: 2019, month: 1 + index % 12, day: 1 + index / 12 % 28)!,
                                                        days: 2, time: time)),
                allowConflict: true)
            let members = people.dropFirst(index * count / events).prefix(count / events)
            for person in members {
                _ = try site.enroll(eventID: event.id, participantIDs: [person])
            }
            for session in try site.eventDetail(id: event.id).sessions {
                for person in members {
                    _ = try site.markAttendance(AttendanceMarks(eventID: event.id, date: session.date, everyoneElse: nil,
                                                                marks: [person: .present]))
                }
            }
        }
    }

    /// The raw-SQLite floor: every change-log entry of `source` copied, column for column, into a new table.
    private static func copyEntries(from source: String, into path: String) throws {
        let from = try DatabaseQueue(path: source)
        let to = try DatabaseQueue(path: path)
        let columns = try from.read { db in try db.columns(in: "change").map(\.name) }
        try to.write { db in
            try db.execute(sql: "CREATE TABLE change (\(columns.map(\.quotedDatabaseIdentifier).joined(separator: ", ")))")
            let insert = try db.makeStatement(sql: "INSERT INTO change VALUES (\(Array(repeating: "?", count: columns.count).joined(separator: ", ")))")
            try from.read { source in
                let rows = try Row.fetchCursor(source, sql: "SELECT * FROM change ORDER BY hlc")
                while let row = try rows.next() {
                    try insert.execute(arguments: StatementArguments(row.databaseValues))
                }
            }
        }
    }
}
