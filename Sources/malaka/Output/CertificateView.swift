import CertificateVerification
import TrainingCore

/// A certificate as `certificates list` and `show` print it, with what has happened to its event or holder since.
struct CertificateView: Encodable {
    var serial: String
    var status: String
    var event: Int64
    var participant: Int64
    var name: String
    var language: String
    var template: String
    var issueDate: String
    var replaces: String?
    var replacedBy: String?
    var revokedReason: String?
    var contentSHA256: String?
    var pdfSHA256: String?
    var verificationURL: String?
    var course: String?
    var dates: String?
    var place: String?
    /// The signed token its QR code carries, and the check code printed beside it.
    var token: String?
    var checkCode: String?
    /// What has happened since issuing to a valid certificate's event or holder: `event-cancelled`, `holder-removed`.
    var since: [String]?
    /// The same, in words; not printed as JSON.
    private var circumstances: [LedgerEntry.Circumstance] = []

    private enum CodingKeys: String, CodingKey {
        case serial, status, event, participant, name, language, template, issueDate, replaces, replacedBy, revokedReason
        case contentSHA256, pdfSHA256, verificationURL, course, dates, place, token, checkCode, since
    }

    /// `25.03.2019`: the issue date as the table prints it; not printed as JSON.
    private(set) var issued: String

    /// `valid`, or `valid (event cancelled)`, `valid (holder removed)`: the table's status column.
    var statusText: String {
        guard !circumstances.isEmpty else { return status }
        return status + " (" + circumstances.map { $0.code.replacingOccurrences(of: "-", with: " ") }.joined(separator: ", ") + ")"
    }

    init(_ certificate: Certificate, circumstances: [LedgerEntry.Circumstance] = []) {
        serial = certificate.serial
        status = certificate.status.rawValue
        event = certificate.eventId
        participant = certificate.participantId
        name = certificate.printedName
        language = certificate.language.rawValue
        template = certificate.template
        issueDate = certificate.issueDate.iso
        issued = certificate.issueDate.dotted
        replaces = certificate.replacesSerial
        revokedReason = certificate.revokedReason
        contentSHA256 = certificate.contentSHA256
        pdfSHA256 = certificate.pdfSHA256
        token = certificate.token
        checkCode = certificate.token.map(CertificateToken.checkCode(of:))
        self.circumstances = circumstances
        since = circumstances.isEmpty ? nil : circumstances.map(\.code)
    }
}
