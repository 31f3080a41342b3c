import Foundation

/// A file written whole and closed under its temporary name in an ``OutputFolder``, waiting to be put in
/// place: only its final name and its number in the folder's batch, so that thousands of files waiting
/// for a commit hold no descriptor and little memory (the final name shares its storage with the string
/// the file was made with).
///
/// Made by ``AtomicFile/sealForLater(syncing:)``; ``OutputFolder/publish(_:)`` renames it over its final
/// name and ``OutputFolder/discard(_:)`` removes it. Until then the temporary stays registered with
/// ``TemporaryFiles`` through its folder's batch, so an interrupt still removes it: no file is ever
/// half-written under its final name.
public struct SealedFile: Sendable {
    /// The name the file gets in its folder.
    public let finalName: String
    /// Its number in the folder's batch, which with the final name makes the hidden name it was written under.
    let number: UInt64
}

extension OutputFolder {
    /// Renames a sealed file of this folder over its final name; the folder itself is flushed by
    /// ``sync(naming:)``, once after a batch.
    ///
    /// - Throws: a ``FileWriteError`` naming the file; the temporary is removed then.
    public func publish(_ file: SealedFile) throws(FileWriteError) {
        if renameat(descriptor, temporaryName(of: file), descriptor, file.finalName) != 0 {
            let code = errno
            discard(file)
            throw FileWriteError(path: url.appendingPathComponent(file.finalName).path, step: .rename, code: code)
        }
    }

    /// Removes a sealed file's temporary; its final name is left as it was.
    public func discard(_ file: SealedFile) {
        unlinkat(descriptor, temporaryName(of: file), 0)
    }

    /// The hidden name the file was written under.
    func temporaryName(of file: SealedFile) -> String {
        temporaryName(for: file.finalName, number: file.number)
    }
}
