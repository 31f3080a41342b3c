import Foundation
import Testing
@testable import TrainingCore

/// The property of #16: three sites working offline, bundles exchanged in any order with drops and
/// duplicates, and after everything is delivered all three hold the same content, no mark is lost, every
/// serial is unique and every certificate verifies with the programme's key alone.
///
/// 200 seeds by default (part of `make test`), and the ``regressionSeeds``; `MALAKA_SYNC_CASES=N` runs N (`make sync-soak` runs 5,000) and
/// `MALAKA_SYNC_SEED=N` replays one seed, or several ("8 17 25", as a failing run prints them). A seed replays its
/// operations, not the clock's readings that order the sites' concurrent changes, so the first failing seed prints its
/// trace: each import's outcome and each site's change log. Sessions that have marks are
/// deleted with `--force` too (``SyncSimulation/forcesDeletions``); `MALAKA_SYNC_FORCED_DELETES=0` turns that off to
/// replay a seed of an earlier run. Seeds run on every core.
@Suite struct SyncPropertyTests {
    static var seeds: [UInt64] {
        let environment = ProcessInfo.processInfo.environment
        if let given = environment["MALAKA_SYNC_SEED"] {
            return given.split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { UInt64($0) }
        }
        let cases = environment["MALAKA_SYNC_CASES"].flatMap(Int.init) ?? 200
        return (0..<UInt64(cases)).map { $0 } + regressionSeeds.filter { $0 >= UInt64(cases) }
    }

    /// Seeds beyond the default 200 that once failed (`make sync-soak` found them), kept while the simulation makes
    /// the same operations from them, each run as it failed, with or without forced session deletions:
    /// - 1813, without: a twin enrollment kept by a mark, renamed back to the removed twin's uuid when a merge elsewhere
    ///   later combined it with another (``BundleApplier/survivesCombining(_:_:given:)``);
    /// - 4102 and 4206, with: a twin of a mark deleted with its session, marked again after the deletion
    ///   (``BundleApplier/separatesMarkOfDeletedSession(_:given:answeringFor:change:)``).
    static let regressions: [UInt64: Bool] = [1813: false, 4102: true, 4206: true]

    static var regressionSeeds: [UInt64] { regressions.keys.sorted() }

    @Test func threeSitesAgreeOnceEverythingIsDelivered() async throws {
        let seeds = Self.seeds
        let outcomes = SeedOutcomes()
        await Self.onThreadsOfTheirOwn(seeds) { seed in
            do {
                var simulation = try SyncSimulation(seed: seed, forcesDeletions: Self.regressions[seed] ?? SyncSimulation.forcesDeletionsByDefault)
                outcomes.made(try simulation.run())
            } catch {
                outcomes.add(seed, error)
            }
        }
        // A test of convergence whose sites never merged or cancelled would pass without testing it: over a run
        // of many seeds, every operation the issue names (and reissuing, editing an event) must have happened somewhere.
        if seeds.count >= 100 {
            let named: Set<ChangeOperation> = [.addPerson, .enroll, .unenroll, .markAttendance, .editPerson, .correctName,
                                               .mergePeople, .issueCertificate, .reissueCertificate, .revokeCertificate, .cancelEvent,
                                               .editEvent, .moveSession, .addSession, .deleteSession, .setEventDates, .rescheduleEvent]
            let missing = named.map(\.name).filter { !outcomes.operations.contains($0) }.sorted()
            #expect(missing.isEmpty, "no seed made these operations: \(missing)")
        }
        let failed = outcomes.all
        // The first failure in full; the others by seed, so that each can be replayed.
        if let (seed, error) = failed.first {
            Issue.record("Seed \(seed) failed: \(error)\nReplay it with MALAKA_SYNC_SEED=\(seed) swift test --filter SyncPropertyTests")
        }
        let list = failed.map { String($0.seed) }.joined(separator: " ")
        if !failed.isEmpty { print("SyncPropertyTests: failing seeds: \(list)") }
        #expect(failed.isEmpty, "\(failed.count) of \(seeds.count) seeds failed; replay them with MALAKA_SYNC_SEED=\"\(list)\"")
    }
}

extension SyncPropertyTests {
    /// Runs `body` for every seed on one thread a core, made for it. The seeds take minutes: on the pool that runs
    /// the tests (and `DispatchQueue.concurrentPerform`, which shares its threads) they kept the other suites'
    /// tests from resuming for as long, until a signed web request waited past its five-minute window.
    static func onThreadsOfTheirOwn(_ seeds: [UInt64], _ body: @escaping @Sendable (UInt64) -> Void) async {
        let queue = SeedQueue(seeds)
        let threads = DispatchGroup()
        for _ in 0..<min(seeds.count, ProcessInfo.processInfo.activeProcessorCount) {
            threads.enter()
            Thread {
                while let seed = queue.next() { body(seed) }
                threads.leave()
            }.start()
        }
        await withCheckedContinuation { done in threads.notify(queue: .global()) { done.resume() } }
    }
}

/// The seeds no thread has taken yet.
private final class SeedQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var rest: ArraySlice<UInt64>

    init(_ seeds: [UInt64]) { rest = seeds[...] }

    func next() -> UInt64? {
        lock.withLock { rest.popFirst() }
    }
}

/// The seeds that failed (in seed order) and the operations the seeds made, gathered from the threads that ran them.
private final class SeedOutcomes: @unchecked Sendable {
    private let lock = NSLock()
    private var failed: [(seed: UInt64, error: any Error)] = []
    private var madeOperations: Set<String> = []

    func add(_ seed: UInt64, _ error: any Error) {
        lock.withLock { failed.append((seed, error)) }
    }

    func made(_ operations: Set<String>) {
        lock.withLock { madeOperations.formUnion(operations) }
    }

    var operations: Set<String> {
        lock.withLock { madeOperations }
    }

    var all: [(seed: UInt64, error: any Error)] {
        lock.withLock { failed.sorted { $0.seed < $1.seed } }
    }
}
