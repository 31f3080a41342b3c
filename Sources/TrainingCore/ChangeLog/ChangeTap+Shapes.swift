import GRDB

/// The travelling tables as the hook reads them: each column's position, its name in the log, the table it refers to.
extension ChangeTap {
    static func shapes(_ db: Database) throws -> [Shape] {
        let names = try TravellingTables.names.filter { try db.tableExists($0) }
        let captures = try names.map { try ChangeCapture.reading(db, table: $0) }
        let indexOfTable = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        return try captures.map { capture in
            let all = try db.columns(in: capture.table).map(\.name)
            let heads = Kind.allCases.map { kind in
                Array(#"["\#(capture.table)","\#(kind.rawValue)",""#.utf8)
            }
            let columns = capture.columns.map { column in
                Column(index: Int32(all.firstIndex(of: column.name)!), references: column.references.flatMap { indexOfTable[$0] },
                       subject: subject(of: column.travellingName, in: capture.table))
            }
            let list = capture.columns.map { CanonicalJSON.string($0.travellingName) }.joined(separator: ",")
            return Shape(table: capture.table, cName: ContiguousArray(capture.table.utf8CString),
                         columnCount: Int32(all.count), uuidColumn: Int32(all.firstIndex(of: "uuid")!),
                         heads: heads, columns: columns, columnNames: Array(#""\#(capture.table)":[\#(list)]"#.utf8))
        }
    }

    /// What a reference makes of the entry's subjects: the event of every row but an event's, a person's or a mark's;
    /// the other event of a schedule override; the person of an enrollment, waitlist place, certificate or merge;
    /// the event and person of a mark's enrollment.
    static func subject(of key: String, in table: String) -> Subject? {
        switch (key, table) {
        case ("eventUuid", let table) where !["event", "participant", "attendance"].contains(table): .event
        case ("otherEventUuid", "scheduleOverride"): .event
        case ("participantUuid", "enrollment"), ("participantUuid", "waitlist"), ("participantUuid", "certificate"),
             ("keptParticipantUuid", "participantMerge"), ("mergedParticipantUuid", "participantMerge"): .participant
        case ("enrollmentUuid", "attendance"): .enrollment
        default: nil
        }
    }
}
