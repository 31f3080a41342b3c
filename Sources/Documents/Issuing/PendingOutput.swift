import Foundation
import MalakaSupport
import TrainingCore
import Typesetting

/// The files of one run, written under temporary names inside the transaction and renamed after it,
/// and a line for each certificate.
final class PendingOutput: @unchecked Sendable {
    let destination: CertificateDestination
    let renderer: CertificateRenderer
    private let keepHashes: Bool
    private let counter: ProgressCounter
    /// The bundle's metadata; nil takes it from the first certificate.
    private let bundleMetadata: PDFMetadata?
    private let lock = NSLock()
    private var lines: [IssuedLine] = []
    private var bundle: CertificateBundle?
    /// The bundle's temporary file, once started.
    private var bundleFile: AtomicFile?
    /// The per-person folder, opened once for all its files.
    private var folder: OutputFolder?
    /// Every per-person file written and sealed in `folder`, waiting to be put in place: its line's file name
    /// (the same storage) and a number each, no descriptor; the folder registers their temporaries as one batch.
    private var files: [SealedFile] = []
    /// The bundle's pages of the latest chunk, drawn while the next chunk is numbered and recorded.
    private var bundleWork: DispatchGroup?
    private let bundleFailure = FirstFailure()
    /// The pages the content hashes laid out, by serial, until their chunk is drawn: each page is laid out once.
    private var laidOut: [String: CertificatePage] = [:]
    /// The layouts a preflight kept of the certificates' own texts, by position in the plan, until their page is laid
    /// out: only those of the chunk about to be numbered, so that memory does not grow with the number of certificates.
    private var preflightLayouts: [Int: PreflightLayouts] = [:]
    /// The position in the plan of the next certificate ``digest(of:)`` is asked for: they come in the plan's order.
    private var nextPosition = 0
    /// The folders this run made for its files, deepest first: a run that fails removes them again if they are empty.
    private var madeFolders: [URL] = []

    init(destination: CertificateDestination, renderer: CertificateRenderer, progress: IssueProgress?, count: Int,
         keepHashes: Bool, bundleMetadata: PDFMetadata?) {
        self.destination = destination
        self.renderer = renderer
        self.keepHashes = keepHashes
        self.bundleMetadata = bundleMetadata
        let kinds = (destination.directory == nil ? 0 : 1) + (destination.bundle == nil ? 0 : 1)
        counter = ProgressCounter(total: count * kinds, report: progress)
        lines.reserveCapacity(count)
    }

    /// The certificate's content hash, as ``CertificateRenderer/contentDigest(of:)`` gives it; the page laid out
    /// for it is kept for drawing, which follows in the same chunk.
    func digest(of content: CertificateContent) throws -> String {
        var page = try renderer.page(for: content)
        lock.withLock {
            page.preflightLayouts = preflightLayouts.removeValue(forKey: nextPosition)
            nextPosition += 1
            laidOut[content.serial] = page
        }
        return CertificateRenderer.contentDigest(of: page)
    }

    /// Keeps the preflight's layouts of the certificates from position `start` of the plan on, for ``digest(of:)`` to
    /// hand to their pages.
    func keep(_ layouts: [PreflightLayouts?], from start: Int) {
        lock.withLock {
            for (offset, kept) in layouts.enumerated() {
                if let kept { preflightLayouts[start + offset] = kept }
            }
        }
    }

    /// The pages of `chunk`, laid out by ``digest(of:)`` or now, and forgotten.
    private func pages(of chunk: [IssuedCertificate]) throws -> [CertificatePage] {
        let kept = lock.withLock {
            chunk.map { laidOut.removeValue(forKey: $0.content.serial) }
        }
        return try zip(chunk, kept).map { issued, page in try page ?? renderer.page(for: issued.content) }
    }

