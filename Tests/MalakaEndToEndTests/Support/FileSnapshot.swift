import Foundation

/// The exact bytes of a file and of the SQLite side files next to it.
struct FileSnapshot: Equatable {
    let bytes: Data?
    let hasWAL: Bool
    let hasSharedMemory: Bool

    init(path: String) {
        let fileManager = FileManager.default
        bytes = fileManager.contents(atPath: path)
        hasWAL = fileManager.fileExists(atPath: path + "-wal")
        hasSharedMemory = fileManager.fileExists(atPath: path + "-shm")
    }
}
