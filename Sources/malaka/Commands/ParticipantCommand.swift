import ArgumentParser
import Foundation
import TrainingCore

struct ParticipantCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "participant",
        abstract: "Register people and find them again.",
        subcommands: [Add.self, List.self, Show.self, Search.self, Edit.self, Import.self, Duplicates.self, Merge.self])
}

extension ParticipantCommand {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Register a person.",
            discussion: """
                Example: malaka participant add --name "Gʻulomjon Oʻrinboyev" --alt-name "Ғуломжон Ўринбоев" \
                --sex male --birth-year 1984 --category parent --region Xorazm --district "Urganch tumani" --language uz-Latn
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var fields: ParticipantFields
        @Flag(name: .customLong("new"), help: "Register the person even if they are probably someone registered already.")
        var isNew = false
        @Flag(help: "If the person is probably someone registered already, use that person and add nobody.")
        var useExisting = false

        func validate() throws {
            if fields.name?.trimmingCharacters(in: .whitespaces).isEmpty ?? true {
                throw ValidationError("A participant needs a name: give --name \"Full Name\".")
            }
            if isNew && useExisting {
                throw ValidationError("Give --new or --use-existing, not both.")
            }
        }

        func run() throws {
            let choice: DuplicateChoice = isNew ? .new : useExisting ? .useExisting : .refuse
            let registration: ParticipantRegistration
            do {
                registration = try database.open().registerParticipant(fields.draft(), ifLikelyDuplicate: choice)
            } catch let duplicate as LikelyDuplicate {
                let who = duplicate.candidates.map(ImportReportPrinter.describe).joined(separator: "; or ")
                let remedy = duplicate.candidates.count == 1
                    ? "If this is another person, add again with --new; to use participant \(duplicate.candidates[0].participantID), add --use-existing."
                    : "If this is another person, add again with --new; otherwise use the participant's number."
                throw MalakaError.data("“\(duplicate.fullName)” is probably someone registered already: \(who). Nothing was added. \(remedy)")
            }
            let participant = registration.participant
            if output.json { return try Printer.json(ParticipantView(participant)) }
            print(registration.isExisting
                  ? "Participant \(participant.id!), \(participant.fullName), is registered already; nobody was added."
                  : "Registered participant \(participant.id!): \(participant.fullName).")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List participants by number.",
            discussion: """
                Examples:
                  malaka participant list --region Samarqand
                  malaka participant list --event 3        (who is enrolled in event 3)
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "Only people from this region.") var region: String?
        @Option(help: "Only the people enrolled in this event.") var event: Int64?
        @Option(help: "At most this many.") var limit: Int?

        func run() throws {
            let people = try database.openForReading().participants(region: region, eventID: event, limit: limit)
            try ParticipantView.print(people, json: output.json)
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one person.", discussion: "Example: malaka participant show 12")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The participant number.") var participant: Int64

        func run() throws {
            let person = try database.openForReading().participant(id: participant)
            if output.json { return try Printer.json(ParticipantView(person)) }
            Printer.fields([
                ("Participant", "\(person.id!): \(person.fullName)"), ("Other spelling", person.alternateName),
                ("Sex", person.sex?.rawValue), ("Birth year", person.birthYear.map(String.init)),
                ("Category", person.category.rawValue), ("Organisation", person.organisation), ("Phone", person.phone),
                ("Region", person.regionCode), ("District", person.districtCode), ("Locality", person.locality),
                ("Language", person.language?.rawValue),
                ("Consent", person.consentDate.map { date in
                    "\(date.dotted)" + (person.consentRecordedBy.map { " (recorded by \($0))" } ?? "")
                }),
            ])
        }
    }

    struct Search: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "search",
            abstract: "Find people by part of a name, ignoring case, apostrophes and script.",
            discussion: "Example: malaka participant search o'rinboyev (finds Gʻulomjon Oʻrinboyev and Ўринбоев alike)")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "Part of a name; several words must all match.") var query: [String]

        func run() throws {
            let people = try database.openForReading().searchParticipants(query.joined(separator: " "))
            try ParticipantView.print(people, json: output.json)
        }
    }
}

struct ParticipantView: Encodable {
    var id: Int64
    var fullName: String
    var alternateName: String?
    var sex: String?
    var birthYear: Int?
    var category: String
    var organisation: String?
    var phone: String?
    var region: String?
    var district: String?
    var locality: String?
    var language: String?
    var consentDate: String?
    var consentRecordedBy: String?

    init(_ person: Participant) {
        id = person.id!
        fullName = person.fullName
        alternateName = person.alternateName
        sex = person.sex?.rawValue
        birthYear = person.birthYear
        category = person.category.rawValue
        organisation = person.organisation
        phone = person.phone
        region = person.regionCode
        district = person.districtCode
        locality = person.locality
        language = person.language?.rawValue
        consentDate = person.consentDate?.iso
        consentRecordedBy = person.consentRecordedBy
    }

    static func print(_ people: [Participant], json: Bool) throws {
        if json { return try Printer.json(people.map(ParticipantView.init)) }
        Printer.table(["Id", "Name", "Other spelling", "Sex", "Born", "Category", "Region"], people.map { person in
            [String(person.id!), person.fullName, person.alternateName ?? "", person.sex?.rawValue ?? "",
             person.birthYear.map(String.init) ?? "", person.category.rawValue, person.regionCode ?? ""]
        })
    }
}
