import Foundation
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

/// What an issuing run did.
public struct IssueReport: Sendable {
    /// Every certificate of the run, new and issued before, in order.
    public var certificates: [IssuedCertificate]
    /// The per-person PDFs written, in the order of ``certificates``; empty without a directory.
    public var files: [URL]
    public var bundle: URL?
    /// Certificates left out because they could not be printed (`skipInvalid`), with why.
    public var skipped: [CertificateProblem]
    /// People left out on purpose, such as holders of a revoked certificate.
    public var notes: [String]
    /// Seconds spent in each step, in order: planning, the preflight, the transaction (numbering,
    /// hashing and drawing), and renaming the files.
    public var timings: [(step: String, seconds: Double)] = []
}

/// Called as certificates are drawn: how many pages and files are done, of how many.
public typealias IssueProgress = @Sendable (_ done: Int, _ total: Int) -> Void

/// Issues certificates from the database to PDF files: checks the whole batch first, records it,
/// and writes the files so that none is ever half-written under its final name.
///
/// For example:
/// ```swift
/// let issuer = CertificateIssuer(database: database, renderer: renderer)
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

    public init(database: AppDatabase, renderer: CertificateRenderer) {
        self.database = database
        self.renderer = renderer
    }

    /// Issues an event's certificates: to everyone who completed, or to the people requested.
    ///
    /// - Throws: ``MalakaError`` listing every problem when any certificate cannot be printed
    ///   (unless `skipInvalid`), or when nobody qualifies. Nothing is issued then.
    public func issue(
        _ request: CertificateRequest, to destination: CertificateDestination, skipInvalid: Bool = false,
        progress: IssueProgress? = nil
    ) throws -> IssueReport {
        try destination.check()
        var clock = StepClock()
        var plan = try database.planCertificates(request, templateLanguages: renderer.languages(ofTemplate:))
        clock.lap("plan")
        let preflight = renderer.preflight(plan.items.map { item in (item.content, Self.holder(item.participant)) })
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
        let output = PendingOutput(destination: destination, renderer: renderer, progress: progress,
                                   bundleTitle: "\(plan.event.title(in: .english)) — event \(plan.event.id)")
        let issued: [IssuedCertificate]
        do {
            issued = try database.issueCertificates(plan, digest: renderer.contentDigest(of:)) { batch in
                try output.produce(batch)
            }
        } catch {
            output.discard()
            throw error
        }
        clock.lap("transaction")
        let written = try output.commit()
        clock.lap("rename")
        return IssueReport(certificates: issued, files: written.files, bundle: written.bundle,
                           skipped: skipInvalid ? problems : [], notes: plan.notes, timings: clock.laps)
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
        let output = PendingOutput(destination: destination, renderer: renderer, progress: progress,
                                   bundleTitle: "Certificate re-issued in place of \(serial)")
        let issued: IssuedCertificate
        do {
            issued = try database.reissueCertificate(
                serial: serial, language: language, issueDate: issueDate, digest: renderer.contentDigest(of:)
            ) { certificate in
                let holder = "\(certificate.content.participantName), in place of \(serial)"
                let preflight = renderer.preflight([(certificate.content, holder)])
                guard preflight.problems.isEmpty else {
                    throw Self.refusal(preflight.problems, failing: 1, of: 1, event: certificate.certificate.eventId, canSkip: false)
                }
                return try output.produce([certificate])[0]
            }
        } catch {
            output.discard()
            throw error
        }
        let written = try output.commit()
        return IssueReport(certificates: [issued], files: written.files, bundle: written.bundle, skipped: [], notes: [])
    }

    static func holder(_ participant: Participant) -> String {
        "\(participant.fullName) (participant \(participant.id ?? 0))"
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

/// The files of one run, written under temporary names inside the transaction and renamed after it.
private final class PendingOutput: @unchecked Sendable {
    let destination: CertificateDestination
    let renderer: CertificateRenderer
    let progress: IssueProgress?
    let bundleTitle: String
    private let lock = NSLock()
    private var pending: [(temporary: URL, final: URL)] = []
    private var files: [URL] = []

    init(destination: CertificateDestination, renderer: CertificateRenderer, progress: IssueProgress?, bundleTitle: String) {
        self.destination = destination
        self.renderer = renderer
        self.progress = progress
        self.bundleTitle = bundleTitle
    }

    /// Draws the batch: each certificate's own PDF on every core, and the bundle on a thread of
    /// its own alongside. Returns the SHA-256 of each certificate's own PDF, or nil without one.
    func produce(_ batch: [IssuedCertificate]) throws -> [String?] {
        let total = batch.count * ((destination.directory == nil ? 0 : 1) + (destination.bundle == nil ? 0 : 1))
        let counter = ProgressCounter(total: total, report: progress)
        let failure = FirstFailure()
        let group = DispatchGroup()

        if let bundle = destination.bundle {
            try FileManager.default.createDirectory(at: bundle.deletingLastPathComponent(), withIntermediateDirectories: true)
            let temporary = Self.temporaryURL(for: bundle)
            register(temporary, bundle)
            let contents = batch.map(\.content)
            let metadata = PDFMetadata(
                title: bundleTitle, author: batch.first?.content.organiser,
                subject: "\(batch.count) certificate\(batch.count == 1 ? "" : "s")",
                keywords: batch.count <= 20 ? batch.map(\.content.serial) : [], creator: "Malaka",
                creationDate: batch.map(\.content.issueDate).max()?.startOfDayUTC)
            DispatchQueue.global().async(group: group) { [renderer] in
                do {
                    try renderer.writeBundle(contents, to: temporary, metadata: metadata) {
                        if failure.happened { return }
                        counter.tick()
                    }
                } catch {
                    failure.record(error)
                }
            }
        }

        var hashes = [String?](repeating: nil, count: batch.count)
        if let directory = destination.directory {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let names = batch.map { directory.appendingPathComponent(CertificateFileName.make(serial: $0.certificate.serial, name: $0.content.participantName)) }
            let temporaries = names.map(Self.temporaryURL(for:))
            for (temporary, final) in zip(temporaries, names) { register(temporary, final) }
            lock.withLock { files = names }
            let slots = Slots<(Int, String)>(count: batch.count)
            DispatchQueue.concurrentPerform(iterations: batch.count) { index in
                guard !failure.happened else { return }
                do {
                    let pdf = try renderer.pdf(of: batch[index].content)
                    try pdf.write(to: temporaries[index])
                    slots.set(index, (index, SHA256Hex.of(pdf)))
                    counter.tick()
                } catch {
                    failure.record(error)
                }
            }
            for (index, hash) in slots.values() { hashes[index] = hash }
        }
        group.wait()
        if let error = failure.error { throw Self.describe(error) }
        return hashes
    }

    /// Renames every file to its final name, replacing an older file of that name.
    func commit() throws -> (files: [URL], bundle: URL?) {
        let moves = lock.withLock { pending }
        for (index, move) in moves.enumerated() where rename(move.temporary.path, move.final.path) != 0 {
            let reason = String(cString: strerror(errno))
            for rest in moves[index...] { try? FileManager.default.removeItem(at: rest.temporary) }
            throw MalakaError.io("The certificates were recorded, but \(move.final.path) could not be written (\(reason)). Run the same command again: it writes the same files.")
        }
        return (lock.withLock { files }, destination.bundle)
    }

    /// Deletes whatever was written, after a failure.
    func discard() {
        for move in lock.withLock({ pending }) {
            try? FileManager.default.removeItem(at: move.temporary)
        }
    }

    private func register(_ temporary: URL, _ final: URL) {
        lock.withLock { pending.append((temporary, final)) }
    }

    /// A hidden name next to the final one, unique to this process.
    private static func temporaryURL(for url: URL) -> URL {
        url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).partial")
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
    private(set) var laps: [(step: String, seconds: Double)] = []

    mutating func lap(_ step: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        let cpu = Self.cpuSeconds()
        laps.append((step, Double(now - last) / 1e9))
        laps.append((step + " CPU", cpu - lastCPU))
        last = now
        lastCPU = cpu
    }

    private static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }
}
