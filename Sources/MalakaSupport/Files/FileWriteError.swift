import Foundation

/// Why a file could not be written: which file, at which step, the system's reason, and the free space left.
///
/// Its description is one sentence a person can act on, such as
/// `Cannot write /srv/out/summary.pdf: the disk is full (No space left on device; 12 KB free in /srv/out). …`.
public struct FileWriteError: Error, CustomStringConvertible, Sendable {
    /// The step that failed.
    public enum Step: String, Sendable {
        case openFolder = "open its folder"
        case create = "create a temporary file beside it"
        case write = "write it"
        case sync = "flush it to the disk"
        case close = "close it"
        case rename = "put it in place"
        case syncFolder = "flush its folder to the disk"
    }

    /// The file's final path.
    public let path: String
    public let step: Step
    /// The `errno` of the failure, or 0 when a library reported it without one.
    public let code: Int32
    /// A library's own reason where there is no `errno`, such as cairo's.
    public let reason: String?
    /// The bytes free for this user in the file's folder when the failure happened, if known.
    public let freeBytes: Int64?

    public init(path: String, step: Step, code: Int32, reason: String? = nil) {
        self.path = path
        self.step = step
        self.code = code
        self.reason = reason
        freeBytes = FreeSpace.bytes(inFolderOf: path)
    }

    /// Whether the disk or the user's quota is full.
    public var isDiskFull: Bool {
        code == ENOSPC || code == EDQUOT || (freeBytes ?? 1) == 0
    }

    private var systemReason: String {
        if code != 0 { return String(cString: strerror(code)) }
        return reason ?? "unknown error"
    }

    private var folder: String {
        URL(fileURLWithPath: path).deletingLastPathComponent().path
    }

    public var description: String {
        let free = freeBytes.map { "; \(FreeSpace.describe($0)) free in \(folder)" } ?? ""
        if isDiskFull {
            return "Cannot write \(path): the disk is full (\(systemReason)\(free)). Free some space or choose another place, then run the command again; an older \(URL(fileURLWithPath: path).lastPathComponent) was left as it was."
        }
        return "Cannot \(step.rawValue) for \(path): \(systemReason)\(free). An older file of that name was left as it was."
    }
}
