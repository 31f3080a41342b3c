import Foundation
import TrainingCore
import Typesetting

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
