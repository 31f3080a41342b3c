import Foundation
import TrainingFixtures
import Spreadsheets
@testable import TrainingCore

/// Small programmes on an in-memory database for the import, export and merge tests.
enum Programme {
    static let parenting = CourseFixtures.parenting

    /// An empty database with the parenting course.
    static func database() throws -> AppDatabase {
        let database = try AppDatabase.inMemory()
        try database.syncCourses([parenting])
        return database
    }

    static func day(_ text: String) -> DayDate {
        CourseFixtures.day(text)
    }

    /// Four mornings in Urganch from 25 March 2019.
    static func urganchTraining(_ database: AppDatabase, capacity: Int? = nil) throws -> EventDetail {
        try database.createEvent(EventPlan(
            courseCode: "PS-PARENTING", region: "Xorazm", district: "Urganch tumani", capacity: capacity,
            sessions: EventPlan.consecutiveSessions(from: day("2019-03-25"), days: 4, time: TimeRange(parsing: "09:00-12:00"))))
    }

    /// Four afternoons in Samarqand tumani from 7 October 2019.
    static func samarkandTraining(_ database: AppDatabase) throws -> EventDetail {
        try database.createEvent(EventPlan(
            courseCode: "PS-PARENTING", region: "Samarqand", district: "Samarqand tumani",
            sessions: EventPlan.consecutiveSessions(from: day("2019-10-07"), days: 4, time: TimeRange(parsing: "14:00-17:00"))))
    }

    /// Options that count ages from 2019, as the fixtures expect.
    static func options(_ configure: (inout ParticipantImportOptions) -> Void = { _ in }) -> ParticipantImportOptions {
        var options = ParticipantImportOptions(referenceDay: day("2019-09-16"))
        configure(&options)
        return options
    }
}
