import GRDB

extension AppDatabase {
    /// Sets or clears the project (or donor) label an event is reported under.
    ///
    /// For example:
    /// ```swift
    /// try database.labelEvent(id: 3, project: "UNICEF-2019")
    /// let summary = try database.regionSummary(RegionSummaryRequest(period: q4, project: "unicef-2019"))
    /// ```
    /// A blank or nil label clears it. Reports match labels ignoring case and spacing.
    public func labelEvent(id: Int64, project: String?) throws -> EventDetail {
        try write(.labelEvent) { db in
            var event = try eventDetail(db, id: id).event
            event.project = project.nonEmpty
            try event.update(db)
            return try eventDetail(db, id: id)
        }
    }

    /// The values of an event column (`organiser`, `project`) that match `wanted` ignoring case,
    /// spacing and apostrophes, as events record them.
    ///
    /// - Throws: ``MalakaError`` naming the values events have, when none matches.
    func recordedValues(_ db: Database, column: EventLabelColumn, matching wanted: String) throws -> [String] {
        let recorded = try String.fetchAll(db, sql: "SELECT DISTINCT \(column.rawValue) FROM event WHERE \(column.rawValue) IS NOT NULL")
        let key = wanted.searchFolded()
        let matching = recorded.filter { $0.searchFolded() == key }
        guard matching.isEmpty else { return matching }
        let known = recorded.sorted().map { "“\($0)”" }
        throw MalakaError.data("No event has the \(column.noun) “\(wanted)”. "
            + (known.isEmpty ? "No event has a \(column.noun) recorded yet." : "Events have: \(known.joined(separator: ", ")).")
            + " Check the spelling, or leave the filter out.")
    }
}

/// The free-text columns of an event that reports filter on.
enum EventLabelColumn: String {
    case organiser, project

    var noun: String {
        switch self {
        case .organiser: "organiser"
        case .project: "project label"
        }
    }
}
