import Foundation
import MalakaSupport
import TrainingCore
import Typesetting

/// Where issued certificates go: one PDF per person in a folder, one PDF with every page, or both.
public struct CertificateDestination: Sendable {
    public var directory: URL?
    public var bundle: URL?

    public init(directory: URL? = nil, bundle: URL? = nil) {
        self.directory = directory
        self.bundle = bundle
    }
}

extension CertificateDestination {
    /// Refuses a run with nowhere to write, or a place that cannot be written, before anything is issued.
    func check() throws {
        guard directory != nil || bundle != nil else {
            throw MalakaError(.usage, .noDestination, "Say where the certificates go:", remedy: .giveCertificateDestination)
        }
        let fileManager = FileManager.default
        if let directory {
            var isDirectory: ObjCBool = false
            if fileManager.fileExists(atPath: directory.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                throw MalakaError(.io, .notAFolder, "\(directory.path) is a file, not a folder; nothing was issued.", subject: .file(directory.path),
                                  remedy: .giveFolder)
            }
            try Self.checkCanCreate(directory)
        }
        if let bundle {
            var isDirectory: ObjCBool = false
            if fileManager.fileExists(atPath: bundle.path, isDirectory: &isDirectory), isDirectory.boolValue {
                throw MalakaError(.io, .notAFile, "\(bundle.path) is a folder; nothing was issued.", subject: .file(bundle.path),
                                  remedy: .giveBundleFile)
            }
            try Self.checkCanCreate(bundle.deletingLastPathComponent())
        }
    }

    /// Deletes the temporary files that a run killed midway (a power cut, SIGKILL) left beside the final names.
    ///
    /// A run writes `.NAME.PID-RANDOM.partial` and renames it once the certificates are recorded, and
    /// deletes it when it fails or is interrupted; only a run that was killed leaves one. A file whose
    /// process still runs belongs to another `malaka` issuing into the same folder now, and stays.
    func removeAbandonedTemporaries() {
        if let directory {
            TemporaryFiles.removeAbandoned(in: directory) { $0.hasSuffix(".pdf") }
        }
        if let bundle {
            TemporaryFiles.removeAbandoned(in: bundle.deletingLastPathComponent()) { $0 == bundle.lastPathComponent }
        }
    }

    /// The folder exists and is writable, or the nearest folder above it that exists is.
    private static func checkCanCreate(_ folder: URL) throws {
        var candidate = folder.standardizedFileURL
        let fileManager = FileManager.default
        while true {
            var isDirectory: ObjCBool = false
            if fileManager.fileExists(atPath: candidate.path, isDirectory: &isDirectory) {
                guard isDirectory.boolValue, fileManager.isWritableFile(atPath: candidate.path) else {
                    throw MalakaError.io("Cannot write in \(candidate.path) (not a writable folder). Nothing was issued.")
                }
                return
            }
            let parent = candidate.deletingLastPathComponent()
            if parent.path == candidate.path { return }
            candidate = parent
        }
    }
}
