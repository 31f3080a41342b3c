import Foundation
import Testing
@testable import TrainingCore

/// Merging two records of one person when either waits for a place in an event.
@Suite struct MergeWaitlistTests {
    /// A training with two places, and two records of Gulnora plus two other women.
    func fullTraining() throws -> (AppDatabase, EventDetail, latin: Int64, cyrillic: Int64, others: [Int64]) {
        let database = try Programme.database()
        let training = try Programme.urganchTraining(database, capacity: 2)
        let ids = try database.addParticipants([
            ParticipantDraft(fullName: "Gulnora Karimova", sex: .female, birthYear: 1990),
            ParticipantDraft(fullName: "Гулнора Каримова", sex: .female, birthYear: 1990),
            ParticipantDraft(fullName: "Lola Ismoilova", sex: .female),
            ParticipantDraft(fullName: "Nilufar Rahimova", sex: .female),
        ]).map { $0.id! }
        return (database, training, ids[0], ids[1], [ids[2], ids[3]])
    }

    @Test func anEnrolledPersonStopsWaitingWhicheverRecordWasEnrolled() throws {
        for keepIsEnrolled in [true, false] {
            let (database, training, latin, cyrillic, others) = try fullTraining()
            let (enrolled, waiting) = keepIsEnrolled ? (latin, cyrillic) : (cyrillic, latin)
            _ = try database.enrollOrWaitlist(eventID: training.id, participantIDs: [enrolled, others[0], waiting])

            let merge = try database.mergeParticipants(keep: latin, other: cyrillic)

            let roster = try database.roster(eventID: training.id)
            #expect(roster.enrolled.compactMap(\.id).sorted() == [latin, others[0]].sorted())
            #expect(roster.waitlisted.isEmpty, "the person has a place and waits for nothing")
            #expect(merge.waitlistPlacesDropped == [training.id])
            #expect(merge.promoted.isEmpty)
        }
    }

    @Test func twoPlacesOnOneWaitlistBecomeTheEarlierOne() throws {
        let (database, training, latin, cyrillic, others) = try fullTraining()
        _ = try database.enrollOrWaitlist(eventID: training.id, participantIDs: others + [cyrillic])
        _ = try database.enrollOrWaitlist(eventID: training.id, participantIDs: [latin])
        let third = try database.addParticipant(ParticipantDraft(fullName: "Malika Toʻxtayeva", sex: .female))
        _ = try database.enrollOrWaitlist(eventID: training.id, participantIDs: [third.id!])
        #expect(try database.roster(eventID: training.id).waitlisted.map(\.id) == [cyrillic, latin, third.id])

        let merge = try database.mergeParticipants(keep: latin, other: cyrillic)

        #expect(try database.roster(eventID: training.id).waitlisted.map(\.id) == [latin, third.id],
                "the kept person holds the Cyrillic record's earlier place")
        #expect(merge.waitlistPlacesDropped == [training.id])
        #expect(merge.waitlistPlacesMoved == 1)
    }

    @Test func aPlaceFreedByCombiningTwoParticipationsGoesToTheNextPersonWaiting() throws {
        let (database, training, latin, cyrillic, others) = try fullTraining()
        _ = try database.enrollOrWaitlist(eventID: training.id, participantIDs: [latin, cyrillic] + others)
        #expect(try database.roster(eventID: training.id).waitlisted.map(\.id) == others)

        let merge = try database.mergeParticipants(keep: latin, other: cyrillic)

        let roster = try database.roster(eventID: training.id)
        #expect(roster.enrolled.compactMap(\.id).sorted() == [latin, others[0]].sorted())
        #expect(roster.waitlisted.map(\.id) == [others[1]])
        #expect(merge.combinedEnrollments == 1)
        #expect(merge.promoted[training.id]?.map(\.id) == [others[0]])
    }

    @Test func aPlaceOnlyTheOtherRecordHeldMovesAsItWas() throws {
        let (database, training, latin, cyrillic, others) = try fullTraining()
        _ = try database.enrollOrWaitlist(eventID: training.id, participantIDs: others + [cyrillic])

        let merge = try database.mergeParticipants(keep: latin, other: cyrillic)

        #expect(try database.roster(eventID: training.id).waitlisted.map(\.id) == [latin])
        #expect(merge.waitlistPlacesMoved == 1)
        #expect(merge.waitlistPlacesDropped.isEmpty)
    }
}
