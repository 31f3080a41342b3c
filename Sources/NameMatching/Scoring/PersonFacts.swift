/// What an attendance list or a registration says about one person.
///
/// Only `name` is required; every other fact that both records have is
/// weighed for or against their being the same person.
///
/// For example:
/// ```swift
/// let facts = PersonFacts(name: "Каримова Гулнора Рустамовна", birthYear: 1987, sex: .female,
///                         phone: "+998 90 123 45 67", locality: "Urgut tumani", regionCode: "UZ-SA")
/// ```
public struct PersonFacts: Sendable, Hashable {
    /// The full name in any script and word order, with or without patronymic.
    public var name: String
    /// Another name the person is known by: the other script, a maiden name.
    public var alternateName: String?
    public var birthYear: Int?
    public var sex: Sex?
    /// A phone number as typed; see ``PhoneNumber``.
    public var phone: String?
    /// Free text: a mahalla, ayil aimak, district or city.
    public var locality: String?
    /// An ISO 3166-2 code such as `UZ-SA` or `KG-C`.
    public var regionCode: String?

    public init(
        name: String,
        alternateName: String? = nil,
        birthYear: Int? = nil,
        sex: Sex? = nil,
        phone: String? = nil,
        locality: String? = nil,
        regionCode: String? = nil
    ) {
        self.name = name
        self.alternateName = alternateName
        self.birthYear = birthYear
        self.sex = sex
        self.phone = phone
        self.locality = locality
        self.regionCode = regionCode
    }
}
