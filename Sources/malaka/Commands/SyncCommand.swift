import ArgumentParser
import Foundation
import TrainingCore

/// `malaka sync`: bundles of changes between the sites of a programme, as files (USB stick, email).
struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Exchange changes with the other sites of the programme as signed bundles: files, or over HTTP with the programme's server.",
        subcommands: [Export.self, Import.self, Push.self, Pull.self, With.self])
}

extension SyncCommand {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write what another site has not acknowledged yet, signed with this site's key.",
            discussion: """
                The bundle holds every change this database has (made here or received) beyond what the other \
                site said it holds in its latest bundle imported here; sending one twice, or an older one, does \
                no harm.
                Example: malaka sync export --for SA-SAM1 --out to-samarkand.malaka-bundle
                """)

        @OptionGroup var database: DatabaseOptions
        @Option(name: .customLong("for"), help: "The site the bundle is for, such as SA-SAM1.") var site: String
        @Option(help: "The bundle file to write.") var out: String

        func run() throws {
            let output = try OutputFile(path: out)
            let bundle = try database.open().exportBundle(for: site)
            try output.write(bundle.data)
            print("Wrote \(bundle.changes) change(s) from \(bundle.from) for \(bundle.to) to \(out) (\(bundle.data.count / 1024 + 1) KB).")
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Check a bundle from another site and apply it in one transaction.",
            discussion: """
                Each operation in it is reported as applied, already there, in conflict (the rules decided; see \
                `malaka conflicts list`) or held back (it refers to something not here yet, and is applied when \
                that arrives). A bundle that was altered, comes from a site the programme did not certify, from \
                another programme or from a newer Malaka is refused, and nothing changes.
                Example: malaka sync import from-urgench.malaka-bundle
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: ArgumentHelp("The bundle file.", valueName: "file")) var file: String

        func run() throws {
            let data = try VerifyCertificate.readSmallFile(file, what: "the bundle", limit: 1 << 30)
            let report = try database.open().importBundle(data, source: file)
            if output.json { return try Printer.json(report.lines) }
            print("Imported \(file) from \(report.from): " + SyncCommand.outcomes(report))
            SyncCommand.printLines(report)
        }
    }
}
