import Foundation

/// The hidden name a file is written under before it gets its final one: `.NAME.PID.partial`.
enum TemporaryName {
    /// A hidden name next to the final one, unique to this process.
    static func url(for url: URL) -> URL {
        url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).partial")
    }

    /// Deletes the temporary files in `folder` for final names that `wanted` accepts, whose process is gone.
    static func removeAbandoned(in folder: URL, where wanted: (String) -> Bool) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names {
            guard let (finalName, pid) = parse(name), wanted(finalName), !isRunning(pid) else { continue }
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
    }

    /// The final name and the process of a temporary name, or nil for any other file.
    static func parse(_ name: String) -> (finalName: String, pid: pid_t)? {
        guard name.hasPrefix("."), name.hasSuffix(".partial") else { return nil }
        let middle = name.dropFirst().dropLast(".partial".count)
        guard let dot = middle.lastIndex(of: "."), let pid = pid_t(middle[middle.index(after: dot)...]), pid > 0 else { return nil }
        let finalName = String(middle[..<dot])
        return finalName.isEmpty ? nil : (finalName, pid)
    }

    /// Whether a process with this id exists (one we may not signal exists too).
    private static func isRunning(_ pid: pid_t) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }
}
