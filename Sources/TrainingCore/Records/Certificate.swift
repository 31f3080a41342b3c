import Foundation
import GRDB

/// An issued, numbered record that a person completed or took part in an event.
public struct Certificate: Codable, Hashable, Sendable, Identifiable {
    /// Whether a certificate still stands.
    public enum Status: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
        case valid
        /// Withdrawn, with a reason.
        case revoked
        /// Replaced by a re-issue after a correction; ``Certificate/replacesSerial`` of the new one points here.
        case superseded
    }

    public var id: Int64?
    public var serial: String
    public var series: String
    public var sequence: Int
    public var eventId: Int64
    public var participantId: Int64
    public var template: String
    public var language: DocumentLanguage
    public var issueDate: DayDate
    /// The name exactly as printed, which later corrections to the person's record do not change.
    public var printedName: String
    /// The SHA-256, in hex, of the certificate's canonical content: everything it prints, with the
    /// template's own digest. Issuing again reproduces it; nil only for certificates recorded before
    /// content hashes existed, until they are issued again.
    public var contentSHA256: String?
    /// The SHA-256, in hex, of the certificate's own one-page PDF, once that PDF has been made.
    ///
    /// A bundle alone does not set it: see “Certificates” in docs/coordinator.md.
    public var pdfSHA256: String?
    public var status: Status
    public var replacesSerial: String?
    public var revokedReason: String?
    public var createdAt: Date
    /// The signed token its QR code carries (`MLK1:…`), made once when it gets its serial and printed
    /// unchanged ever after; nil only for certificates recorded before tokens existed, until issued again.
    public var token: String? = nil
}

extension Certificate: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "certificate"

    public enum Columns {
        static let serial = Column(CodingKeys.serial)
        static let eventId = Column(CodingKeys.eventId)
        static let participantId = Column(CodingKeys.participantId)
        static let status = Column(CodingKeys.status)
        static let series = Column(CodingKeys.series)
        static let sequence = Column(CodingKeys.sequence)
        static let replacesSerial = Column(CodingKeys.replacesSerial)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
