import GRDB

extension AppDatabase {
    /// Corrects an event's title, venue, organiser, district, locality or trainers, in one transaction.
    ///
    /// New trainers are checked against their other bookings as when the event was created: a double
    /// booking is refused unless `allowConflict`, which records it. An empty text clears the field.
    ///
    /// For example:
    /// ```swift
    /// try database.editEvent(id: 3, EventChanges(venue: "Mahalla markazi"))
    /// ```
    public func editEvent(id: Int64, _ changes: EventChanges, allowConflict: Bool = false) throws -> EventDetail {
        guard !changes.isEmpty else {
            throw MalakaError.usage("Say what to change: the title, venue, organiser, district, locality or trainers.")
        }
        try changes.checkText()
        try write(.editEvent) { db in
            var event = try eventDetail(db, id: id).event
            if let title = changes.title { event.title = Optional(title).nonEmpty }
            if let venue = changes.venue { event.venue = Optional(venue).nonEmpty }
            if let organiser = changes.organiser { event.organiser = Optional(organiser).nonEmpty }
            if let locality = changes.locality { event.locality = Optional(locality).nonEmpty }
            if let district = changes.district {
                guard let region = gazetteer.region(code: event.regionCode) else { return }
                event.districtCode = try Optional(district).nonEmpty.map { try gazetteer.district(matching: $0, in: region).code }
            }
            try event.update(db)
            if let trainers = changes.trainers {
                var listed: [Int64] = []
                for name in trainers.map({ $0.trimmingSpaces() }) {
                    let trainerID = try trainerID(db, name: name)
                    if !listed.contains(trainerID) { listed.append(trainerID) }
                }
                // A trainer who stays keeps their row: the change log then shows only who came and went, and a
                // site editing the list at the same time does not meet a removal of someone both lists keep.
                let current = try Int64.fetchAll(db, sql: "SELECT trainerId FROM eventTrainer WHERE eventId = ?", arguments: [id])
                for gone in current where !listed.contains(gone) {
                    try db.execute(sql: "DELETE FROM eventTrainer WHERE eventId = ? AND trainerId = ?", arguments: [id, gone])
                }
                for added in listed where !current.contains(added) {
                    try EventTrainer(eventId: id, trainerId: added).insert(db)
                }
                try enforce(db, conflicts(db, eventID: id, kinds: [.trainer]), allow: allowConflict, action: "edit")
            }
        }
        return try eventDetail(id: id)
    }
}
