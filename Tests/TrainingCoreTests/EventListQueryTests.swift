import Foundation
import GRDB
import Testing
@testable import TrainingCore

/// Counts the statements a connection runs, through GRDB's trace.
final class StatementCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func record(_ event: Database.TraceEvent) {
        if case .statement = event { lock.withLock { count += 1 } }
    }

    /// The statements run by `work`.
    func statements(during work: () throws -> Void) rethrows -> Int {
        lock.withLock { count = 0 }
        try work()
        return lock.withLock { count }
    }
}

struct EventListQueryTests {
    /// A scheduling database whose every statement is counted.
    static func countedDatabase() throws -> (AppDatabase, StatementCounter) {
        let counter = StatementCounter()
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.prepareDatabase { db in db.trace { counter.record($0) } }
        let database = try AppDatabase(DatabaseQueue(configuration: configuration))
        try database.syncCourses([Fixtures.parenting, Fixtures.meeting, Fixtures.studyTour])
        return (database, counter)
    }

    /// Events on consecutive weeks, each with two sessions, a trainer, one person enrolled and one waiting.
    static func addEvents(_ count: Int, from first: Int, to database: AppDatabase) throws {
        for index in first..<(first + count) {
            let monday = Fixtures.day("2019-01-07").adding(days: index * 7)
            let detail = try database.createEvent(EventPlan(
                courseCode: "PS-PARENTING", region: "UZ-XO", venue: "Markaz \(index)", trainers: ["Trainer \(index)"], capacity: 1,
                sessions: [.init(date: monday, time: Fixtures.time("09:00-12:00")),
                           .init(date: monday.adding(days: 1), time: Fixtures.time("09:00-12:00"))]))
            let people = try database.addParticipants([ParticipantDraft(fullName: "Person \(index) A"),
                                                       ParticipantDraft(fullName: "Person \(index) B")])
            _ = try database.enroll(eventID: detail.id, participantIDs: people.map { $0.id! })
        }
    }

    @Test func listingEventsRunsTheSameNumberOfQueriesForThreeOrThirty() throws {
        // Given three events
        let (database, counter) = try Self.countedDatabase()
        try Self.addEvents(3, from: 0, to: database)

        // When they are listed (once first, so that GRDB has read the tables' columns, which it does once
        // per connection), and again with ten times as many
        _ = try database.events()
        var three: [EventDetail] = []
        let fewQueries = try counter.statements { three = try database.events() }
        try Self.addEvents(27, from: 3, to: database)
        var thirty: [EventDetail] = []
        let manyQueries = try counter.statements { thirty = try database.events() }

        // Then the number of queries does not grow with the events, and each detail is complete
        #expect(three.count == 3 && thirty.count == 30)
        #expect(manyQueries == fewQueries, "\(fewQueries) statements for 3 events, \(manyQueries) for 30")
        #expect(manyQueries <= 15, "\(manyQueries) statements")
        for detail in thirty {
            #expect(detail.sessions.count == 2)
            #expect(detail.trainers.count == 1)
            #expect(detail.enrolledCount == 1 && detail.waitlistedCount == 1)
            #expect(detail.course.course.code == "PS-PARENTING")
        }
    }

    @Test func listingMatchesTheDetailOfEachEvent() throws {
        let (database, _) = try Self.countedDatabase()
        try Self.addEvents(4, from: 0, to: database)
        let listed = try database.events(matching: EventFilter(kind: .training, from: Fixtures.day("2019-01-14")))
        #expect(listed.map(\.id) == [2, 3, 4])
        for detail in listed {
            #expect(try database.eventDetail(id: detail.id) == detail)
        }
    }
}
