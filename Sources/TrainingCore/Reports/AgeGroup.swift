/// The age bands reports are disaggregated by: under 18, 18–29, 30–44, 45–59, 60 and over, unknown.
///
/// A person's age at an event is the event's year (of its first day) minus their birth
/// year: reports know birth years, not birthdays. Without a birth year the age is unknown.
public enum AgeGroup: String, CaseIterable, Codable, Sendable {
    case under18 = "under-18"
    case from18To29 = "18-29"
    case from30To44 = "30-44"
    case from45To59 = "45-59"
    case from60 = "60+"
    case unknown

    /// The group for an age in whole years; nil means unknown.
    public init(age: Int?) {
        guard let age else { self = .unknown; return }
        self = Self.bands.first { age < $0.below }?.group ?? .from60
    }

    /// The groups with an upper bound, youngest first: each holds the ages below `below`.
    private static let bands: [(group: AgeGroup, below: Int)] = [
        (.under18, 18), (.from18To29, 30), (.from30To44, 45), (.from45To59, 60),
    ]

    /// An SQL `CASE` giving the raw value of the group of `age`, an SQL expression that may be NULL.
    ///
    /// Built from the same bounds as ``init(age:)``, so that SQLite groups people exactly as Swift would.
    static func sql(age: String) -> String {
        let bands = Self.bands.map { "WHEN (\(age)) < \($0.below) THEN '\($0.group.rawValue)'" }.joined(separator: " ")
        return "CASE WHEN (\(age)) IS NULL THEN '\(AgeGroup.unknown.rawValue)' \(bands) ELSE '\(AgeGroup.from60.rawValue)' END"
    }
}
