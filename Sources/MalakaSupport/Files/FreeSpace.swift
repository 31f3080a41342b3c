import Foundation

/// The free space on the disk that holds a file, for messages about writing it.
public enum FreeSpace {
    /// Bytes this user may still write in the folder of `path`, or nil if the system cannot tell.
    public static func bytes(inFolderOf path: String) -> Int64? {
        var folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        // The folder itself may not exist yet: ask about the nearest one that does.
        while !FileManager.default.fileExists(atPath: folder.path), folder.path != "/" {
            folder = folder.deletingLastPathComponent()
        }
        var stats = statvfs()
        guard statvfs(folder.path, &stats) == 0 else { return nil }
        return Int64(stats.f_bavail) * Int64(stats.f_frsize)
    }

    /// `0 bytes`, `12 KB`, `3.4 MB`, `1.2 GB`.
    public static func describe(_ bytes: Int64) -> String {
        switch bytes {
        case ..<1_024: return "\(bytes) byte\(bytes == 1 ? "" : "s")"
        case ..<1_048_576: return "\(bytes / 1_024) KB"
        case ..<1_073_741_824: return String(format: "%.1f MB", Double(bytes) / 1_048_576)
        default: return String(format: "%.1f GB", Double(bytes) / 1_073_741_824)
        }
    }
}
