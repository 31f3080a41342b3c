import GRDB

/// One event's detail read by its id through the connection's cached statements.
///
/// Every mark, enrollment and conflict check reads the event it concerns. Reading it through
/// ``EventDetailRow``'s association request built the request's SQL in Swift and prepared six
/// statements at every call, which cost more than the write itself (10 million instructions a mark);
/// here the statements are prepared once per connection. The statements are the ones GRDB generates
/// for that request with one event, orders included, so both give the same ``EventDetail``
/// (`EventDetailTests` compares them).
enum SingleEventDetail {
    static func fetch(_ db: Database, id: Int64) throws -> EventDetail? {
        guard let event = try Event.fetchOne(db.cachedStatement(sql: "SELECT * FROM event WHERE id = ?"), arguments: [id]),
              let course = try Course.fetchOne(db.cachedStatement(sql: "SELECT * FROM course WHERE id = ?"), arguments: [event.courseId])
        else { return nil }
        let titles = try CourseTitle.fetchAll(db.cachedStatement(sql: "SELECT * FROM courseTitle WHERE courseId = ?"), arguments: [event.courseId])
        let sessions = try Session.fetchAll(db.cachedStatement(sql: #"SELECT * FROM session WHERE eventId = ? ORDER BY "date", startTime"#),
                                            arguments: [id])
        let trainers = try Trainer.fetchAll(db.cachedStatement(sql: """
            SELECT trainer.* FROM trainer JOIN eventTrainer ON eventTrainer.trainerId = trainer.id AND eventTrainer.eventId = ?
            ORDER BY trainer.name
            """), arguments: [id])
        let legs = try StudyTourLeg.fetchAll(db.cachedStatement(sql: "SELECT * FROM studyTourLeg WHERE eventId = ? ORDER BY position"),
                                             arguments: [id])
        let sides = try StudyTourSides.fetchOne(db.cachedStatement(sql: "SELECT * FROM studyTour WHERE eventId = ?"), arguments: [id])
        let counts = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT (SELECT COUNT(*) FROM enrollment WHERE eventId = ?1), (SELECT COUNT(*) FROM waitlist WHERE eventId = ?1)
            """), arguments: [id])!
        let overrides = try ScheduleOverride.fetchAll(db.cachedStatement(sql: """
            SELECT * FROM scheduleOverride WHERE eventId = ?1 OR otherEventId = ?1 ORDER BY id
            """), arguments: [id])
        let row = EventDetailRow(event: event, course: .init(course: course, titles: titles), sessions: sessions,
                                 trainers: trainers, legs: legs, sides: sides, enrolledCount: counts[0], waitlistedCount: counts[1])
        return row.detail(overrides: overrides)
    }
}
