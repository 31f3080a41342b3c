extension EventPlan {
    /// One stop of a study tour as a coordinator gives it: a host, a place, days and a time.
    public struct PlannedLeg: Hashable, Sendable {
        public var hostOrganisation: String
        public var place: String?
        /// A region code or name.
        public var region: String
        public var district: String?
        public var startDate: DayDate
        public var endDate: DayDate
        /// The sessions' times, one session a day.
        public var time: TimeRange
        public var hours: Double?
        public var visited: String?

        public init(hostOrganisation: String, place: String? = nil, region: String, district: String? = nil,
                    startDate: DayDate, endDate: DayDate? = nil, time: TimeRange, hours: Double? = nil,
                    visited: String? = nil) {
            self.hostOrganisation = hostOrganisation
            self.place = place
            self.region = region
            self.district = district
            self.startDate = startDate
            self.endDate = endDate ?? startDate
            self.time = time
            self.hours = hours
            self.visited = visited
        }
    }

    /// Who sends a study tour's participants and who receives them; regions as codes or names.
    public struct PlannedSides: Hashable, Sendable {
        public var sendingOrganisation: String?
        public var sendingRegion: String?
        public var hostingOrganisation: String?
        public var hostingRegion: String?

        public init(sendingOrganisation: String? = nil, sendingRegion: String? = nil,
                    hostingOrganisation: String? = nil, hostingRegion: String? = nil) {
            self.sendingOrganisation = sendingOrganisation
            self.sendingRegion = sendingRegion
            self.hostingOrganisation = hostingOrganisation
            self.hostingRegion = hostingRegion
        }
    }
}
