import Foundation

/// A progress bar on standard error, drawn only when standard error is a terminal.
///
/// For example: `  certificates [##########··········] 512/1000`.
final class ProgressBar: @unchecked Sendable {
    private let label: String
    private let lock = NSLock()
    private var drawn = false

    /// Nil when standard error is not a terminal, so that logs and pipes stay clean.
    init?(label: String) {
        guard isatty(STDERR_FILENO) == 1 else { return nil }
        self.label = label
    }

    func update(_ done: Int, of total: Int) {
        guard total > 0 else { return }
        let width = 30
        let filled = min(width, done * width / total)
        let line = "\r  \(label) [" + String(repeating: "#", count: filled) + String(repeating: "·", count: width - filled)
            + "] \(done)/\(total)"
        lock.withLock {
            drawn = true
            FileHandle.standardError.write(Data(line.utf8))
        }
    }

    /// Clears the bar's line.
    func finish() {
        lock.withLock {
            if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            drawn = false
        }
    }
}
