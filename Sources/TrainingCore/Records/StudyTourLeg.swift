import GRDB

/// One stop of a study tour: a host organisation at a place, on some days, and what was seen there.
///
/// The tour's participants belong to the tour, not to a leg; a leg's sessions
/// are held at its host, in its region's time zone.
public struct StudyTourLeg: Codable, Hashable, Sendable, Identifiable {
    public var id: Int64?
    public var eventId: Int64
    /// 1 for the first leg, 2 for the second…
    public var position: Int
    public var hostOrganisation: String
    /// The town, city or mahalla.
    public var place: String?
    public var regionCode: String
    public var districtCode: String?
    public var startDate: DayDate
    public var endDate: DayDate
    /// What the participants visited or saw.
    public var visited: String?
}

extension StudyTourLeg: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "studyTourLeg"

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

/// The two sides of a study tour: who sends the participants and who receives them.
public struct StudyTourSides: Codable, Hashable, Sendable {
    public var eventId: Int64?
    public var sendingOrganisation: String?
    public var sendingRegionCode: String?
    public var hostingOrganisation: String?
    public var hostingRegionCode: String?

    public init(eventId: Int64? = nil, sendingOrganisation: String? = nil, sendingRegionCode: String? = nil,
                hostingOrganisation: String? = nil, hostingRegionCode: String? = nil) {
        self.eventId = eventId
        self.sendingOrganisation = sendingOrganisation
        self.sendingRegionCode = sendingRegionCode
        self.hostingOrganisation = hostingOrganisation
        self.hostingRegionCode = hostingRegionCode
    }
}

extension StudyTourSides: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "studyTour"
}
