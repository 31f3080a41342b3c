import Foundation
import PDFTestSupport

/// A `malaka` process that was started and may still be running.
struct RunningMalaka {
    let arguments: [String]
    let process: ChildProcess
    private let overtime: Overtime

    /// A `malaka` still running `MALAKA_PROCESS_LIMIT` seconds (default 900) after it started is stuck: it is
    /// killed, and its result says so, so that a test waiting for it fails instead of waiting for ever.
    static let limit = ProcessInfo.processInfo.environment["MALAKA_PROCESS_LIMIT"].flatMap(Double.init) ?? 900

    /// - Parameter limit: the seconds after which the process is killed; a test of hangs gives a shorter one.
    init(arguments: [String], process: ChildProcess, limit: TimeInterval = RunningMalaka.limit) {
        (self.arguments, self.process) = (arguments, process)
        overtime = Overtime(process, after: limit)
    }

    /// Whether the process was killed for running past its limit.
    var wasStopped: Bool { overtime.stopped }

    /// Reads both pipes to the end (``ChildProcess/readToEnd()``), then waits for the exit status.
    func finish() -> MalakaResult {
        let (stdout, stderr) = process.readToEnd()
        process.waitUntilExit()
        let stopped = overtime.stopped ? "\n[the test killed this malaka: it still ran \(Int(overtime.limit)) s after it started]" : ""
        return MalakaResult(
            arguments: arguments, status: process.terminationStatus,
            stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self) + stopped)
    }
}

/// Kills a process still running `limit` seconds after it started.
private final class Overtime: @unchecked Sendable {
    let limit: TimeInterval
    private let lock = NSLock()
    private var killed = false

    /// Holds the process weakly: one nobody waits for any more needs no stopping, and keeps no descriptor open.
    init(_ process: ChildProcess, after limit: TimeInterval) {
        self.limit = limit
        DispatchQueue.global().asyncAfter(deadline: .now() + limit) { [self, weak process] in
            guard let process, process.isRunning else { return }
            lock.withLock { killed = true }
            process.signal(SIGKILL)
        }
    }

    var stopped: Bool { lock.withLock { killed } }
}
