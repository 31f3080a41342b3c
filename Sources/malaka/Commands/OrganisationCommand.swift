import ArgumentParser
import Foundation
import TrainingCore

struct OrganisationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "organisation",
        abstract: "Set how an organisation numbers its certificates and where they are verified.",
        discussion: """
            An event's organiser (event create --organiser) picks the organisation with that name; events \
            whose organiser has no settings use the organisation named `default`, and without one the \
            serial format {country}-{year}-{seq:06} and the link \(AppDatabase.defaultVerificationURL)SERIAL.
            """,
        subcommands: [Set.self, List.self])
}

extension OrganisationCommand {
    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Create or change an organisation's serial format and verification link.",
            discussion: """
                The format's placeholders are {country} (UZ, KG), {region} (XO), {year} (the issue year), \
                {course} (the course code) and {seq} or {seq:06}, the running number; numbers run without \
                gaps within everything else. The QR code on each certificate links to the verification \
                link with the serial appended.

                Examples:
                  malaka organisation set default --verification-url https://malaka.example.uz/verify/
                  malaka organisation set "UNICEF Uzbekistan" --serial-format "UNICEF-{region}-{year}-{seq:05}"
                """)

        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The organisation's name, as events give it with --organiser, or default.") var name: String
        @Option(help: "The serial pattern, e.g. {country}-{year}-{seq:06}.") var serialFormat: String?
        @Option(help: "The start of the link in each QR code; the serial is appended.") var verificationURL: String?

        func run() throws {
            let organisation = try database.open().setOrganisation(name: name, serialFormat: serialFormat, verificationURL: verificationURL)
            print("Organisation \(organisation.name): serials \(organisation.serialFormat), verification \(organisation.verificationURL ?? AppDatabase.defaultVerificationURL)SERIAL.")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the organisations and their settings.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let organisations = try database.openForReading().organisations()
            if output.json {
                return try Printer.json(organisations.map {
                    ["name": $0.name, "serialFormat": $0.serialFormat, "verificationURL": $0.verificationURL ?? AppDatabase.defaultVerificationURL]
                })
            }
            Printer.table(["Organisation", "Serial format", "Verification link"], organisations.map {
                [$0.name, $0.serialFormat, $0.verificationURL ?? AppDatabase.defaultVerificationURL]
            })
        }
    }
}
