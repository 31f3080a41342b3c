import Foundation

/// A `malaka` process that was started and may still be running.
struct RunningMalaka {
    let arguments: [String]
    let process: Process
    let output: Pipe
    let errors: Pipe

    /// Reads both pipes to the end, then waits for the exit status.
    ///
    /// Standard error is drained on its own thread while standard output is
    /// read here, so a child that fills one pipe never blocks on it.
    func finish() -> MalakaResult {
        let errorText = PipeReader(errors.fileHandleForReading)
        let stdout = output.fileHandleForReading.readDataToEndOfFile()
        let stderr = errorText.wait()
        process.waitUntilExit()
        return MalakaResult(
            arguments: arguments, status: process.terminationStatus,
            stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }
}

/// Reads a file handle to its end on a thread of its own.
private final class PipeReader: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var data = Data()

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    /// The whole content, once the writer closed its end.
    func wait() -> Data {
        done.wait()
        return data
    }
}
