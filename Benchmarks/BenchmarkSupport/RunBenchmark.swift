import Foundation

/// Runs a benchmark to its end, or ends the process with what went wrong.
///
/// An error thrown at the top level of a program traps with a backtrace, which reads as a crash of the
/// benchmark rather than as what failed; here the error's description goes to standard error, after
/// the benchmark's name, and the process exits with status 1. For example:
///
/// ```swift
/// runBenchmark("RegionSummaryBenchmark") {
///     try RegionSummaryTimings(databasePath: path, runs: runs).run()
/// }
/// ```
public func runBenchmark(_ name: String, _ work: () throws -> Void) {
    do {
        try work()
    } catch {
        stopBenchmark("\(name) failed: \(error)")
    }
}

/// Ends the process with a message on standard error and the given exit status (1 for a failure, 64 for
/// a benchmark called the wrong way).
public func stopBenchmark(_ message: String, status: Int32 = 1) -> Never {
    fflush(nil)  // what the benchmark printed comes before the error, when both go to one pipe
    FileHandle.standardError.write(Data("error: \(message)\n".utf8))
    exit(status)
}
