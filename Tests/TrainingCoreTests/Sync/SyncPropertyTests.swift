import Foundation
import Testing

/// The property of #16: three sites working offline, bundles exchanged in any order with drops and
/// duplicates, and after everything is delivered all three hold the same content, no mark is lost, every
/// serial is unique and every certificate verifies with the programme's key alone.
///
/// It runs only when asked: `MALAKA_SYNC_CASES=N` (`make sync-soak` runs 5,000) or `MALAKA_SYNC_SEED=N`,
/// which replays one seed. Not yet part of `make test`: on 2026-12-05, 26 of the first 200 seeds still
/// failed (merges meeting enrollments made twice) and 200 seeds took 10 minutes on the loaded machine
/// (see /work/notes/s2/sync.md).
@Suite(.enabled(if: SyncRun.requested)) struct SyncPropertyTests {
    static var seeds: [UInt64] {
        let environment = ProcessInfo.processInfo.environment
        // One seed, or several ("8 17 25", as a failing run prints them).
        if let given = environment["MALAKA_SYNC_SEED"] {
            return given.split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { UInt64($0) }
        }
        let cases = environment["MALAKA_SYNC_CASES"].flatMap(Int.init) ?? 200
        return (0..<UInt64(cases)).map { $0 }
    }

    @Test func threeSitesAgreeOnceEverythingIsDelivered() throws {
        var failed: [UInt64] = []
        for seed in Self.seeds {
            do {
                var simulation = try SyncSimulation(seed: seed)
                try simulation.run()
            } catch {
                // The first failure in full; the others by seed, so that each can be replayed.
                if failed.isEmpty {
                    Issue.record("Seed \(seed) failed: \(error)\nReplay it with MALAKA_SYNC_SEED=\(seed) swift test --filter SyncPropertyTests")
                }
                failed.append(seed)
            }
        }
        #expect(failed.isEmpty, "\(failed.count) of \(Self.seeds.count) seeds failed: \(failed.prefix(40).map(String.init).joined(separator: " "))")
    }
}

/// Whether the property test was asked for.
enum SyncRun {
    static var requested: Bool {
        let environment = ProcessInfo.processInfo.environment
        return environment["MALAKA_SYNC_CASES"] != nil || environment["MALAKA_SYNC_SEED"] != nil
    }
}
