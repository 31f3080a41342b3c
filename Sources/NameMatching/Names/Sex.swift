/// A person's sex as recorded on an attendance list.
///
/// For example `PersonFacts(name: "Gulnora Karimova", sex: .female)`.
public enum Sex: String, Sendable, Hashable, Codable, CaseIterable {
    case female
    case male
}