    /// Draws one chunk of certificates: each one's own PDF on every core, and its pages of the
    /// bundle on a thread of its own, which may go on drawing while the next chunk is numbered and
    /// recorded. Returns the SHA-256 of each certificate's own PDF, or nil without one.
    func produce(_ chunk: [IssuedCertificate]) throws -> [String?] {
        let failure = FirstFailure()
        let counter = counter
        let pages = try pages(of: chunk)

        if let url = destination.bundle {
            let bundle = try openBundle(url, first: chunk.first)
            // Pages go into the bundle in order: the previous chunk's must be done first.
            waitForBundle()
            if let error = bundleFailure.error { throw Self.describe(fileFailure(bundle: error)) }
            let group = DispatchGroup()
            let bundleFailure = bundleFailure
            DispatchQueue.global().async(group: group) {
                do {
                    try bundle.append(pages: pages) {
                        if !bundleFailure.happened { counter.tick() }
                    }
                } catch {
                    bundleFailure.record(error)
                }
            }
            lock.withLock { bundleWork = group }
        }

        var hashes = [String?](repeating: nil, count: chunk.count)
        if let directory = destination.directory {
            let folder = try openFolder(directory)
            let fileNames = chunk.map { CertificateFileName.make(serial: $0.certificate.serial, name: $0.content.participantName) }
            lock.withLock {
                lines.append(contentsOf: zip(chunk, fileNames).map { line(for: $0, file: $1, pdfHash: nil) })
            }
            let slots = Slots<(Int, String)>(count: chunk.count)
            let written = Slots<SealedFile>(count: chunk.count)
            let renderer = renderer
            DispatchQueue.concurrentPerform(iterations: chunk.count) { index in
                guard !failure.happened else { return }
                do {
                    // A file that fails before it is sealed is removed when `file` goes.
                    // Made with the line's name, whose storage the sealed file shares.
                    let file = try AtomicFile(named: fileNames[index], in: folder)
                    try renderer.writePDF(of: pages[index], into: file)
                    // One flush of the disk for the whole run, in finish(), instead of one a file.
                    let sealed = try file.sealForLater(syncing: false)
                    // Kept before it is hashed, so that a failure from here on deletes it.
                    written.set(index, sealed)
                    // Hashed as written: the bytes on disk are the bytes recorded.
                    slots.set(index, (index, SHA256Hex.of(try Data(contentsOf: URL(fileURLWithPath: file.temporaryPath)))))
                    counter.tick()
                } catch {
                    failure.record(error)
                }
            }
            let made = written.values()
            lock.withLock { files.append(contentsOf: made) }
            for (index, hash) in slots.values() { hashes[index] = hash }
        }
        if let error = failure.error { throw Self.describe(error) }
        lock.withLock {
            if destination.directory == nil {
                lines.append(contentsOf: chunk.map { line(for: $0, file: nil, pdfHash: nil) })
            } else if keepHashes {
                let first = lines.count - chunk.count
                for index in chunk.indices { lines[first + index].pdfSHA256 = hashes[index] }
            }
        }
        return hashes
    }

    private func line(for issued: IssuedCertificate, file: String?, pdfHash: String?) -> IssuedLine {
        IssuedLine(
            serial: issued.certificate.serial, participantID: issued.certificate.participantId,
            name: issued.certificate.printedName, language: issued.certificate.language, isNew: issued.isNew,
            printsDifferently: issued.printsDifferently, replaces: issued.certificate.replacesSerial, file: file,
            contentSHA256: keepHashes ? issued.contentSHA256 : nil, pdfSHA256: keepHashes ? (pdfHash ?? issued.certificate.pdfSHA256) : nil)
    }

    /// Completes the bundle, if there is one, and flushes every file to the disk; called inside the
    /// transaction, after the last chunk, so that a file that could not be stored records nothing.
    func finish() throws {
        let (bundle, bundleFile, folder) = lock.withLock { (self.bundle, self.bundleFile, self.folder) }
        do {
            if let bundle, let bundleFile {
                waitForBundle()
                if let error = bundleFailure.error { throw fileFailure(bundle: error) }
                do { try bundle.finish() } catch { throw fileFailure(bundle: error) }
                try bundleFile.seal()
            }
            if let folder, let directory = destination.directory { try folder.syncDisk(naming: directory) }
        } catch {
            throw Self.describe(error)
        }
    }

