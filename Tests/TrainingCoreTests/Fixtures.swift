import Foundation
import TrainingFixtures
@testable import TrainingCore

/// Small programmes built on an in-memory database, shared by the core tests.
enum Fixtures {
    static let parenting = CourseFixtures.parenting

    static let meeting = CourseFixtures.meeting

    /// An empty database with the two courses above loaded.
    static func database() throws -> AppDatabase {
        let database = try AppDatabase.inMemory()
        try database.syncCourses([parenting, meeting])
        return database
    }

    static func day(_ text: String) -> DayDate {
        CourseFixtures.day(text)
    }

    static func morning() -> TimeRange {
        CourseFixtures.time("09:00-12:00")
    }

    /// A four-day parenting training in Urganch, 25–28 March 2019.
    static func khorezmTraining(in database: AppDatabase, capacity: Int? = nil) throws -> EventDetail {
        try database.createEvent(EventPlan(
            courseCode: "PS-PARENTING", region: "Xorazm", district: "Urganch tumani", venue: "Mahalla markazi",
            trainers: ["Dilnoza Yusupova"], capacity: capacity,
            sessions: EventPlan.consecutiveSessions(from: day("2019-03-25"), days: 4, time: morning())))
    }

    static func people(_ names: [String], in database: AppDatabase) throws -> [Int64] {
        try database.addParticipants(names.map { ParticipantDraft(fullName: $0, category: .parent) }).map { $0.id! }
    }
}

extension Fixtures {
    /// Issuing that makes the `default` key on first use; every in-memory database of a test run
    /// keeps its keys in one folder (names never collide), so a run leaves one folder behind, not hundreds.
    static func issuingKeys() -> IssuingKeys { sharedIssuingKeys }

    private static let sharedIssuingKeys = IssuingKeys(newKeyDirectory: FileManager.default.temporaryDirectory
        .appendingPathComponent("malaka-test-keys-\(ProcessInfo.processInfo.processIdentifier)"))
}
