import Foundation
import MalakaSupport
import TrainingCore

/// A file a command writes, whole or not at all, through ``AtomicFile``: checked before any work
/// is done, so that a wrong path is refused at once with what to do.
struct OutputFile {
    let path: String
    let url: URL
    /// Owner-only unless the file carries nothing personal, such as a calendar or public keys.
    let permissions: mode_t

    /// Refuses a path that is a folder, or whose folder does not exist or is not a folder.
    init(path: String, permissions: mode_t = 0o600) throws {
        self.path = path
        self.permissions = permissions
        url = URL(fileURLWithPath: path)
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        if fileManager.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw MalakaError.io("Cannot write \(path): it is a folder. Give a file name, such as \(path)/\(Self.example(for: url)).")
        }
        // The nearest part of the path that exists says what is wrong: missing, or a file where a folder should be.
        var folder = url.deletingLastPathComponent()
        while !fileManager.fileExists(atPath: folder.path, isDirectory: &isDirectory) {
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { break }
            folder = parent
        }
        let parent = url.deletingLastPathComponent()
        if folder.path != parent.path {
            if !isDirectory.boolValue {
                throw MalakaError.io("Cannot write \(path): \(folder.path) is a file, not a folder. Give a path in a folder.")
            }
            throw MalakaError.io("Cannot write \(path): the folder \(parent.path) does not exist. Create it, or give another --out.")
        }
        if !isDirectory.boolValue {
            throw MalakaError.io("Cannot write \(path): \(parent.path) is a file, not a folder. Give a path in a folder.")
        }
    }

    private static func example(for url: URL) -> String {
        url.pathExtension.isEmpty ? "output.csv" : "output.\(url.pathExtension)"
    }

    /// Writes `data` in place of any older file of the name.
    func write(_ data: Data) throws {
        try write { try $0.write(data) }
    }

    /// Lets `body` fill a temporary file, then puts it in place; the older file stays if anything fails.
    func write(_ body: (AtomicFile) throws -> Void) throws {
        // Temporaries of reports and exports that a killed command left behind go, as issuing's do.
        TemporaryFiles.removeAbandoned(in: url.deletingLastPathComponent()) { $0 == url.lastPathComponent }
        do {
            try AtomicFile.write(to: url, permissions: permissions, body)
        } catch let error as FileWriteError {
            throw MalakaError.io(error.description)
        }
    }
}