    /// The bundle file's own write failure, which names the file and the free space, rather than
    /// cairo's complaint about the page it was drawing when the disk filled.
    private func fileFailure(bundle error: any Error) -> any Error {
        lock.withLock { bundleFile }?.firstFailure ?? error
    }

    private func openFolder(_ directory: URL) throws -> OutputFolder {
        if let folder = lock.withLock({ folder }) { return folder }
        try makeFolder(directory)
        let opened = try OutputFolder(directory)
        lock.withLock { folder = opened }
        return opened
    }

    /// Creates `directory` and the folders above it that are missing, remembering those it made.
    private func makeFolder(_ directory: URL) throws {
        var missing: [URL] = []
        var folder = directory.standardizedFileURL
        while !FileManager.default.fileExists(atPath: folder.path), folder.pathComponents.count > 1 {
            missing.append(folder)
            folder = folder.deletingLastPathComponent()
        }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        lock.withLock { madeFolders = missing + madeFolders }
    }

    private func waitForBundle() {
        lock.withLock { bundleWork }?.wait()
    }

    private func openBundle(_ url: URL, first: IssuedCertificate?) throws -> CertificateBundle {
        if let bundle = lock.withLock({ bundle }) { return bundle }
        try makeFolder(url.deletingLastPathComponent())
        let file = try AtomicFile(destination: url)
        lock.withLock { bundleFile = file }
        let metadata = bundleMetadata ?? PDFMetadata(
            title: first.map { "Certificate \($0.certificate.serial)" }, author: first?.content.organiser, creator: "Malaka",
            creationDate: first?.content.issueDate.startOfDayUTC)
        let opened = try renderer.bundle(into: file, metadata: metadata)
        lock.withLock { bundle = opened }
        return opened
    }

    /// Renames every file to its final name, replacing an older file of that name; returns the lines.
    func commit() throws -> [IssuedLine] {
        let (lines, files, bundleFile, folder) = lock.withLock { (self.lines, self.files, self.bundleFile, self.folder) }
        var failed: FileWriteError?
        if let folder {
            for file in files {
                guard failed == nil else {
                    folder.discard(file)
                    continue
                }
                // The per-person folder is flushed once, after the last.
                do throws(FileWriteError) { try folder.publish(file) } catch { failed = error }
            }
        }
        if let bundleFile {
            if failed == nil {
                do throws(FileWriteError) { try bundleFile.publish() } catch { failed = error }
            } else {
                bundleFile.discard()
            }
        }
        if failed == nil, let folder, let directory = destination.directory {
            do throws(FileWriteError) { try folder.sync(naming: directory) } catch { failed = error }
        }
        if let failed {
            throw MalakaError.io("The certificates were recorded, but \(failed.description) Run the same command again: it writes the same files.")
        }
        return lines
    }

    /// Deletes whatever was written, after a failure.
    func discard() {
        waitForBundle()
        let (files, bundleFile, folder) = lock.withLock { (self.files, self.bundleFile, self.folder) }
        lock.withLock {
            bundle = nil
            laidOut = [:]
            preflightLayouts = [:]
        }
        for file in files { folder?.discard(file) }
        bundleFile?.discard()
        // A refusal found after the first chunk was drawn leaves no empty folder behind; rmdir takes only empty ones.
        for made in lock.withLock({ madeFolders }) { rmdir(made.path) }
    }

    private static func describe(_ error: any Error) -> any Error {
        switch error {
        case let error as MalakaError: return error
        case let error as FileWriteError: return MalakaError.io("\(error.description) Nothing was issued.")
        case let error as TypesettingError: return MalakaError.io("\(error.description) Nothing was issued.")
        case let error as CocoaError:
            return MalakaError.io("A certificate could not be written (\(error.localizedDescription)). Nothing was issued.")
        default: return MalakaError.io("A certificate could not be written (\(error)). Nothing was issued.")
        }
    }
}
