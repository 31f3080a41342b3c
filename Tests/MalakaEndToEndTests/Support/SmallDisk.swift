import Foundation
import PDFTestSupport
import Testing

/// A tmpfs of a few kilobytes mounted in a temporary folder, to see what commands do on a full disk.
///
/// Mounting needs root, as the tests have here and in CI. Elsewhere the tests that need one are
/// skipped, saying why; in CI (`CI` set) a disk that cannot be mounted fails the test instead.
final class SmallDisk {
    let url: URL

    /// Whether this process may mount a tmpfs: it runs as root.
    static let canMount = geteuid() == 0 || ProcessInfo.processInfo.environment["CI"] != nil
    static let skipReason: Comment = "A full disk is made with a small tmpfs, which only root may mount; run the tests as root (CI does)."

    init(kilobytes: Int) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("malaka-small-disk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        let mount = try ChildProcess.run(URL(fileURLWithPath: "/bin/mount"), ["-t", "tmpfs", "-o", "size=\(kilobytes)k,mode=0777", "tmpfs", url.path])
        try #require(mount.status == 0, "mount -t tmpfs failed (status \(mount.status)); the test needs root")
    }

    deinit {
        _ = try? ChildProcess.run(URL(fileURLWithPath: "/bin/umount"), ["-l", url.path])
        try? FileManager.default.removeItem(at: url)
    }

    func path(_ name: String) -> String {
        url.appendingPathComponent(name).path
    }

    /// Fills the disk with a file of zeros, leaving about `leaving` bytes free.
    func fill(leaving: Int) throws {
        var stats = statvfs()
        statvfs(url.path, &stats)
        let free = Int(stats.f_bavail) * Int(stats.f_frsize)
        guard free > leaving else { return }
        try Data(count: free - leaving).write(to: url.appendingPathComponent("ballast"))
    }

    /// The names in a folder of the disk, hidden ones included.
    func files(in folder: String = "") -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: url.appendingPathComponent(folder).path)) ?? []).sorted()
    }
}
