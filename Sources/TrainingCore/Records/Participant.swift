import Foundation
import GRDB
import NameMatching

/// A person who takes part in events: a parent, a caregiver, a specialist.
public struct Participant: Codable, Hashable, Sendable, Identifiable {
    public var id: Int64?
    public var fullName: String
    /// The name in the other script, e.g. `Ғуломжон Ўринбоев` for `Gʻulomjon Oʻrinboyev`.
    public var alternateName: String?
    public var sex: Sex?
    public var birthYear: Int?
    public var category: ParticipantCategory
    public var organisation: String?
    public var phone: String?
    public var regionCode: String?
    public var districtCode: String?
    public var locality: String?
    /// The language the person's documents are printed in.
    public var language: DocumentLanguage?
    /// When the person agreed to be recorded, and who recorded it.
    public var consentDate: DayDate?
    public var consentRecordedBy: String?
    /// Both names folded for search; see ``Swift/String/searchFolded()``.
    public var searchKey: String
    public var createdAt: Date
    /// Both names folded across scripts, so that `Каримова` finds `Karimova`; see `NameMatching.searchKey(_:)`.
    public var crossScriptKey: String = ""

    static func searchKey(fullName: String, alternateName: String?) -> String {
        [fullName, alternateName].compactMap { $0?.searchFolded() }.joined(separator: " | ")
    }

    static func crossScriptKey(fullName: String, alternateName: String?) -> String {
        [fullName, alternateName].compactMap { $0.map(NameMatching.searchKey) }.joined(separator: " | ")
    }
}

extension Participant: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "participant"

    public enum Columns {
        static let fullName = Column(CodingKeys.fullName)
        static let searchKey = Column(CodingKeys.searchKey)
        static let crossScriptKey = Column(CodingKeys.crossScriptKey)
        static let regionCode = Column(CodingKeys.regionCode)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
