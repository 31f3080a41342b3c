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

/// One certificate of an issuing run, as the report lists it: small, because a run may have 10,000.
public struct IssuedLine: Sendable {
    public var serial: String
    public var participantID: Int64
    /// The name as printed.
    public var name: String
    public var language: DocumentLanguage
    /// Whether this run gave it its serial; false when it was issued before and is printed again.
    public var isNew: Bool
    /// Whether a certificate issued before now prints something else than it did, e.g. after a template changed.
    public var printsDifferently: Bool
    /// The serial it replaces, for a re-issue.
    public var replaces: String?
    /// Its own PDF's file name in ``IssueReport/directory``, when one was written.
    public var file: String?
    /// Its hashes, when the run was asked to keep them (`keepHashes`).
    public var contentSHA256: String?
    public var pdfSHA256: String?
}

/// What an issuing run did.
public struct IssueReport: Sendable {
    /// Every certificate of the run, new and issued before, in order.
    public var certificates: [IssuedLine]
    /// The folder of per-person PDFs, if they were written.
    public var directory: URL?
    public var bundle: URL?
    /// Certificates left out because they could not be printed (`skipInvalid`), with why.
    public var skipped: [CertificateProblem]
    /// People left out on purpose, such as holders of a revoked certificate.
    public var notes: [String]
    /// Each step in order — planning, the preflight, the transaction (numbering, hashing, drawing and
    /// recording) and renaming the files — with its wall-clock seconds, its CPU seconds (`… CPU`) and
    /// the peak memory so far (`… peak memory MB`). `MALAKA_TIMINGS=1` makes `malaka` print them.
    public var timings: [(step: String, value: Double)] = []
    /// The organisation's signing key, when this run created it because the organisation had none.
    public var createdKey: SigningKeyRecord?
}

/// Called as certificates are drawn: how many pages and files are done, of how many.
public typealias IssueProgress = @Sendable (_ done: Int, _ total: Int) -> Void

/// Issues certificates from the database to PDF files: checks the whole batch first, records it,
/// and writes the files so that none is ever half-written under its final name.
///
/// For example:
/// ```swift
/// let issuer = CertificateIssuer(database: database, renderer: renderer, keys: .besideDatabase(at: path))
/// let report = try issuer.issue(CertificateRequest(eventID: 1),
///                               to: CertificateDestination(directory: URL(fileURLWithPath: "out")))
/// ```
///
/// Issuing goes in three steps:
/// 1. The plan says who qualifies and what each certificate prints; the preflight checks every
///    string of every certificate against its template and the fonts. If anything cannot be
///    printed, nothing is issued and every problem is reported, unless `skipInvalid` is set.
/// 2. In one database transaction, the certificates get their serials and the PDFs are drawn
///    on every core under temporary names. A failure rolls everything back and deletes them.
/// 3. After the commit, the files are renamed to their final names.
public final class CertificateIssuer: Sendable {
    public let database: AppDatabase
    public let renderer: CertificateRenderer
    /// Where an organisation's first signing key is made; every certificate is signed.
    public let keys: IssuingKeys

    public init(database: AppDatabase, renderer: CertificateRenderer, keys: IssuingKeys) {
        self.database = database
        self.renderer = renderer
        self.keys = keys
    }

    /// Issues an event's certificates: to everyone who completed, or to the people requested.
    ///
    /// - Throws: ``MalakaError`` listing every problem when any certificate cannot be printed
    ///   (unless `skipInvalid`), or when nobody qualifies. Nothing is issued then.
    ///
    /// - Parameter keepHashes: whether the report lists each certificate's hashes, as `--json` does.
    public func issue(
        _ request: CertificateRequest, to destination: CertificateDestination, skipInvalid: Bool = false,
        keepHashes: Bool = false, progress: IssueProgress? = nil
    ) throws -> IssueReport {
        try destination.check()
        destination.removeAbandonedTemporaries()
        var clock = StepClock()
        var plan = try database.planCertificates(request, templateLanguages: renderer.languages(ofTemplate:))
        clock.lap("plan")
        let preflight = preflight(plan)
        clock.lap("preflight")
        let problems = plan.problems.map { CertificateProblem(message: $0, holders: []) } + preflight.problems
        let failing = plan.problems.count + preflight.failing.count
        if !problems.isEmpty {
            guard skipInvalid, failing < plan.items.count + plan.problems.count else {
                throw Self.refusal(problems, failing: failing, of: plan.items.count + plan.problems.count,
                                   event: request.eventID, canSkip: !skipInvalid)
            }
            plan.items = plan.items.enumerated().filter { !preflight.failing.contains($0.offset) }.map(\.element)
        }
        guard !plan.items.isEmpty else {
            throw MalakaError.data("Nobody enrolled in event \(request.eventID) has met the course's completion rule yet (\(plan.event.enrolledCount) enrolled), so nothing was issued. `malaka attendance show \(request.eventID)` shows who attended.")
        }
        let dates = plan.items.map(\.issueDate)
        let output = PendingOutput(
            destination: destination, renderer: renderer, progress: progress, count: plan.items.count, keepHashes: keepHashes,
            bundleMetadata: PDFMetadata(
                title: "\(plan.event.title(in: .english)) — event \(plan.event.id)", author: plan.event.event.organiser,
                subject: "\(plan.items.count) certificate\(plan.items.count == 1 ? "" : "s")", creator: "Malaka",
                creationDate: dates.max()?.startOfDayUTC))
        let totals: IssueTotals
        do {
            totals = try database.issueCertificates(plan, keys: keys, digest: renderer.contentDigest(of:), produce: output.produce,
                                                    finish: output.finish)
        } catch {
            output.discard()
            throw error
        }
        clock.lap("transaction")
        let lines = try output.commit()
        clock.lap("rename")
        return IssueReport(certificates: lines, directory: destination.directory, bundle: destination.bundle,
                           skipped: skipInvalid ? problems : [], notes: plan.notes, timings: clock.laps, createdKey: totals.createdKey)
    }

