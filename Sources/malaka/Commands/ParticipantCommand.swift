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
            abstract: "Register a person.",
            discussion: """
                Example: malaka participant add --name "Gʻulomjon Oʻrinboyev" --alt-name "Ғуломжон Ўринбоев" \
                --sex male --birth-year 1984 --category parent --region Xorazm --district Urganch --language uz-Latn
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var fields: ParticipantFields

        func validate() throws {
            if fields.name?.trimmingCharacters(in: .whitespaces).isEmpty ?? true {
                throw ValidationError("A participant needs a name: give --name \"Full Name\".")
            }
        }

        func run() throws {
            let participant = try database.open().addParticipant(fields.draft())
            if output.json { return try Printer.json(ParticipantView(participant)) }
            print("Registered participant \(participant.id!): \(participant.fullName).")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List participants by number.",
            discussion: "Example: malaka participant list --region Samarqand")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "Only people from this region.") var region: String?
        @Option(help: "At most this many.") var limit: Int?

        func run() throws {
            let people = try database.openForReading().participants(region: region, limit: limit)
            try ParticipantView.print(people, json: output.json)
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one person.", discussion: "Example: malaka participant show 12")

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

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Correct a person's details.",
            discussion: """
                Give the fields to change; --clear FIELD empties one (\(ParticipantChanges.Field.allCases.map(\.rawValue).joined(separator: ", "))).
                Example: malaka participant edit 12 --name "Gulnora Karimova" --clear phone
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The participant number.") var participant: Int64
        @OptionGroup var fields: ParticipantFields
        @Option(help: "A field to empty; repeat for several.") var clear: [String] = []

        func run() throws {
            var changes = try fields.changes()
            for name in clear {
                guard let field = ParticipantChanges.Field(rawValue: name) else {
                    throw MalakaError.usage("“\(name)” is not a field that can be cleared. Use one of: \(ParticipantChanges.Field.allCases.map(\.rawValue).joined(separator: ", ")).")
                }
                changes.clear.insert(field)
            }
            let person = try database.open().editParticipant(id: participant, changes)
            if output.json { return try Printer.json(ParticipantView(person)) }
            print("Updated participant \(person.id!): \(person.fullName).")
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
