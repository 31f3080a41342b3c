/// Corrections to an event's text and place: a field left nil is kept.
public struct EventChanges: Sendable {
    public var title: String?
    public var venue: String?
    public var organiser: String?
    public var district: String?
    public var locality: String?
    /// The event's trainers, all of them, replacing those on record.
    public var trainers: [String]?

    public init(title: String? = nil, venue: String? = nil, organiser: String? = nil, district: String? = nil,
                locality: String? = nil, trainers: [String]? = nil) {
        self.title = title
        self.venue = venue
        self.organiser = organiser
        self.district = district
        self.locality = locality
        self.trainers = trainers
    }

    public var isEmpty: Bool {
        title == nil && venue == nil && organiser == nil && district == nil && locality == nil && trainers == nil
    }

    /// Every text under ``TextRule``, as when the event was created.
    func checkText() throws {
        try TextRule.check(title, field: "title")
        try TextRule.check(venue, field: "venue")
        try TextRule.check(organiser, field: "organiser")
        try TextRule.check(locality, field: "locality")
        for trainer in trainers ?? [] {
            try TextRule.check(trainer, field: "trainer's name", limit: TextRule.nameLimit)
            if trainer.trimmingSpaces().isEmpty {
                throw MalakaError(.data, .missingName, "A trainer's name is empty.", remedy: .nameEachTrainer)
            }
        }
    }
}
