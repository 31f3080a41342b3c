import Foundation

/// A folder that many files are written into, opened once: its temporaries are created and renamed
/// relative to it, so that a link swapped in for the folder midway is never followed, and a batch of
/// thousands of files needs one descriptor, not one each.
///
/// The temporaries of the files made in it (``AtomicFile/init(named:in:permissions:)``) are one batch for
/// ``TemporaryFiles``: registered once for the folder, and numbered, so that a file waiting for its
/// commit costs the process its final name and a number, nothing more.
public final class OutputFolder: @unchecked Sendable {
    public let url: URL
    let descriptor: Int32
    private let batchLock = NSLock()
    /// The batch's marker once its first file is made, and the number of the next file.
    private var batch: (marker: String, next: UInt64)?

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
        if let batch { TemporaryFiles.forgetBatch(batch.marker) }
        close(descriptor)
    }

    /// A fresh number for a file of this folder's batch, registering the batch with the first.
    func nextTemporary() -> (marker: String, number: UInt64) {
        batchLock.withLock {
            let current = batch ?? (TemporaryFiles.registerBatch(in: url), 0)
            batch = (current.marker, current.next + 1)
            return (current.marker, current.next)
        }
    }

    /// The temporary name of the file numbered `number` of this folder's batch.
    func temporaryName(for finalName: String, number: UInt64) -> String {
        let marker = batchLock.withLock { batch?.marker }
        precondition(marker != nil, "No file of this folder's batch was made.")
        return TemporaryFiles.name(for: finalName, marker: marker!, number: number)
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
