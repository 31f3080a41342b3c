import ArgumentParser
import TrainingCore

/// The options that describe a person, shared by `participant add` and `participant edit`.
struct ParticipantFields: ParsableArguments {
    @Option(help: "The full name as it should print on certificates.") var name: String?
    @Option(name: .customLong("alt-name"), help: "The name in the other script.") var alternateName: String?
    @Option(help: "female or male (also f/m, ayol/erkak, ж/м).") var sex: String?
    @Option(help: "The year of birth.") var birthYear: Int?
    @Option(help: "parent, ngo-staff, civil-servant, specialist, teacher, youth or other.") var category: String?
    @Option(help: "The organisation the person works for.") var organisation: String?
    @Option(help: "A phone number.") var phone: String?
    @Option(help: "The region where the person lives, by code or name.") var region: String?
    @Option(help: "The district, by code or name.") var district: String?
    @Option(help: "The mahalla, ayil aimak or town.") var locality: String?
    @Option(help: "The language of the person's documents: uz-Latn, uz-Cyrl, ky, ru or en.") var language: String?
    @Option(help: "The day the person agreed to be recorded.") var consentDate: String?
    @Option(help: "Who recorded the consent.") var consentBy: String?

    func draft() throws -> ParticipantDraft {
        ParticipantDraft(
            fullName: name ?? "", alternateName: alternateName, sex: try sex.map(Sex.init(parsing:)),
            birthYear: birthYear, category: try category.map(ParticipantCategory.init(parsing:)) ?? .other,
            organisation: organisation, phone: phone, region: region, district: district, locality: locality,
            language: try language.map(DocumentLanguage.init(parsing:)),
            consentDate: try consentDate.map(DayDate.init(parsing:)), consentRecordedBy: consentBy)
    }

    func changes() throws -> ParticipantChanges {
        var changes = ParticipantChanges()
        changes.fullName = name
        changes.alternateName = alternateName
        changes.sex = try sex.map(Sex.init(parsing:))
        changes.birthYear = birthYear
        changes.category = try category.map(ParticipantCategory.init(parsing:))
        changes.organisation = organisation
        changes.phone = phone
        changes.region = region
        changes.district = district
        changes.locality = locality
        changes.language = try language.map(DocumentLanguage.init(parsing:))
        changes.consentDate = try consentDate.map(DayDate.init(parsing:))
        changes.consentRecordedBy = consentBy
        return changes
    }
}
