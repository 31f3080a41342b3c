/// A person's details as entered, before they are checked and stored.
public struct ParticipantDraft: Hashable, Sendable {
    public var fullName: String
    public var alternateName: String?
    public var sex: Sex?
    public var birthYear: Int?
    public var category: ParticipantCategory
    public var organisation: String?
    public var phone: String?
    /// A region code or name, as the user wrote it.
    public var region: String?
    public var district: String?
    public var locality: String?
    public var language: DocumentLanguage?
    public var consentDate: DayDate?
    public var consentRecordedBy: String?

    public init(fullName: String, alternateName: String? = nil, sex: Sex? = nil, birthYear: Int? = nil,
                category: ParticipantCategory = .other, organisation: String? = nil, phone: String? = nil,
                region: String? = nil, district: String? = nil, locality: String? = nil,
                language: DocumentLanguage? = nil, consentDate: DayDate? = nil, consentRecordedBy: String? = nil) {
        self.fullName = fullName
        self.alternateName = alternateName
        self.sex = sex
        self.birthYear = birthYear
        self.category = category
        self.organisation = organisation
        self.phone = phone
        self.region = region
        self.district = district
        self.locality = locality
        self.language = language
        self.consentDate = consentDate
        self.consentRecordedBy = consentRecordedBy
    }
}

/// Changes to a stored participant: a field left nil is kept; a field named in `clear` is emptied.
public struct ParticipantChanges: Sendable {
    /// The optional fields that can be emptied.
    public enum Field: String, CaseIterable, Sendable {
        case alternateName = "alternate-name", sex, birthYear = "birth-year", organisation, phone
        case region, district, locality, language, consent
    }

    public var fullName: String?
    public var alternateName: String?
    public var sex: Sex?
    public var birthYear: Int?
    public var category: ParticipantCategory?
    public var organisation: String?
    public var phone: String?
    public var region: String?
    public var district: String?
    public var locality: String?
    public var language: DocumentLanguage?
    public var consentDate: DayDate?
    public var consentRecordedBy: String?
    public var clear: Set<Field> = []

    public init() {}

    public var isEmpty: Bool {
        fullName == nil && alternateName == nil && sex == nil && birthYear == nil && category == nil
            && organisation == nil && phone == nil && region == nil && district == nil && locality == nil
            && language == nil && consentDate == nil && consentRecordedBy == nil && clear.isEmpty
    }

    /// Refuses changes that change nothing.
    func requireSome() throws {
        guard !isEmpty else {
            throw MalakaError(.usage, .nothingToDo, "Say what to change,", remedy: .sayWhatToChange)
        }
    }
}
