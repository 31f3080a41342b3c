import Foundation

/// A file written whole or not at all: under a hidden temporary name beside its final name, then
/// flushed to the disk and renamed over the final name, so that an older file of that name stays
/// as it was until the new one is complete.
///
/// For example:
/// ```swift
/// try AtomicFile.write(csv, to: URL(fileURLWithPath: "export/people.csv"), permissions: 0o600)
/// ```
/// or, for a file written in parts and put in place later, such as a certificate recorded in a transaction:
/// ```swift
/// let file = try AtomicFile(destination: url)
/// try file.write(bytes)
/// try file.seal()      // inside the transaction: every byte is on the disk, or it throws
/// try file.publish()   // after the commit
/// ```
///
/// The temporary is created with `O_EXCL | O_NOFOLLOW` under an unpredictable name in the folder
/// (opened once), so it is never a link someone planted. Every write, the flush and the close are
/// checked; any failure throws a ``FileWriteError`` naming the file and the free space, and
/// ``discard()`` removes the temporary. An interrupt removes it too (see ``InterruptCleanup``).
public final class AtomicFile: @unchecked Sendable {
    /// The final path.
    public let destination: URL
    /// The temporary file's path, for libraries that must open it by name (SQLite).
    public let temporaryPath: String
    /// The final name in the folder, as given.
    private let finalName: String
    private let temporaryName: String
    private let folder: OutputFolder
    /// The file's number in its folder's batch, or nil for a file registered by its own path.
    private let batchNumber: UInt64?
    private var descriptor: Int32
    private let lock = NSLock()
    private var failure: FileWriteError?
    private var settled = false

    /// Creates the temporary file, readable and writable by the owner only unless `permissions` says otherwise;
    /// the umask does not widen or narrow it.
    ///
    /// - Parameter folder: the destination's folder, already open, when many files go into it: the file
    ///   is then one of the folder's batch (see ``OutputFolder``).
    public convenience init(destination: URL, permissions: mode_t = 0o600, in folder: OutputFolder? = nil) throws(FileWriteError) {
        try self.init(destination: destination, finalName: destination.lastPathComponent, permissions: permissions, folder: folder)
    }

    /// Creates the temporary of the file `name` in `folder`, one of the folder's batch; the name's storage is
    /// shared with the ``SealedFile`` that ``sealForLater(syncing:)`` returns.
    public convenience init(named name: String, in folder: OutputFolder, permissions: mode_t = 0o600) throws(FileWriteError) {
        try self.init(destination: folder.url.appendingPathComponent(name), finalName: name, permissions: permissions, folder: folder)
    }

    private init(destination: URL, finalName: String, permissions: mode_t, folder shared: OutputFolder?) throws(FileWriteError) {
        self.destination = destination
        self.finalName = finalName
        let folder = if let shared { shared } else {
            try OutputFolder(destination.deletingLastPathComponent(), forFile: destination)
        }
        self.folder = folder
        var attempt = 0
        while true {
            let batch = shared.map { $0.nextTemporary() }
            let name = if let batch {
                TemporaryFiles.name(for: finalName, marker: batch.marker, number: batch.number)
            } else {
                TemporaryFiles.name(for: finalName)
            }
            let full = folder.url.appendingPathComponent(name).path
            // A file of a batch is registered by its folder, already.
            let opened = TemporaryFiles.create(batch == nil ? full : nil) {
                openat(folder.descriptor, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, permissions)
            }
            if opened >= 0 {
                descriptor = opened
                temporaryName = name
                temporaryPath = full
                batchNumber = batch?.number
                break
            }
            let code = errno
            attempt += 1
            // Someone else's file or link under the name: try another, unguessable one.
            guard code == EEXIST || code == ELOOP, attempt < 16 else {
                throw FileWriteError(path: destination.path, step: .create, code: code)
            }
        }
        // The mode given to openat passes through the umask; the file gets exactly the one asked for.
        fchmod(descriptor, permissions)
    }

    deinit {
        if !settled { discard() }
    }

    /// The first failure of a write, if any; writes after it do nothing.
    public var firstFailure: FileWriteError? {
        lock.withLock { failure }
    }

    public func write(_ data: Data) throws(FileWriteError) {
        let result: Result<Void, FileWriteError> = data.withUnsafeBytes { bytes in
            do throws(FileWriteError) { try write(bytes) } catch { return .failure(error) }
            return .success(())
        }
        try result.get()
    }

