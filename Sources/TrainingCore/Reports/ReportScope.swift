/// Which events a report covers by place: everything, one country, one region or one district.
///
/// Places are codes from the ``Gazetteer``; an event belongs to the place where it was held,
/// whatever the home region of the people who attended it.
public enum ReportScope: Hashable, Sendable {
    case all
    /// `UZ` or `KG`.
    case country(String)
    /// An ISO 3166-2 region code, such as `UZ-XO`.
    case region(String)
    /// A district code, such as `UZ-XO-URG`.
    case district(String)

    /// The region the scope lies in, when it is one region or one of its districts.
    public var regionCode: String? {
        switch self {
        case .all, .country: nil
        case .region(let code): code
        case .district(let code): Gazetteer.bundled.district(code: code)?.regionCode
        }
    }
}
