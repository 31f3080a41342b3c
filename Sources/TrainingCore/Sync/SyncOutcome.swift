/// What importing a bundle did with each operation in it.
public struct SyncReport: Sendable, Equatable, Codable {
    public enum Outcome: String, Sendable, Codable {
        /// Its rows are in this database now.
        case applied
        /// This database held it already (the same bundle twice, or the change came another way first).
        case alreadyThere = "already there"
        /// It met a change made here at the same time: the rule decided, and a person should look.
        case conflict
        /// It refers to something this database does not have yet; it is applied when that arrives.
        case heldBack = "held back"
    }

    public struct Line: Sendable, Equatable, Codable {
        public var site: String
        public var sequence: Int64
        public var operation: String
        public var actor: String
        public var outcome: Outcome
        /// Why, for a conflict or a held-back change: which rows, and what the rule decided.
        public var notes: [String]
    }

    public var from: String
    public var lines: [Line]
    /// Changes held back by earlier imports that this one let through.
    public var released: Int

    public func count(_ outcome: Outcome) -> Int {
        lines.filter { $0.outcome == outcome }.count
    }
}