    /// The preflight of a whole plan, a few hundred certificates at a time so that memory stays flat.
    private func preflight(_ plan: CertificatePlan) -> PreflightReport {
        let items = plan.items
        var report = PreflightReport()
        var start = 0
        while start < items.count {
            let end = min(items.count, start + 512)
            report.merge(renderer.preflight(items[start..<end].map { (plan.content(of: $0), Self.holder($0)) }), offset: start)
            start = end
        }
        return report
    }

    /// Re-issues a certificate under a new serial, e.g. after the holder's name was corrected.
    ///
    /// The new certificate is checked before anything changes; if it cannot be printed, the
    /// old one stays valid and nothing is written.
    public func reissue(
        serial: String, language: DocumentLanguage? = nil, issueDate: DayDate? = nil,
        to destination: CertificateDestination, progress: IssueProgress? = nil
    ) throws -> IssueReport {
        try destination.check()
        destination.removeAbandonedTemporaries()
        let output = PendingOutput(destination: destination, renderer: renderer, progress: progress, count: 1, keepHashes: true,
                                   bundleMetadata: nil)
        let reissued: IssuedCertificate
        do {
            reissued = try database.reissueCertificate(
                serial: serial, language: language, issueDate: issueDate, keys: keys, digest: renderer.contentDigest(of:)
            ) { certificate in
                let holder = "\(certificate.content.participantName), in place of \(serial)"
                let preflight = renderer.preflight([(certificate.content, holder)])
                guard preflight.problems.isEmpty else {
                    throw Self.refusal(preflight.problems, failing: 1, of: 1, event: certificate.certificate.eventId, canSkip: false)
                }
                let hash = try output.produce([certificate])[0]
                try output.finish()
                return hash
            }
        } catch {
            output.discard()
            throw error
        }
        let lines = try output.commit()
        return IssueReport(certificates: lines, directory: destination.directory, bundle: destination.bundle, skipped: [], notes: [],
                           createdKey: reissued.createdKey)
    }

    static func holder(_ item: CertificatePlan.Item) -> String {
        "\(item.participantName) (participant \(item.participantID))"
    }

    /// Every problem, each once with whom it affects, under a first line saying nothing was issued.
    static func refusal(_ problems: [CertificateProblem], failing: Int, of total: Int, event: Int64, canSkip: Bool) -> MalakaError {
        var lines = ["\(failing) of \(total) certificate\(total == 1 ? "" : "s") for event \(event) cannot be issued, so nothing was issued."]
        for problem in problems {
            var line = "  - " + problem.message
            if !problem.holders.isEmpty {
                let shown = problem.holders.prefix(5).joined(separator: "; ")
                let more = problem.holders.count > 5 ? "; and \(problem.holders.count - 5) more" : ""
                line += " [\(shown)\(more)]"
            }
            lines.append(line)
        }
        lines.append(canSkip && failing < total
                     ? "Fix these and issue again, or add --skip-invalid to issue the others now."
                     : "Fix these and issue again.")
        return MalakaError.data(lines.joined(separator: "\n"))
    }
}

