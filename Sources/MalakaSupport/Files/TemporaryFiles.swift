import Foundation

/// Every temporary file this process is writing, so that an interrupted command removes its own
/// and a later one removes those of a process that is gone.
///
/// Names are `.NAME.PID-RANDOM.partial` beside the final `NAME`: hidden, telling which process
/// wrote them, and not guessable, so that nobody can plant a link under the name in advance.
public enum TemporaryFiles {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var live: Set<String> = []

    /// Runs `create` while no interrupt can remove the temporaries, and registers the path it made.
    static func create(_ path: String, _ create: () -> Int32) -> Int32 {
        lock.lock()
        defer { lock.unlock() }
        let descriptor = create()
        if descriptor >= 0 { live.insert(path) }
        return descriptor
    }

    /// Forgets a temporary that was renamed or removed.
    static func forget(_ path: String) {
        lock.withLock { _ = live.remove(path) }
    }

    /// The paths being written now.
    public static var paths: [String] {
        lock.withLock { Array(live) }
    }

    /// Removes every temporary of this process and keeps the lock, so that none is made after;
    /// only for a process about to exit.
    static func removeAllBeforeExit() {
        lock.lock()
        for path in live { unlink(path) }
        live.removeAll()
    }

    /// A fresh temporary name for the final name `name`.
    static func name(for name: String) -> String {
        var random = SystemRandomNumberGenerator()
        let token = String(random.next() as UInt64, radix: 36)
        return ".\(name).\(getpid())-\(token).partial"
    }

    /// The final name and the process of a temporary name, or nil for any other file.
    public static func parse(_ name: String) -> (finalName: String, pid: pid_t)? {
        guard name.hasPrefix("."), name.hasSuffix(".partial") else { return nil }
        let middle = name.dropFirst().dropLast(".partial".count)
        guard let dot = middle.lastIndex(of: ".") else { return nil }
        let owner = middle[middle.index(after: dot)...].prefix { $0 != "-" }
        guard let pid = pid_t(owner), pid > 0 else { return nil }
        let finalName = String(middle[..<dot])
        return finalName.isEmpty ? nil : (finalName, pid)
    }

    /// Deletes the temporary files in `folder` for final names that `wanted` accepts, whose process is gone.
    ///
    /// A run that was killed (SIGKILL, a power cut) could not clean up after itself; a file whose
    /// process still runs belongs to another command writing into the same folder now, and stays.
    public static func removeAbandoned(in folder: URL, where wanted: (String) -> Bool = { _ in true }) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names {
            guard let (finalName, pid) = parse(name), wanted(finalName), !isRunning(pid) else { continue }
            // unlink removes a link itself, never what it points to.
            unlink(folder.appendingPathComponent(name).path)
        }
    }

    /// Whether a process with this id exists (one we may not signal exists too).
    private static func isRunning(_ pid: pid_t) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }
}
