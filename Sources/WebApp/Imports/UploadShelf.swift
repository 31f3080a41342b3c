import Foundation

/// Files uploaded for import, kept in memory between their preview and the confirmation that applies them.
///
/// An upload is found again only by its random number, and only by the account that uploaded it for the
/// same event: nobody else can apply or read it. Nothing is written to disk, so no list of names lies
/// about after the server stops; a preview older than ``lifetime`` is forgotten and must be uploaded again.
final class UploadShelf: @unchecked Sendable {
    enum Kind: String, Sendable {
        case participants
        case attendance
    }

    struct Upload: Sendable {
        var account: String
        var eventID: Int64
        var kind: Kind
        var fileName: String
        /// The worksheet of a workbook chosen on the form; the first visible one when nil.
        var sheet: String?
        var data: Data
        var storedAt: Date
    }

    static let lifetime: TimeInterval = 60 * 60
    /// Uploads kept per account; an older one is forgotten when another arrives.
    static let perAccount = 4

    private let lock = NSLock()
    private var uploads: [String: Upload] = [:]

    /// Keeps an upload and answers the number that finds it again.
    func put(_ upload: Upload) -> String {
        let id = SessionToken.random()
        lock.withLock {
            forgetExpired(now: upload.storedAt)
            let own = uploads.filter { $0.value.account == upload.account }.sorted { $0.value.storedAt < $1.value.storedAt }
            for (oldID, _) in own.prefix(max(0, own.count - Self.perAccount + 1)) { uploads[oldID] = nil }
            uploads[id] = upload
        }
        return id
    }

    /// The upload of this number, if this account made it for this event and it has not expired.
    func upload(id: String, account: String, eventID: Int64, now: Date = Date()) -> Upload? {
        lock.withLock {
            forgetExpired(now: now)
            guard let upload = uploads[id], upload.account == account, upload.eventID == eventID else { return nil }
            return upload
        }
    }

    func remove(id: String) {
        lock.withLock { uploads[id] = nil }
    }

    private func forgetExpired(now: Date) {
        uploads = uploads.filter { now.timeIntervalSince($0.value.storedAt) < Self.lifetime }
    }
}
