import Foundation

/// A file written whole and closed under its temporary name in an ``OutputFolder``, waiting to be put in
/// place: only its two names, so that thousands of files waiting for a commit hold no descriptor and
/// little memory.
///
/// Made by ``AtomicFile/sealForLater(syncing:)``; ``OutputFolder/publish(_:)`` renames it over its final
/// name and ``OutputFolder/discard(_:)`` removes it. Until then the temporary stays registered with
/// ``TemporaryFiles``, so an interrupt still removes it: no file is ever half-written under its final name.
public struct SealedFile: Sendable {
    /// The name the file gets in its folder.
    public let finalName: String
    /// The hidden name it was written under, beside the final one.
    let temporaryName: String
}

extension OutputFolder {
    /// Renames a sealed file of this folder over its final name; the folder itself is flushed by
    /// ``sync(naming:)``, once after a batch.
    ///
    /// - Throws: a ``FileWriteError`` naming the file; the temporary is removed then.
    public func publish(_ file: SealedFile) throws(FileWriteError) {
        if renameat(descriptor, file.temporaryName, descriptor, file.finalName) != 0 {
            let code = errno
            discard(file)
            throw FileWriteError(path: url.appendingPathComponent(file.finalName).path, step: .rename, code: code)
        }
        TemporaryFiles.forget(temporaryPath(of: file))
    }

    /// Removes a sealed file's temporary; its final name is left as it was.
    public func discard(_ file: SealedFile) {
        unlinkat(descriptor, file.temporaryName, 0)
        TemporaryFiles.forget(temporaryPath(of: file))
    }

    /// The temporary's path as ``AtomicFile`` registered it.
    func temporaryPath(of file: SealedFile) -> String {
        url.appendingPathComponent(file.temporaryName).path
    }
}
