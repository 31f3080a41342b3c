import ArgumentParser
import Foundation
import TrainingCore

struct SiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site",
        abstract: "This database's site in a programme, and the other sites it exchanges changes with.",
        discussion: """
            Every database is one site: until it joins a programme its code is LOCAL- and eight letters \
            and digits. `site join XO-URG1 --programme "Parenting Khorezm"` gives it its code (allowed until \
            it first exchanges changes); `site add SA-SAM1 --key samarkand.pub` records another site and the \
            public key its bundles are signed with.
            """,
        subcommands: [Join.self, List.self, Add.self])
}

extension SiteCommand {
    struct Join: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "join",
            abstract: "Give this database its site code in a programme, such as XO-URG1.",
            discussion: "Example: malaka site join XO-URG1 --programme \"Parenting Khorezm 2026\" --name \"Urgench office\"")

        @OptionGroup var database: DatabaseOptions
        @Argument(help: ArgumentHelp("Two capital letters, a hyphen, then 2 to 8 capital letters or digits.", valueName: "code")) var code: String
        @Option(help: "The programme the site belongs to.") var programme: String
        @Option(help: "What people call the site, such as \"Urgench office\".") var name: String?

        func run() throws {
            let database = try database.open()
            let before = try database.localSite().code
            let site = try database.joinSite(code: code, programme: programme, name: name)
            print("This database is now site \(site.code)\(site.name.map { " (\($0))" } ?? "") of \(site.programme ?? programme)"
                + (before == site.code ? "." : "; it was \(before), and its change log was renamed with it."))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "This site and the other sites it knows.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let sites = try database.openForReading().sites()
            if output.json { return try Printer.json(sites) }
            Printer.table(["Site", "Name", "Programme", "This one", "Key", "Last entry"], sites.map { site in
                [site.code, site.name ?? "—", site.programme ?? "—", site.isLocal ? "yes" : "", site.publicKey.map { String($0.prefix(12)) + "…" } ?? "—",
                 site.headSequence > 0 ? "#\(site.headSequence)" : "—"]
            })
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Record another site of the programme and the public key its bundles are signed with.",
            discussion: "Example: malaka site add SA-SAM1 --key samarkand-site.pub --name \"Samarkand office\"")

        @OptionGroup var database: DatabaseOptions
        @Argument(help: ArgumentHelp("The other site's code.", valueName: "code")) var code: String
        @Option(help: ArgumentHelp("A file with its Ed25519 public key: Base64 of the 32 bytes, or a PEM PUBLIC KEY block.", valueName: "file"))
        var key: String
        @Option(help: "What people call the site.") var name: String?

        func run() throws {
            let text: String
            do {
                text = try String(contentsOfFile: key, encoding: .utf8)
            } catch {
                throw MalakaError.io("Cannot read the key file \(key): \(error.localizedDescription)")
            }
            let site = try database.open().addSite(code: code, name: name, key: text)
            print("Site \(site.code)\(site.name.map { " (\($0))" } ?? "") is known, with key \(site.publicKey ?? "").")
        }
    }
}