extension CertificateDestination {
    /// Refuses a run with nowhere to write, or a place that cannot be written, before anything is issued.
    func check() throws {
        guard directory != nil || bundle != nil else {
            throw MalakaError.usage("Say where the certificates go: --out DIR for one PDF per person, --bundle FILE for all in one PDF, or both.")
        }
        let fileManager = FileManager.default
        if let directory {
            var isDirectory: ObjCBool = false
            if fileManager.fileExists(atPath: directory.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                throw MalakaError.io("\(directory.path) is a file, not a folder; give --out a folder. Nothing was issued.")
            }
            try Self.checkCanCreate(directory)
        }
        if let bundle {
            var isDirectory: ObjCBool = false
            if fileManager.fileExists(atPath: bundle.path, isDirectory: &isDirectory), isDirectory.boolValue {
                throw MalakaError.io("\(bundle.path) is a folder; give --bundle a file name such as certificates.pdf. Nothing was issued.")
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

/// The files of one run, written under temporary names inside the transaction and renamed after it,
/// and a line for each certificate.
private final class PendingOutput: @unchecked Sendable {
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
    /// Every per-person file written, sealed, waiting to be put in place.
    private var files: [AtomicFile] = []
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
            if let error = bundleFailure.error { throw Self.describe(fileFailure(bundle: error)) }
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
            let folder = try openFolder(directory)
            let fileNames = chunk.map { CertificateFileName.make(serial: $0.certificate.serial, name: $0.content.participantName) }
            lock.withLock {
                lines.append(contentsOf: zip(chunk, fileNames).map { line(for: $0, file: $1, pdfHash: nil) })
            }
            let slots = Slots<(Int, String)>(count: chunk.count)
            let written = Slots<AtomicFile>(count: chunk.count)
            let renderer = renderer
            DispatchQueue.concurrentPerform(iterations: chunk.count) { index in
                guard !failure.happened else { return }
                do {
                    let file = try AtomicFile(destination: directory.appendingPathComponent(fileNames[index]), in: folder)
                    // Kept before it is written, so that a failure deletes whatever was.
                    written.set(index, file)
                    try renderer.writePDF(of: chunk[index].content, into: file)
                    // One flush of the disk for the whole run, in finish(), instead of one a file.
                    try file.seal(syncing: false)
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
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let opened = try OutputFolder(directory)
        lock.withLock { folder = opened }
        return opened
    }

    private func waitForBundle() {
        lock.withLock { bundleWork }?.wait()
    }

    private func openBundle(_ url: URL, first: IssuedCertificate?) throws -> CertificateBundle {
        if let bundle = lock.withLock({ bundle }) { return bundle }
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
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
        for file in files + (bundleFile.map { [$0] } ?? []) {
            guard failed == nil else {
                file.discard()
                continue
            }
            do throws(FileWriteError) {
                // The per-person folder is flushed once, after the last.
                try file.publish(syncingFolder: file === bundleFile)
            } catch {
                failed = error
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
        let (files, bundleFile) = lock.withLock { (self.files, self.bundleFile) }
        lock.withLock { bundle = nil }
        for file in files { file.discard() }
        bundleFile?.discard()
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

/// Counts pages and files done, reporting at most every tenth of a second.
private final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private let total: Int
    private let report: IssueProgress?
    private var done = 0
    private var lastReport = DispatchTime(uptimeNanoseconds: 0)

    init(total: Int, report: IssueProgress?) {
        self.total = total
        self.report = report
    }

    func tick() {
        guard let report else { return }
        let (count, due): (Int, Bool) = lock.withLock {
            done += 1
            let now = DispatchTime.now()
            let due = done == total || now.uptimeNanoseconds - lastReport.uptimeNanoseconds > 100_000_000
            if due { lastReport = now }
            return (done, due)
        }
        if due { report(count, total) }
    }
}

/// The first error of concurrent work, which tells the rest to stop.
private final class FirstFailure: @unchecked Sendable {
    private let lock = NSLock()
    private var first: (any Error)?

    var happened: Bool { lock.withLock { first != nil } }
    var error: (any Error)? { lock.withLock { first } }

    func record(_ error: any Error) {
        lock.withLock { if first == nil { first = error } }
    }
}

/// Times consecutive steps, in wall-clock seconds and in CPU seconds of the whole process.
private struct StepClock {
    private var last = DispatchTime.now().uptimeNanoseconds
    private var lastCPU = StepClock.cpuSeconds()
    private(set) var laps: [(step: String, value: Double)] = []

    mutating func lap(_ step: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        let cpu = Self.cpuSeconds()
        laps.append((step, Double(now - last) / 1e9))
        laps.append((step + " CPU", cpu - lastCPU))
        laps.append((step + " peak memory MB", Self.peakMegabytes()))
        last = now
        lastCPU = cpu
    }

    /// VmHWM from /proc/self/status, or 0 where there is none.
    private static func peakMegabytes() -> Double {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return 0 }
        return (Double(line.split(separator: " ").dropFirst().first ?? "0") ?? 0) / 1024
    }

    private static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }
}
