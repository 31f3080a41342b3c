import GRDB

/// A person who runs events; known by name.
public struct Trainer: Codable, Hashable, Sendable, Identifiable {
    public var id: Int64?
    public var name: String
    /// The folded name, so that “Dilnoza Yusupova” and “dilnoza  yusupova” are one trainer.
    public var nameKey: String
}

extension Trainer: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "trainer"

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

/// Which trainer runs which event.
struct EventTrainer: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "eventTrainer"
    static let trainer = belongsTo(Trainer.self)
    var eventId: Int64
    var trainerId: Int64
}
