import Foundation

/// A folder that many files are written into, opened once: its temporaries are created and renamed
/// relative to it, so that a link swapped in for the folder midway is never followed, and a batch of
/// thousands of files needs one descriptor, not one each.
public final class OutputFolder: @unchecked Sendable {
    public let url: URL
    let descriptor: Int32

    /// Opens the folder, which must exist.
    ///
    /// - Parameter forFile: the file named in a failure, when the folder is opened for one file.
    public init(_ url: URL, forFile file: URL? = nil) throws(FileWriteError) {
        self.url = url
        descriptor = open(url.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw FileWriteError(path: (file ?? url).path, step: .openFolder, code: errno)
        }
    }

    deinit {
        close(descriptor)
    }

    /// Flushes everything written on the folder's disk: for a batch of files closed with
    /// `sealed(syncing: false)`, one flush in place of one a file. A failure names `file`.
    public func syncDisk(naming file: URL) throws(FileWriteError) {
        if flushFileSystem(descriptor) != 0 { throw FileWriteError(path: file.path, step: .sync, code: errno) }
    }

    /// Flushes the folder itself, so that renames in it survive a power cut.
    public func sync(naming file: URL) throws(FileWriteError) {
        if fsync(descriptor) != 0 { throw FileWriteError(path: file.path, step: .syncFolder, code: errno) }
    }
}

/// Linux's `syncfs(2)`, which Glibc declares only under `_GNU_SOURCE`, out of Swift's sight.
@_silgen_name("syncfs")
private func flushFileSystem(_ descriptor: Int32) -> Int32