    /// Writes every byte, retrying short and interrupted writes.
    public func write(_ bytes: UnsafeRawBufferPointer) throws(FileWriteError) {
        if let failure = firstFailure { throw failure }
        guard var next = bytes.baseAddress else { return }
        var left = bytes.count
        while left > 0 {
            let written = Foundation.write(descriptor, next, left)
            if written < 0 {
                if errno == EINTR { continue }
                throw record(.write, errno)
            }
            left -= written
            next += written
        }
    }

    /// Flushes the file to the disk and closes it: after this, every byte is stored, or it threw.
    ///
    /// - Parameter syncing: false for a file of a batch whose ``OutputFolder/syncDisk(naming:)`` flushes them all.
    public func seal(syncing: Bool = true) throws(FileWriteError) {
        if let failure = firstFailure { throw failure }
        guard descriptor >= 0 else { return }
        if syncing, fsync(descriptor) != 0 { throw record(.sync, errno) }
        let closed = close(descriptor)
        descriptor = -1
        if closed != 0 { throw record(.close, errno) }
    }

    /// Seals the file and hands putting it in place over to the record returned, which holds no descriptor: for
    /// one file of a batch that waits for a commit. This object neither renames nor removes the file after it.
    ///
    /// - Parameter syncing: as for ``seal(syncing:)``.
    public func sealForLater(syncing: Bool = true) throws(FileWriteError) -> SealedFile {
        try seal(syncing: syncing)
        precondition(!settled, "This file was already put in place or discarded.")
        guard let batchNumber else {
            preconditionFailure("Only a file made in a shared OutputFolder waits for it to be put in place.")
        }
        settled = true
        return SealedFile(finalName: finalName, number: batchNumber)
    }

    /// Renames the sealed file over its final name and flushes the folder, so that the rename survives a power cut.
    ///
    /// - Parameter syncingFolder: false for a file of a batch whose folder is flushed once after the last.
    public func publish(syncingFolder: Bool = true) throws(FileWriteError) {
        try seal()
        precondition(!settled, "This file was already put in place or discarded.")
        if renameat(folder.descriptor, temporaryName, folder.descriptor, finalName) != 0 {
            let code = errno
            discard()
            throw FileWriteError(path: destination.path, step: .rename, code: code)
        }
        settled = true
        forget()
        if syncingFolder { try folder.sync(naming: destination) }
    }

    /// Puts the sealed file in place under its final name only if no file has that name, as for a
    /// backup or a private key, which are never overwritten.
    ///
    /// - Returns: false, with the temporary removed, when a file of that name exists.
    public func publishWithoutReplacing() throws(FileWriteError) -> Bool {
        try seal()
        precondition(!settled, "This file was already put in place or discarded.")
        // link(2) refuses an existing name, where rename(2) would replace it.
        if linkat(folder.descriptor, temporaryName, folder.descriptor, finalName, 0) != 0 {
            let code = errno
            discard()
            if code == EEXIST { return false }
            throw FileWriteError(path: destination.path, step: .rename, code: code)
        }
        discard()
        try folder.sync(naming: destination)
        return true
    }

    /// Removes the temporary file; the final name is left as it was.
    public func discard() {
        if descriptor >= 0 {
            close(descriptor)
            descriptor = -1
        }
        guard !settled else { return }
        settled = true
        unlinkat(folder.descriptor, temporaryName, 0)
        forget()
    }

    /// Takes the temporary off the registry, unless its folder's batch stands for it.
    private func forget() {
        if batchNumber == nil { TemporaryFiles.forget(temporaryPath) }
    }

    private func record(_ step: FileWriteError.Step, _ code: Int32) -> FileWriteError {
        lock.withLock {
            if failure == nil { failure = FileWriteError(path: destination.path, step: step, code: code) }
            return failure!
        }
    }

    /// Records a failure that a library reported in its own words, such as cairo's status after finishing.
    public func recordFailure(_ reason: String) -> FileWriteError {
        lock.withLock {
            if failure == nil { failure = FileWriteError(path: destination.path, step: .write, code: 0, reason: reason) }
            return failure!
        }
    }

    /// Lets `body` fill a new temporary file, then puts it in place; an older file stays if anything fails.
    public static func write(to url: URL, permissions: mode_t = 0o600, _ body: (AtomicFile) throws -> Void) throws {
        let file = try AtomicFile(destination: url, permissions: permissions)
        do {
            try body(file)
            try file.publish()
        } catch {
            file.discard()
            throw error
        }
    }

    /// Writes `data` to `url` whole or not at all.
    public static func write(_ data: Data, to url: URL, permissions: mode_t = 0o600) throws {
        try write(to: url, permissions: permissions) { try $0.write(data) }
    }
}
