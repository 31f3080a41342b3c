import GRDB

/// A course's title in one language.
public struct CourseTitle: Codable, Hashable, Sendable {
    public var courseId: Int64
    public var language: DocumentLanguage
    public var title: String
}

extension CourseTitle: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "courseTitle"
}

extension DocumentLanguage: DatabaseValueConvertible {}
extension EventKind: DatabaseValueConvertible {}
extension EventStatus: DatabaseValueConvertible {}
extension Sex: DatabaseValueConvertible {}
extension ParticipantCategory: DatabaseValueConvertible {}
extension AttendanceStatus: DatabaseValueConvertible {}
