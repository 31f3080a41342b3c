import Foundation
import TrainingFixtures
@testable import TrainingCore

extension Fixtures {
    static let studyTour = CourseFixtures.studyTour

    /// The catalogue of ``database()`` plus a study tour course.
    static func schedulingDatabase() throws -> AppDatabase {
        let database = try AppDatabase.inMemory()
        try database.syncCourses([parenting, meeting, studyTour])
        return database
    }

    static func time(_ text: String) -> TimeRange {
        CourseFixtures.time(text)
    }

    /// An event of one or more sessions, each `DATE@HH:MM-HH:MM`.
    @discardableResult
    static func event(_ database: AppDatabase, _ sessions: [String], region: String = "UZ-XO", venue: String? = nil,
                      trainers: [String] = [], capacity: Int? = nil, course: String = "PS-PARENTING",
                      allowConflict: Bool = false) throws -> EventDetail {
        try database.createEvent(EventPlan(
            courseCode: course, region: region, venue: venue, trainers: trainers, capacity: capacity,
            sessions: sessions.map { text in
                let parts = text.split(separator: "@").map(String.init)
                return .init(date: day(parts[0]), time: time(parts[1]))
            }), allowConflict: allowConflict)
    }

    static func refusal(_ work: () throws -> Void) -> MalakaError? {
        do {
            try work()
            return nil
        } catch let error as MalakaError {
            return error
        } catch {
            return MalakaError.io("unexpected \(error)")
        }
    }
}
