import CertificateVerification

/// A verdict as `verify --json` prints it.
struct VerdictView: Encodable {
    var status: String
    var serial: String?
    var course: String?
    var organisation: String?
    var issueDate: String?
    var signingKey: String?
    var checkCode: String?
    var reasons: [String]
    /// What the check did not cover: `name`, `revocation`.
    var unchecked: [String]
    /// What has happened since issuing to a valid certificate's event or holder: `event-cancelled`, `holder-removed`.
    var since: [String]

    init(_ verdict: Verdict) {
        status = verdict.status.rawValue
        serial = verdict.token?.serial
        course = verdict.token?.courseCode
        organisation = verdict.token?.organisation
        issueDate = verdict.token?.issueDate.iso
        signingKey = verdict.signingKeyID
        reasons = verdict.reasons
        unchecked = verdict.unchecked.map(\.rawValue)
        since = verdict.circumstances.map(\.code)
    }
}
