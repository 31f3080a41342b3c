import ArgumentParser
import TrainingCore

/// The options that describe a person, shared by `participant add` and `participant edit`.
struct ParticipantFields: ParsableArguments {
    @Option(help: "The full name as it should print on certificates.") var name: String?
    @Option(name: .customLong("alt-name"), help: "The name in the other script.") var alternateName: String?
    @Option(help: "female or male (also f/m, ayol/erkak, ж/м).") var sex: Sex?
    @Option(help: "The year of birth.") var birthYear: Int?
    @Option(help: "What the person is in the programme (also ota-ona, родитель…).") var category: ParticipantCategory?
    @Option(help: "The organisation the person works for.") var organisation: String?
    @Option(help: "A phone number.") var phone: String?
    @Option(help: "The region where the person lives, by code or name.") var region: String?
    @Option(help: "The district, by code or name.") var district: String?
    @Option(help: "The mahalla, ayil aimak or town.") var locality: String?
    @Option(help: "The language of the person's documents.") var language: DocumentLanguage?
    @Option(help: ArgumentHelp("The day the person agreed to be recorded: 2019-03-25 or 25.03.2019.", valueName: "date")) var consentDate: DayDate?
    @Option(help: "Who recorded the consent.") var consentBy: String?

    func draft() -> ParticipantDraft {
        ParticipantDraft(
            fullName: name ?? "", alternateName: alternateName, sex: sex,
            birthYear: birthYear, category: category ?? .other,
            organisation: organisation, phone: phone, region: region, district: district, locality: locality,
            language: language, consentDate: consentDate, consentRecordedBy: consentBy)
    }

    func changes() -> ParticipantChanges {
        var changes = ParticipantChanges()
        changes.fullName = name
        changes.alternateName = alternateName
        changes.sex = sex
        changes.birthYear = birthYear
        changes.category = category
        changes.organisation = organisation
        changes.phone = phone
        changes.region = region
        changes.district = district
        changes.locality = locality
        changes.language = language
        changes.consentDate = consentDate
        changes.consentRecordedBy = consentBy
        return changes
    }
}
