import TrainingCore

/// The per-event report and the follow-up list as text for the terminal.
enum PersonalReportText {
    static func event(_ report: EventReport) -> String {
        let rows = report.sheet.rows
        var text = heading(report)
        text += "Sessions: \(report.heldSessions) held of \(report.sheet.sessions.count) · People: \(rows.count)"
            + " · Attendance rate: \(report.attendanceRate.map(Printer.percent) ?? "—")"
            + " · Completed: \(report.completed.count) of \(rows.count) · Certificates: \(report.certificates.count)\n"
        text += Printer.tableText(["Id", "Name", "Credited", "Rate", "Completed", "Certificate"], rows.map { row in
            [String(row.participant.id!), row.participant.fullName,
             "\(row.standing.creditedSessions) of \(row.standing.sessionCount)", Printer.percent(row.standing.rate),
             row.standing.isComplete ? "yes" : "no", report.certificates[row.participant.id!] ?? "—"]
        })
        return text
    }

    static func followUp(_ report: EventReport) -> String {
        let people = report.followUp
        var text = heading(report)
        guard !people.isEmpty else { return text + "Everyone enrolled completed.\n" }
        text += "\(people.count) of \(report.sheet.rows.count) did not complete.\n"
        text += Printer.tableText(["Id", "Name", "Phone", "Credited", "Needs", "Missed"], people.map { person in
            [String(person.participant.id!), person.participant.fullName, person.participant.phone ?? "—",
             "\(person.standing.creditedSessions) of \(person.standing.sessionCount)",
             person.sessionsNeeded > 0 ? "\(person.sessionsNeeded) more" + (person.stillToCome > 0 ? " (\(person.stillToCome) to come)" : "") : "—",
             person.missed.map { "\($0.session.date.dotted.prefix(5)) \($0.mark?.rawValue ?? "not marked")" }.joined(separator: ", ")]
        })
        return text
    }

    /// `Event 1: Positive parenting skills (PS-PARENTING)`, its dates and place, organiser and project, and the completion rule.
    private static func heading(_ report: EventReport) -> String {
        let detail = report.event
        let place = [detail.event.districtCode.flatMap { Gazetteer.bundled.district(code: $0)?.name(in: .english) },
                     Gazetteer.bundled.region(code: detail.event.regionCode)?.name(in: .english)].compactMap { $0 }
        return "Event \(detail.id): \(detail.title()) (\(detail.course.course.code)) — \(EventView.dates(detail.event)), "
            + place.joined(separator: ", ") + "\n"
            + [detail.event.organiser.map { "Organiser: \($0)" }, detail.event.project.map { "Project: \($0)" }]
                .compactMap { $0 }.map { $0 + "\n" }.joined()
            + "Completion: at least \(Printer.percent(report.sheet.rule.minimumShare)) of \(report.sheet.sessions.count) sessions.\n"
    }
}
