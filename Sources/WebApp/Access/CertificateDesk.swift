import Documents
import Foundation
import MalakaSupport
import TrainingCore
import ZIPFoundation

/// Issues certificates the way `malaka certificates issue --bundle --out` does, through the same
/// ``CertificateIssuer``, and keeps each event's bundle and a ZIP of its one-PDF-per-person files in a
/// folder only the server's user may read.
///
/// The files' names are made from the event's number alone, so no request can name another file.
struct CertificateDesk: Sendable {
    /// The certificate templates, as `--templates` gives them to the command line.
    let templatesFolder: String
    /// The database file, beside which the signing keys are kept.
    let databasePath: String
    /// Where bundles and ZIPs are kept between issuing and downloading.
    let bundleFolder: URL

    /// Issues the event's certificates to everyone who completed it.
    func issue(eventID: Int64, database: AppDatabase) throws -> IssueReport {
        try issue(CertificateRequest(eventID: eventID), database: database)
    }

    /// Issues a certificate again under a new serial (after its holder's name was corrected), then makes the
    /// event's bundle and ZIP again from the certificates now valid, so that they hold the new one.
    func reissue(serial: String, eventID: Int64, database: AppDatabase) throws -> IssueReport {
        try prepareFolder()
        let scratch = bundleFolder.appendingPathComponent("reissue-\(SessionToken.random()).pdf")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let report = try issuer(database).reissue(serial: serial, to: CertificateDestination(bundle: scratch))
        let holders = try database.certificates(eventID: eventID).filter { $0.status == .valid }.map(\.participantId)
        _ = try issue(CertificateRequest(eventID: eventID, participantIDs: holders), database: database)
        return report
    }

    func bundle(eventID: Int64) -> Data? {
        try? Data(contentsOf: bundleURL(eventID: eventID))
    }

    func zip(eventID: Int64) -> Data? {
        try? Data(contentsOf: zipURL(eventID: eventID))
    }

    /// Issues into a scratch folder of one PDF per person and the bundle, then packs the scratch folder's
    /// files into the event's ZIP (stored, not compressed: PDFs hardly shrink) and removes it.
    private func issue(_ request: CertificateRequest, database: AppDatabase) throws -> IssueReport {
        try prepareFolder()
        let files = bundleFolder.appendingPathComponent("event-\(request.eventID)-files-\(SessionToken.random())", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: files) }
        let report = try issuer(database).issue(request, to: CertificateDestination(directory: files, bundle: bundleURL(eventID: request.eventID)))
        let archive: Archive
        do {
            archive = try Archive(accessMode: .create)
            for line in report.certificates {
                guard let name = line.file else { continue }
                let data = try Data(contentsOf: files.appendingPathComponent(name))
                try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), permissions: 0o600,
                                     compressionMethod: .none) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
        } catch {
            throw MalakaError.io("The ZIP of event \(request.eventID)'s certificates could not be made: \(error).")
        }
        guard let zipped = archive.data else {
            throw MalakaError.io("The ZIP of event \(request.eventID)'s certificates could not be made.")
        }
        try AtomicFile.write(zipped, to: zipURL(eventID: request.eventID))
        return report
    }

    private func issuer(_ database: AppDatabase) -> CertificateIssuer {
        CertificateIssuer(database: database,
                          renderer: CertificateRenderer(templates: CertificateTemplateLibrary(folder: templatesFolder)),
                          keys: .besideDatabase(at: databasePath))
    }

    private func prepareFolder() throws {
        try FileManager.default.createDirectory(at: bundleFolder, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
    }

    private func bundleURL(eventID: Int64) -> URL {
        bundleFolder.appendingPathComponent("event-\(eventID)-certificates.pdf")
    }

    private func zipURL(eventID: Int64) -> URL {
        bundleFolder.appendingPathComponent("event-\(eventID)-certificates.zip")
    }
}
