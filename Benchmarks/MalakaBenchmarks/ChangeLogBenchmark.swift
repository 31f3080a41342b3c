import BenchmarkSupport
import Foundation
import GRDB
@_spi(Benchmarking) import TrainingCore

/// What the change log costs (#16: at most 25 %): the 100,000 participants added in one transaction,
/// the 1,000,000 attendance marks (1,000 events of 100 people over 10 sessions, a write per event) and
/// the 100,000-row participant import, each on a database that records every change, then on one that
/// captures none, in the same run. Both have the identifier columns (uuid, originSite); the difference is
/// the capture, the entries and the rows' versions.
///
/// `MALAKA_BENCH=changelog` runs only this benchmark.
enum ChangeLogBenchmark {
    struct Figures {
        var people = 0.0
        var marks = 0.0
        var importing = 0.0
        /// CPU seconds of the same three (the marks with their events' creation): on a loaded machine the
        /// wall clock is mostly waiting for the disk, which the recorded run, writing twice the bytes, waits for more.
        var cpu = (people: 0.0, marks: 0.0, importing: 0.0)

        /// Each figure the smaller of the two.
        func best(with other: Figures) -> Figures {
            Figures(people: min(people, other.people), marks: min(marks, other.marks), importing: min(importing, other.importing),
                    cpu: (min(cpu.people, other.cpu.people), min(cpu.marks, other.cpu.marks), min(cpu.importing, other.cpu.importing)))
        }
    }

    static func run(directory: URL, divisor: Int) throws {
        let list = directory.appendingPathComponent("changelog-participants.csv")
        _ = try ImportBenchmark.writeList(to: list, rows: 100_000 / divisor)
        // On a shared machine one run's figures move by a fifth from one minute to the next, and whichever of the
        // two goes first pays for the memory the process grows into: rounds in alternating order, the best of each
        // kept (`MALAKA_BENCH_ROUNDS`, 3 by default, 1 with `--tiny`).
        let rounds = divisor > 1 ? 1 : ProcessInfo.processInfo.environment["MALAKA_BENCH_ROUNDS"].flatMap(Int.init) ?? 3
        var best: [Bool: Figures] = [:]
        for round in 0..<rounds {
            for recording in round % 2 == 0 ? [true, false] : [false, true] {
                let figure = try measure(recording: recording, round: round, list: list, directory: directory, divisor: divisor)
                best[recording] = best[recording].map { $0.best(with: figure) } ?? figure
            }
        }
        let with = best[true]!, without = best[false]!
        print(String(format: "change log: recorded ÷ not recorded, the best of %d rounds: participants %.2f×, marks %.2f×, import %.2f× (target ≤ 1.25×)",
                     rounds, with.people / without.people, with.marks / without.marks, with.importing / without.importing))
        print(String(format: "change log: CPU recorded ÷ not recorded, the best of %d rounds: participants %.2f× (%.2f s ÷ %.2f s), marks %.2f× (%.2f ÷ %.2f), import %.2f× (%.2f ÷ %.2f)",
                     rounds, with.cpu.people / without.cpu.people, with.cpu.people, without.cpu.people,
                     with.cpu.marks / without.cpu.marks, with.cpu.marks, without.cpu.marks,
                     with.cpu.importing / without.cpu.importing, with.cpu.importing, without.cpu.importing))
    }

    /// One round of one side: the people, the marks and the import, on new databases deleted afterwards.
    private static func measure(recording: Bool, round: Int, list: URL, directory: URL, divisor: Int) throws -> Figures {
        var figure = Figures()
        let paths = ["changelog-\(recording)-\(round).sqlite", "changelog-import-\(recording)-\(round).sqlite"].map {
            directory.appendingPathComponent($0).path
        }
        defer {
            for path in paths {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            }
        }
        let database = try open(at: paths[0], recording: recording)
        var participants: [Participant] = []
        let drafts = FoundationBenchmark.drafts(count: 100_000 / divisor)
        (figure.people, figure.cpu.people) = try wallAndCPU { participants = try database.addParticipants(drafts) }
        figure.cpu.marks = try wallAndCPU {
            figure.marks = try FoundationBenchmark.recordMarks(database, participants: participants, eventCount: 1_000 / divisor).marks
        }.cpu
        let importing = try open(at: paths[1], recording: recording)
        (figure.importing, figure.cpu.importing) = try wallAndCPU {
            _ = try importing.importParticipants(fromFile: list.path, options: ParticipantImportOptions())
        }
        let counts = try database.changeLogCounts()
        if recording && round == 0 {
            // What recording leaves to the next import: the versions of the rows of the people and the marks.
            let catchUp = try wallAndCPU { try database.catchUpRowVersions() }
            print(String(format: "change log: the rows' versions written at the next import: %.2f s (CPU %.2f s)", catchUp.wall, catchUp.cpu))
        }
        print(String(format: "change log: round %d, %@: %d participants %.2f s (CPU %.2f), %d marks %.2f s (CPU %.2f), a %d-row import %.2f s (CPU %.2f) (%d entries, %d rows left staged)",
                     round + 1, recording ? "recorded" : "not recorded", drafts.count, figure.people, figure.cpu.people,
                     1_000 / divisor * FoundationBenchmark.peoplePerEvent * FoundationBenchmark.sessionsPerEvent, figure.marks, figure.cpu.marks,
                     100_000 / divisor, figure.importing, figure.cpu.importing, counts.entries, counts.staged))
        return figure
    }

    /// A new database with the course catalogue; without `recording`, its changes are not captured, so no
    /// entry is made.
    static func open(at path: String, recording: Bool) throws -> AppDatabase {
        let database = try AppDatabase.open(at: path, creating: true)
        try database.syncCourses(CourseCatalogue.load(directory: URL(fileURLWithPath: "courses")))
        if !recording {
            try database.stopCapturingChanges()
        }
        return database
    }
}
