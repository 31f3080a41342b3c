import Foundation

/// Every temporary file this process is writing, so that an interrupted command removes its own
/// and a later one removes those of a process that is gone.
///
/// Names are `.NAME.PID-RANDOM.partial` beside the final `NAME`: hidden, telling which process
/// wrote them, and not guessable, so that nobody can plant a link under the name in advance.
///
/// A file on its own is registered by its path. The files of a batch in one ``OutputFolder`` (thousands
/// of certificates waiting for a commit) are registered together, by their folder and the part of their
/// names they share, `PID-RANDOM_` followed by a number of each file's own: the registry holds nothing a
/// file, and an interrupt finds them by listing the folder.
public enum TemporaryFiles {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var live: Set<String> = []
    /// The batches being written: the folder, and the start of the random part of every name in it.
    nonisolated(unsafe) private static var batches: [(folder: URL, marker: String)] = []

    /// Runs `create` while no interrupt can remove the temporaries, and registers the path it made;
    /// nil for a file of a registered batch, which its folder stands for.
    static func create(_ path: String?, _ create: () -> Int32) -> Int32 {
        lock.lock()
        defer { lock.unlock() }
        let descriptor = create()
        if descriptor >= 0, let path { live.insert(path) }
        return descriptor
    }

    /// Registers a batch of temporaries in `folder`, each named by ``name(for:marker:number:)``; returns the marker.
    static func registerBatch(in folder: URL) -> String {
        var random = SystemRandomNumberGenerator()
        let marker = "\(getpid())-\(String(random.next() as UInt64, radix: 36))_"
        lock.withLock { batches.append((folder, marker)) }
        return marker
    }

    /// Forgets a batch whose files were all renamed or removed.
    static func forgetBatch(_ marker: String) {
        lock.withLock { batches.removeAll { $0.marker == marker } }
    }

    /// The temporary name of the file numbered `number` of a batch.
    static func name(for name: String, marker: String, number: UInt64) -> String {
        ".\(name).\(marker)\(String(number, radix: 36)).partial"
    }

    /// Whether `name` is a temporary of the batch `marker`.
    static func isMember(_ name: String, of marker: String) -> Bool {
        guard name.hasPrefix("."), name.hasSuffix(".partial") else { return false }
        let middle = name.dropFirst().dropLast(".partial".count)
        guard let dot = middle.lastIndex(of: ".") else { return false }
        return middle[middle.index(after: dot)...].hasPrefix(marker)
    }

    /// The paths of a batch's temporaries that exist now; the caller holds the lock.
    private static func paths(of batch: (folder: URL, marker: String)) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: batch.folder.path) else { return [] }
        return names.filter { isMember($0, of: batch.marker) }.map { batch.folder.appendingPathComponent($0).path }
    }

    /// Forgets a temporary that was renamed or removed.
    static func forget(_ path: String) {
        lock.withLock { _ = live.remove(path) }
    }

    /// The paths being written now.
    public static var paths: [String] {
        lock.withLock { Array(live) + batches.flatMap { paths(of: $0) } }
    }

    /// Removes every temporary of this process and keeps the lock, so that none is made after;
    /// only for a process about to exit.
    static func removeAllBeforeExit() {
        lock.lock()
        for path in live { unlink(path) }
        live.removeAll()
        for batch in batches {
            for path in paths(of: batch) { unlink(path) }
        }
        batches.removeAll()
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
