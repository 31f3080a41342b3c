import Foundation
import GRDB

/// What merging two records of one person did.
public struct ParticipantMerge: Sendable {
    /// The number of the row in the `participantMerge` table that records the merge.
    public var id: Int64
    /// The kept person, with the details filled in from the other record.
    public var kept: Participant
    /// The other record as it was before the merge; it is kept in the merge record.
    public var merged: Participant
    /// Participations moved to the kept person as they were.
    public var movedEnrollments: Int
    /// Participations in an event both were enrolled in, whose marks were combined.
    public var combinedEnrollments: Int
    /// Attendance marks moved to the kept person.
    public var movedMarks: Int
    /// Marks the other record had that the kept person had already, the same: dropped as repeats.
    public var repeatedMarks: Int
    public var movedCertificates: Int
    /// Fields the kept person lacked and took from the other record, e.g. `phone`, `alternate-name`.
    public var filledFields: [String]
    /// Fields both records had with different values; the kept person's value stays, the other is in the merge record.
    public var differingFields: [String]
    /// Events whose waitlist place was given up because the person is enrolled, or waited twice.
    public var waitlistPlacesDropped: [Int64]
    /// Waitlist places moved to the kept person as they were.
    public var waitlistPlacesMoved: Int
    /// People moved from a waitlist into the place the merge freed, by event.
    public var promoted: [Int64: [Participant]]
}

/// The record of one merge, kept for good: who was merged into whom, both records as they were, and what moved.
struct ParticipantMergeRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "participantMerge"

    var id: Int64?
    var keptParticipantId: Int64
    var mergedParticipantId: Int64
    var mergedRecord: String
    var keptRecordBefore: String
    var movedEnrollments: Int
    var movedMarks: Int
    var movedCertificates: Int
    var mergedAt: Date

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
