import Foundation
import Hummingbird
import TrainingCore

/// A trainer's sessions of today and this week, and the attendance grid of one session, marked one tap
/// per person.
struct SessionRoutes: Sendable {
    let pages: PageRenderer
    let access: @Sendable (WebContext) throws -> Access

    func add(to router: Router<WebContext>) {
        router.page("/sessions") { _, context in try sessions(context: context) }
        router.page("/events/:event/attendance") { query, context in try grid(query: query, context: context) }
        router.form("/events/:event/attendance") { form, request, context in
            try mark(form: form, wantsJSON: request.headers[.accept]?.contains("application/json") == true, context: context)
        }
    }

    private func sessions(context: WebContext) throws -> Response {
        let words = context.words
        let today = DayDate.today
        let week = try access(context).sessions(from: today, to: today.adding(days: 6))
        func view(_ item: ScheduledSession) -> [String: Any] {
            [
                "title": item.title, "date": words.date(item.session.date),
                "time": "\(item.session.startTime)–\(item.session.endTime)",
                "place": PlaceNames.place(region: item.regionCode, district: item.districtCode, in: context.language)
                    + (item.venue.map { " · " + $0 } ?? ""),
                "number": words.format(.sessionOf, String(item.number), String(item.sessionCount)),
                "trainers": item.trainers.joined(separator: ", "),
                "link": "/events/\(item.eventId)/attendance?session=\(item.session.id!)",
                "eventLink": "/events/\(item.eventId)",
            ]
        }
        return pages.page("sessions", title: words[.sessionsNav], values: [
            "today": week.filter { $0.session.date == today }.map(view),
            "week": week.filter { $0.session.date != today }.map(view),
        ], context: context)
    }

    private func grid(query: FormData, context: WebContext) throws -> Response {
        let eventID = try context.parameters.require("event", as: Int64.self)
        let access = try access(context)
        let sheet = try access.attendanceSheet(eventID: eventID)
        let words = context.words
        let chosen = query["session"].flatMap(Int64.init)
        let index = sheet.sessions.firstIndex { $0.id == chosen }
            ?? sheet.sessions.firstIndex { $0.date == DayDate.today } ?? sheet.sessions.firstIndex { $0.date > DayDate.today }
            ?? max(0, sheet.sessions.count - 1)
        guard sheet.sessions.indices.contains(index) else { throw Refusal.notFound }
        let session = sheet.sessions[index]
        let rows: [[String: Any]] = sheet.rows.map { row in
            let mark = row.marks[index]
            return [
                "id": row.participant.id!, "name": row.participant.fullName,
                "state": words.mark(mark), "statusValue": mark?.rawValue ?? "",
                "buttons": AttendanceStatus.allCases.map { status in
                    ["value": status.rawValue, "label": words.mark(status), "pressed": status == mark ? "true" : "false"]
                },
            ]
        }
        let sessions: [[String: Any]] = sheet.sessions.enumerated().map { offset, other in
            ["label": "\(offset + 1). \(words.date(other.date)) \(other.startTime)", "id": other.id!, "selected": offset == index]
        }
        return pages.page("attendance", title: "\(words[.attendanceTitle]): \(sheet.event.title(in: context.language))", values: [
            "eventID": eventID, "sessionID": session.id!, "sessions": sessions, "rows": rows, "empty": rows.isEmpty,
            "when": "\(words.date(session.date)) \(session.startTime)–\(session.endTime)",
            "place": PlaceNames.place(region: sheet.event.event.regionCode, district: sheet.event.event.districtCode, in: context.language),
        ], context: context)
    }

    /// One person's mark: JSON for the page's script, else back to the grid.
    private func mark(form: FormData, wantsJSON: Bool, context: WebContext) throws -> Response {
        let eventID = try context.parameters.require("event", as: Int64.self)
        guard let sessionID = form["session"].flatMap(Int64.init), let participantID = form["participant"].flatMap(Int64.init),
              let status = form["status"].flatMap(AttendanceStatus.init(rawValue:)) else {
            throw HTTPError(.badRequest, message: "A mark needs a session, a person and a status.")
        }
        try access(context).mark(eventID: eventID, sessionID: sessionID, participantID: participantID, status: status)
        if wantsJSON {
            // What was saved, so that the page (and the load test) can tell which mark an answer is for.
            let json = "{\"status\":\"\(status.rawValue)\",\"label\":\"\(context.words.mark(status))\","
                + "\"session\":\(sessionID),\"participant\":\(participantID)}"
            return Response(status: .ok, headers: [.contentType: "application/json", .cacheControl: "no-store"],
                            body: .init(byteBuffer: ByteBuffer(string: json)))
        }
        return PageRenderer.redirect("/events/\(eventID)/attendance?session=\(sessionID)#p\(participantID)")
    }
}
