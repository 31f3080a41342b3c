import Foundation

/// The `--json` output of `certificates issue` and `reissue`.
struct IssuedJSON: Decodable, Equatable {
    var serial: String
    var participant: Int64
    var name: String
    var language: String
    var new: Bool
    var printsDifferently: Bool
    var file: String?
    var contentSHA256: String
    var pdfSHA256: String?
}

/// The `--json` output of `certificates list` and `show`.
struct CertificateJSON: Decodable, Equatable {
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
    var token: String?
    var checkCode: String?
    /// What has happened since issuing to the event or holder: `event-cancelled`, `holder-removed`.
    var since: [String]?
}

/// poppler and zbar on the PDFs the commands write.
