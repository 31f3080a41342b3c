import GRDB

extension AppDatabase {
    /// The places (region, district) of the events a person is enrolled in or waitlisted for, so that a
    /// front end that shows people by place can show someone registered without one.
    public func eventPlaces(ofParticipant participantID: Int64) throws -> [(regionCode: String, districtCode: String?)] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT DISTINCT e.regionCode, e.districtCode FROM event e
                WHERE e.id IN (SELECT eventId FROM enrollment WHERE participantId = ?)
                """, arguments: [participantID]).map { ($0["regionCode"], $0["districtCode"]) }
        }
    }
}
