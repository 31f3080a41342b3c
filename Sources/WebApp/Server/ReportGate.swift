import Foundation

/// Lets one report be counted or drawn at a time, so that managers reading reports cannot crowd out the
/// marks of the trainers.
///
/// The system shares a core evenly between the threads that can run. Ten managers' summary pages drawn
/// at once are ten threads that can, against the one thread committing every trainer's marks (see
/// ``MarkCommitter``), which could then get a tenth of a core. Reports waiting here are asleep, so the
/// writer shares a core with one report at most. (The load test did not show marking faster with it on
/// a loaded machine; see BENCHMARKS.md.)
enum ReportGate {
    private static let gate = DispatchSemaphore(value: 1)

    static func pass<T>(_ work: () throws -> T) rethrows -> T {
        gate.wait()
        defer { gate.signal() }
        return try work()
    }
}
