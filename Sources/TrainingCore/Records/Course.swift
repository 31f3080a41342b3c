import Foundation
import GRDB

/// A course in the catalogue: what is taught, for how long, and who completes it.
///
/// Courses are loaded from the human-edited files in `courses/` by
/// ``AppDatabase/syncCourses(_:)``; their titles live in ``CourseTitle``.
public struct Course: Codable, Hashable, Sendable, Identifiable {
    public var id: Int64?
    /// The stable code used on the command line, e.g. `PS-PARENTING`.
    public var code: String
    public var kind: EventKind
    public var plannedHours: Double
    public var sessionCount: Int
    public var minimumShare: Double
    public var lateCountsAsPresent: Bool
    public var excusedCounts: Bool
    /// The participant categories the course is meant for.
    public var audience: [ParticipantCategory]
    /// The certificate template's name under `certificate-templates/`.
    public var certificateTemplate: String?
    public var summary: String?
    /// The catalogue file the course was last loaded from.
    public var sourceFile: String?

    public var completionRule: CompletionRule {
        CompletionRule(minimumShare: minimumShare, lateCountsAsPresent: lateCountsAsPresent, excusedCounts: excusedCounts)
    }
}

extension Course: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "course"
    static let titles = hasMany(CourseTitle.self).forKey("titles")

    public enum Columns {
        static let code = Column(CodingKeys.code)
        static let kind = Column(CodingKeys.kind)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
