/// A participant's sex as reports count it, with a group for people whose sex was not recorded.
public enum SexGroup: String, CaseIterable, Codable, Sendable {
    case female
    case male
    case unknown

    public init(_ sex: Sex?) {
        switch sex {
        case .female: self = .female
        case .male: self = .male
        case nil: self = .unknown
        }
    }
}
