import ArgumentParser
import Foundation
import TrainingCore

extension ParticipantCommand {
    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit",
            abstract: "Correct a person's details, or the same details of many people at once.",
            discussion: """
                Give the fields to change; --clear FIELD empties one (\(ParticipantChanges.Field.allCases.map(\.rawValue).joined(separator: ", "))).
                Instead of one person, --event N changes everyone enrolled in an event and --search WORDS everyone \
                a name search finds, all or none; --dry-run shows what would change and writes nothing.
                Examples:
                  malaka participant edit 12 --name "Gulnora Karimova" --clear phone
                  malaka participant edit --event 3 --category parent --dry-run
                  malaka participant edit --search Yusupova --district "Urganch tumani" --region Xorazm
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The participant number.") var participant: Int64?
        @Option(help: "Change everyone enrolled in this event.") var event: Int64?
        @Option(help: ArgumentHelp("Change everyone whose name has these words.", valueName: "words")) var search: String?
        @Flag(help: "Show what would change, and write nothing.") var dryRun = false
        @OptionGroup var fields: ParticipantFields
        @Option(help: "A field to empty; repeat for several.") var clear: [String] = []

        func validate() throws {
            let selections = [participant != nil, event != nil, search != nil].filter { $0 }.count
            if selections != 1 {
                throw ValidationError("Say whose details to change: a participant number, --event N or --search WORDS (one of them).")
            }
        }

        func run() throws {
            var changes = fields.changes()
            for name in clear {
                guard let field = ParticipantChanges.Field(rawValue: name) else {
                    throw MalakaError.usage("“\(name)” is not a field that can be cleared. Use one of: \(ParticipantChanges.Field.allCases.map(\.rawValue).joined(separator: ", ")).")
                }
                changes.clear.insert(field)
            }
            let database = try database.open()
            if let participant, !dryRun {
                let person = try database.editParticipant(id: participant, changes)
                if output.json { return try Printer.json(ParticipantView(person)) }
                print("Updated participant \(person.id!): \(person.fullName).")
                if fields.name != nil || fields.alternateName != nil {
                    CertificateDrift.afterNameCorrection(database, participantID: participant).forEach { print($0) }
                }
                return
            }
            let selection: ParticipantSelection = if let event { .enrolled(eventID: event) }
                else if let search { .search(search) } else { .ids([participant!]) }
            let edits = try database.editParticipants(selection, changes, dryRun: dryRun)
            try Self.report(edits, dryRun: dryRun, json: output.json)
        }

        static func report(_ edits: [ParticipantEdit], dryRun: Bool, json: Bool) throws {
            let changed = edits.filter(\.changes)
            if json { return try Printer.json(changed.map { ParticipantView($0.after) }) }
            let verb = dryRun ? "Would update" : "Updated"
            print("\(verb) \(changed.count) of \(edits.count) \(edits.count == 1 ? "person" : "people")\(changed.count < edits.count ? " (the others have these details already)" : "").")
            for edit in changed {
                let differences = ParticipantView.differences(edit.before, edit.after)
                print("  \(edit.after.id!) \(edit.after.fullName): " + differences.joined(separator: "; "))
            }
            if dryRun { print("Dry run: nothing was written.") }
        }
    }
}

extension ParticipantView {
    /// “category other → parent”, one per field that differs.
    static func differences(_ before: Participant, _ after: Participant) -> [String] {
        let old = Mirror(reflecting: ParticipantView(before)).children
        let new = Mirror(reflecting: ParticipantView(after)).children
        return zip(old, new).compactMap { old, new in
            let was = "\(old.value)", now = "\(new.value)"
            guard was != now, let label = old.label else { return nil }
            return "\(label) \(Self.plain(old.value)) → \(Self.plain(new.value))"
        }
    }

    private static func plain(_ value: Any) -> String {
        if let optional = value as? String? { return optional ?? "—" }
        if let optional = value as? Int? { return optional.map(String.init) ?? "—" }
        return "\(value)"
    }
}
