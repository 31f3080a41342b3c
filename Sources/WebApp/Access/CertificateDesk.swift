import Documents
import Foundation
import MalakaSupport
import TrainingCore

/// Issues certificates the way `malaka certificates issue --bundle` does, through the same
/// ``CertificateIssuer``, and keeps each event's bundle in a folder only the server's user may read.
///
/// The bundle's file name is made from the event's number alone, so no request can name another file.
struct CertificateDesk: Sendable {
    /// The certificate templates, as `--templates` gives them to the command line.
    let templatesFolder: String
    /// The database file, beside which the signing keys are kept.
    let databasePath: String
    /// Where bundles are kept between issuing and downloading.
    let bundleFolder: URL

    func issue(eventID: Int64, database: AppDatabase) throws -> IssueReport {
        try FileManager.default.createDirectory(at: bundleFolder, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        let issuer = CertificateIssuer(database: database,
                                       renderer: CertificateRenderer(templates: CertificateTemplateLibrary(folder: templatesFolder)),
                                       keys: .besideDatabase(at: databasePath))
        return try issuer.issue(CertificateRequest(eventID: eventID), to: CertificateDestination(bundle: bundleURL(eventID: eventID)))
    }

    func bundle(eventID: Int64) -> Data? {
        try? Data(contentsOf: bundleURL(eventID: eventID))
    }

    private func bundleURL(eventID: Int64) -> URL {
        bundleFolder.appendingPathComponent("event-\(eventID)-certificates.pdf")
    }
}
