import GRDB

/// The filters an event list is made of, reusable on any request of events.
///
/// For example:
/// ```swift
/// let request = Event.all().inRegion("UZ-XO").overlapping(from: start, to: end).orderedByStart()
/// ```
extension DerivableRequest<Event> {
    func inRegion(_ code: String) -> Self {
        filter(Event.Columns.regionCode == code)
    }

    func ofCourse(id: Int64) -> Self {
        filter(Event.Columns.courseId == id)
    }

    func ofKind(_ kind: EventKind) -> Self {
        joining(required: Event.course.filter(Course.Columns.kind == kind))
    }

    func withStatus(_ status: EventStatus) -> Self {
        filter(Event.Columns.status == status)
    }

    /// Events with at least one day within the period; either end may be open.
    func overlapping(from: DayDate?, to: DayDate?) -> Self {
        var request = self
        if let from { request = request.filter(Event.Columns.endDate >= from) }
        if let to { request = request.filter(Event.Columns.startDate <= to) }
        return request
    }

    /// Earliest first; events that start on the same day in the order they were created.
    func orderedByStart() -> Self {
        order(Event.Columns.startDate, Column("id"))
    }
}
