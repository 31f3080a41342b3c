import GRDB

/// An event read with everything ``EventDetail`` shows, by one request with its associations.
///
/// A list of events is read with a fixed number of queries whatever its length: one for the
/// events, their courses and counts, and one per association.
struct EventDetailRow: Decodable, FetchableRecord {
    struct CourseWithTitles: Decodable, FetchableRecord {
        var course: Course
        var titles: [CourseTitle]
    }

    var event: Event
    var course: CourseWithTitles
    var sessions: [Session]
    var trainers: [Trainer]
    var legs: [StudyTourLeg]
    var sides: StudyTourSides?
    var enrolledCount: Int
    var waitlistedCount: Int

    /// The events of a request, with what a detail needs.
    static func request(_ events: QueryInterfaceRequest<Event>) -> QueryInterfaceRequest<EventDetailRow> {
        events
            .including(required: Event.course.including(all: Course.titles))
            .including(all: Event.sessions)
            .including(all: Event.trainers)
            .including(all: Event.legs)
            .including(optional: Event.sides)
            .annotated(with: Event.enrollments.count.forKey("enrolledCount"), Event.waitlist.count.forKey("waitlistedCount"))
            .asRequest(of: EventDetailRow.self)
    }

    func detail(overrides: [ScheduleOverride]) -> EventDetail {
        let titles = Dictionary(course.titles.map { ($0.language, $0.title) }, uniquingKeysWith: { first, _ in first })
        return EventDetail(event: event, course: CourseInfo(course: course.course, titles: titles), sessions: sessions,
                           trainers: trainers.map(\.name), enrolledCount: enrolledCount, waitlistedCount: waitlistedCount,
                           legs: legs, sides: sides, overrides: overrides)
    }
}
