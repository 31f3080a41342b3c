import Foundation

/// Writes sessions as an iCalendar file (RFC 5545) that calendar programs can import and re-import.
///
/// Each session is one VEVENT whose UID stays the same however often it is
/// exported, so importing again updates it instead of adding a copy; SEQUENCE
/// rises when the session moves or its event is cancelled. Times are wall-clock
/// times with the place's TZID, and a VTIMEZONE says what each zone is. Lines
/// end in CRLF and are folded at 75 octets; text is escaped.
///
/// For example:
/// ```swift
/// let text = ICalendar.document(sessions, calendarID: try database.calendarIdentifier(), stamp: Date())
/// ```
///
/// Related RFC: <https://www.rfc-editor.org/rfc/rfc5545>
public enum ICalendar {
    public static func document(_ sessions: [ScheduledSession], calendarID: String, name: String = "Malaka",
                                stamp: Date) -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Malaka//Malaka training calendar//EN",
            "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:" + escape(name),
        ]
        let zones = PlaceTimeZone.allCases.filter { zone in sessions.contains { $0.session.timeZone == zone } }
        for zone in zones {
            lines += [
                "BEGIN:VTIMEZONE", "TZID:\(zone.identifier)",
                "BEGIN:STANDARD", "DTSTART:19700101T000000",
                "TZOFFSETFROM:\(zone.offsetText)", "TZOFFSETTO:\(zone.offsetText)",
                "TZNAME:\(zone.offsetText.prefix(3))", "END:STANDARD", "END:VTIMEZONE",
            ]
        }
        let dtstamp = utcText(stamp)
        for item in sessions {
            let session = item.session
            let cancelled = item.status == .cancelled
            var description = ["Event \(item.eventId), session \(item.number) of \(item.sessionCount).",
                               "Course \(item.courseCode) (\(item.kind.rawValue))."]
            if !item.trainers.isEmpty { description.append("Trainers: \(item.trainers.joined(separator: ", ")).") }
            if let host = item.legHost { description.append("Host: \(host).") }
            if let visited = item.visited { description.append("Visited: \(visited).") }
            if let organiser = item.organiser { description.append("Organiser: \(organiser).") }
            if cancelled { description.append("Cancelled: \(item.cancelReason ?? "").") }
            lines += [
                "BEGIN:VEVENT",
                "UID:event-\(item.eventId)-session-\(session.id!)-\(calendarID)@malaka",
                "DTSTAMP:\(dtstamp)",
                "DTSTART;TZID=\(session.timeZone.identifier):\(localText(session.date, session.startTime))",
                "DTEND;TZID=\(session.timeZone.identifier):\(localText(session.date, session.endTime))",
                "SEQUENCE:\(session.revision + (cancelled ? 1 : 0))",
                "SUMMARY:" + escape(item.legHost.map { "\(item.title) — \($0)" } ?? item.title),
                "LOCATION:" + escape(item.location),
                "DESCRIPTION:" + escape(description.joined(separator: "\n")),
                "CATEGORIES:" + escape(item.kind.rawValue),
                "STATUS:" + (cancelled ? "CANCELLED" : "CONFIRMED"),
                "TRANSP:OPAQUE",
                "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined()
    }

    /// Escapes a TEXT value: backslash, semicolon, comma and line breaks.
    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\n", "\r\n", "\r": result += "\\n"
            default: result.append(character)
            }
        }
        return result
    }

    /// One content line, folded so that no physical line exceeds 75 octets, never inside a UTF-8 character; CRLF-terminated.
    static func fold(_ line: String) -> String {
        var result = ""
        var octets = 0
        var limit = 75
        for scalar in line.unicodeScalars {
            let width = String(scalar).utf8.count
            if octets + width > limit {
                result += "\r\n "
                octets = 1
                limit = 75
            }
            result.unicodeScalars.append(scalar)
            octets += width
        }
        return result + "\r\n"
    }

    private static func localText(_ date: DayDate, _ time: TimeOfDay) -> String {
        String(format: "%04d%02d%02dT%02d%02d00", date.year, date.month, date.day, time.minutes / 60, time.minutes % 60)
    }

    private static func utcText(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let day = DayDate(dayNumber: Int((Double(seconds) / 86_400).rounded(.down)))
        let inDay = seconds - day.dayNumber * 86_400
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", day.year, day.month, day.day,
                      inDay / 3600, inDay % 3600 / 60, inDay % 60)
    }
}
