import Foundation
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
    private var bundleStarted = false
    /// The bundle's pages of the latest chunk, drawn while the next chunk is numbered and recorded.
    private var bundleWork: DispatchGroup?
    private let bundleFailure = FirstFailure()

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

    /// Draws one chunk of certificates: each one's own PDF on every core, and its pages of the
    /// bundle on a thread of its own, which may go on drawing while the next chunk is numbered and
    /// recorded. Returns the SHA-256 of each certificate's own PDF, or nil without one.
    func produce(_ chunk: [IssuedCertificate]) throws -> [String?] {
        let failure = FirstFailure()
        let counter = counter

        if let url = destination.bundle {
            let bundle = try openBundle(url, first: chunk.first)
            // Pages go into the bundle in order: the previous chunk's must be done first.
            waitForBundle()
            if let error = bundleFailure.error { throw Self.describe(error) }
            let contents = chunk.map(\.content)
            let group = DispatchGroup()
            let bundleFailure = bundleFailure
            DispatchQueue.global().async(group: group) {
                do {
                    try bundle.append(contents) {
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
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let fileNames = chunk.map { CertificateFileName.make(serial: $0.certificate.serial, name: $0.content.participantName) }
            // Registered before they are written, so that a failure deletes whatever was.
            lock.withLock {
                lines.append(contentsOf: zip(chunk, fileNames).map { line(for: $0, file: $1, pdfHash: nil) })
            }
            let slots = Slots<(Int, String)>(count: chunk.count)
            let renderer = renderer
            DispatchQueue.concurrentPerform(iterations: chunk.count) { index in
                guard !failure.happened else { return }
                do {
                    let temporary = Self.temporaryURL(for: directory.appendingPathComponent(fileNames[index]))
                    try renderer.writePDF(of: chunk[index].content, to: temporary)
                    // Hashed as written: the bytes on disk are the bytes recorded.
                    slots.set(index, (index, SHA256Hex.of(try Data(contentsOf: temporary))))
                    counter.tick()
                } catch {
                    failure.record(error)
                }
            }
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

    /// Completes the bundle, if there is one; called inside the transaction, after the last chunk.
    func finish() throws {
        guard let bundle = lock.withLock({ bundle }) else { return }
        waitForBundle()
        if let error = bundleFailure.error { throw Self.describe(error) }
        do {
            try bundle.finish()
        } catch {
            throw Self.describe(error)
        }
    }

    private func waitForBundle() {
        lock.withLock { bundleWork }?.wait()
    }

    private func openBundle(_ url: URL, first: IssuedCertificate?) throws -> CertificateBundle {
        if let bundle = lock.withLock({ bundle }) { return bundle }
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        lock.withLock { bundleStarted = true }
        let metadata = bundleMetadata ?? PDFMetadata(
            title: first.map { "Certificate \($0.certificate.serial)" }, author: first?.content.organiser, creator: "Malaka",
            creationDate: first?.content.issueDate.startOfDayUTC)
        let opened = try renderer.bundle(at: Self.temporaryURL(for: url), metadata: metadata)
        lock.withLock { bundle = opened }
        return opened
    }

    /// Renames every file to its final name, replacing an older file of that name; returns the lines.
    func commit() throws -> [IssuedLine] {
        let (lines, bundleStarted) = lock.withLock { (self.lines, self.bundleStarted) }
        var finals: [URL] = []
        if let bundle = destination.bundle, bundleStarted { finals.append(bundle) }
        var failed: (path: String, reason: String)?
        func move(_ final: URL) {
            let temporary = Self.temporaryURL(for: final)
            guard failed == nil else {
                try? FileManager.default.removeItem(at: temporary)
                return
            }
            if rename(temporary.path, final.path) != 0 {
                failed = (final.path, String(cString: strerror(errno)))
                try? FileManager.default.removeItem(at: temporary)
            }
        }
        // One file at a time, without a list of 10,000 paths.
        if let directory = destination.directory {
            for line in lines {
                if let name = line.file { move(directory.appendingPathComponent(name)) }
            }
        }
        for final in finals { move(final) }
        if let failed {
            throw MalakaError.io("The certificates were recorded, but \(failed.path) could not be written (\(failed.reason)). Run the same command again: it writes the same files.")
        }
        return lines
    }

    /// Deletes whatever was written, after a failure.
    func discard() {
        waitForBundle()
        let (lines, bundleStarted) = lock.withLock { (self.lines, self.bundleStarted) }
        lock.withLock { bundle = nil }
        if let directory = destination.directory {
            for name in lines.compactMap(\.file) {
                try? FileManager.default.removeItem(at: Self.temporaryURL(for: directory.appendingPathComponent(name)))
            }
        }
        if let bundle = destination.bundle, bundleStarted {
            try? FileManager.default.removeItem(at: Self.temporaryURL(for: bundle))
        }
    }

    private static func temporaryURL(for url: URL) -> URL {
        TemporaryName.url(for: url)
    }

    private static func describe(_ error: any Error) -> any Error {
        switch error {
        case let error as MalakaError: return error
        case let error as TypesettingError: return MalakaError.io("\(error.description) Nothing was issued.")
        case let error as CocoaError:
            return MalakaError.io("A certificate could not be written (\(error.localizedDescription)). Nothing was issued.")
        default: return MalakaError.io("A certificate could not be written (\(error)). Nothing was issued.")
        }
    }
}
