import Foundation
import TrainingCore
import Typesetting

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
///    Without `skipInvalid`, the preflight of step 1 runs here, a chunk at a time just before
///    the chunk is numbered, so that the drawing can reuse its layouts of names and serials.
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
    /// - Parameter keepHashes: whether the report lists each certificate's hashes, as JSON output does.
    public func issue(
        _ request: CertificateRequest, to destination: CertificateDestination, skipInvalid: Bool = false,
        keepHashes: Bool = false, progress: IssueProgress? = nil
    ) throws -> IssueReport {
        try destination.check()
        destination.removeAbandonedTemporaries()
        var clock = StepClock()
        var plan = try database.planCertificates(request, templateLanguages: renderer.languages(ofTemplate:))
        clock.lap("plan")
        // When the plan itself is sound and no certificate may be left out, the preflight goes a chunk at a time inside
        // the transaction, just before the chunk is numbered, and the drawing takes the layouts it made of each
        // person's name and serial instead of shaping them again; any problem still stops the run before its end, and
        // the transaction and every file written are undone. With --skip-invalid the failing certificates must be known
        // before numbering, so the whole plan is checked first, as it is when the plan reports problems of its own.
        let checksChunks = plan.problems.isEmpty && !skipInvalid
        let preflight = checksChunks ? PreflightReport() : preflight(plan)
        clock.lap("preflight")
        let problems = plan.problems.map { CertificateProblem(message: $0) } + preflight.problems
        let failing = plan.problems.count + preflight.failing.count
        if !problems.isEmpty {
            guard skipInvalid, failing < plan.items.count + plan.problems.count else {
                throw Self.refusal(problems, failing: failing, of: plan.items.count + plan.problems.count,
                                   event: request.eventID, canSkip: !skipInvalid)
            }
            plan.items = plan.items.enumerated().filter { !preflight.failing.contains($0.offset) }.map(\.element)
        }
        guard !plan.items.isEmpty else {
            throw MalakaError(.data, .nobodyCompleted, "Nobody enrolled in event \(request.eventID) has met the course's completion rule yet (\(plan.event.enrolledCount) enrolled), so nothing was issued.",
                              subject: .event(request.eventID), remedy: .showAttendance(event: request.eventID))
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
            if checksChunks {
                let checked = plan
                totals = try database.issueCertificates(
                    plan, keys: keys, checkingEachChunk: { try check(checked, range: $0, keepingFor: output) },
                    digest: output.digest(of:), produce: output.produce, finish: output.finish)
            } else {
                totals = try database.issueCertificates(plan, keys: keys, digest: output.digest(of:), produce: output.produce,
                                                        finish: output.finish)
            }
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
    private func preflight(_ plan: CertificatePlan, from first: Int = 0) -> PreflightReport {
        let items = plan.items
        var report = PreflightReport()
        var start = first
        while start < items.count {
            let end = min(items.count, start + 512)
            report.merge(renderer.preflight(items[start..<end].map { (plan.content(of: $0), Self.holder($0)) }), offset: start)
            start = end
        }
        return report
    }

    /// The preflight of the certificates at `range` of a plan without problems of its own, keeping their layouts for
    /// `output`; on a problem, the preflight of the rest of the plan too, and the same refusal as checking it all first.
    private func check(_ plan: CertificatePlan, range: Range<Int>, keepingFor output: PendingOutput) throws {
        let items = plan.items[range].map { (plan.content(of: $0), Self.holder($0)) }
        let (report, layouts) = renderer.preflight(items, keepingLayouts: true)
        guard !report.failing.isEmpty else {
            output.keep(layouts, from: range.lowerBound)
            return
        }
        // Every certificate before `range` passed, so the report of the whole plan is this chunk's and the rest's.
        var whole = PreflightReport()
        whole.merge(report, offset: range.lowerBound)
        let rest = preflight(plan, from: range.upperBound)
        whole.merge(rest, offset: 0)
        throw Self.refusal(whole.problems, failing: whole.failing.count, of: plan.items.count, event: plan.event.id, canSkip: true)
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
                serial: serial, language: language, issueDate: issueDate, keys: keys, digest: output.digest(of:)
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
        MalakaError(.data, .cannotPrint,
                    "\(failing) of \(total) certificate\(total == 1 ? "" : "s") for event \(event) cannot be issued, so nothing was issued.",
                    subject: .event(event), remedy: .fixAndIssueAgain(canSkip: canSkip && failing < total),
                    details: problems.map(\.detail))
    }
}
