import ArgumentParser
import Foundation
import TrainingCore

/// `malaka sync push|pull|with`: the same bundles as `sync export|import`, exchanged with the programme's
/// server (`malaka serve`) over HTTP, each request signed with this site's key.
extension SyncCommand {
    struct ServerOptions: ParsableArguments {
        @Flag(help: "Allow plain http:// to another computer (a network you trust); the bundle's names are then not encrypted on the way.")
        var allowHttp = false

        func server(_ address: String) throws -> SyncServer {
            try SyncServer(address: address, allowPlainHTTP: allowHttp)
        }
    }

    struct Push: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "push",
            abstract: "Send the programme's server what it has not acknowledged, signed with this site's key.",
            discussion: """
                The server checks and applies the bundle exactly as `malaka sync import` does, and says what it \
                did with each change. Sending twice does no harm.
                Example: malaka sync push --to https://malaka.example.org
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var server: ServerOptions
        @Option(name: .customLong("to"), help: ArgumentHelp("The server's address.", valueName: "url")) var address: String

        func run() throws {
            let remote = try server.server(address)
            try SyncCommand.push(try database.open(), to: remote, identity: try remote.identity())
        }
    }

    struct Pull: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pull",
            abstract: "Fetch from the programme's server what this site has not acknowledged, and apply it here.",
            discussion: """
                The server writes the bundle for this site as `malaka sync export` does; it is checked and applied \
                here as `malaka sync import` does. The server knows what this site holds from its latest push.
                Example: malaka sync pull --from https://malaka.example.org
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var server: ServerOptions
        @Option(name: .customLong("from"), help: ArgumentHelp("The server's address.", valueName: "url")) var address: String

        func run() throws {
            let remote = try server.server(address)
            try SyncCommand.pull(try database.open(), from: remote, identity: try remote.identity())
        }
    }

    struct With: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "with",
            abstract: "Push to the programme's server, then pull from it: both hold the same afterwards.",
            discussion: "Example: malaka sync with https://malaka.example.org")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var server: ServerOptions
        @Argument(help: ArgumentHelp("The server's address.", valueName: "url")) var address: String

        func run() throws {
            let remote = try server.server(address)
            let identity = try remote.identity()
            let opened = try database.open()
            try SyncCommand.push(opened, to: remote, identity: identity)
            try SyncCommand.pull(opened, from: remote, identity: identity)
        }
    }

    static func push(_ database: AppDatabase, to remote: SyncServer, identity: SyncServer.Identity) throws {
        let (bundle, report) = try remote.push(database, to: identity)
        print("Pushed \(bundle.changes) change(s) from \(bundle.from) to \(identity.site) at \(remote.base.absoluteString): "
              + outcomes(report))
        printLines(report)
    }

    static func pull(_ database: AppDatabase, from remote: SyncServer, identity: SyncServer.Identity) throws {
        let (size, report) = try remote.pull(database, from: identity)
        print("Pulled \(report.lines.count) change(s) from \(identity.site) at \(remote.base.absoluteString) (\(size / 1024 + 1) KB): "
              + outcomes(report))
        printLines(report)
    }

    static func outcomes(_ report: SyncReport) -> String {
        "\(report.count(.applied)) applied, \(report.count(.alreadyThere)) already there, \(report.count(.conflict)) in conflict, "
            + "\(report.count(.heldBack)) held back" + (report.released > 0 ? "; \(report.released) held back before now applied." : ".")
    }

    /// The changes that did something, and the notes on conflicts and held-back changes, as `sync import` prints them.
    static func printLines(_ report: SyncReport) {
        let shown = report.lines.filter { $0.outcome != .alreadyThere }
        if !shown.isEmpty {
            Printer.table(["Site", "Number", "Operation", "By", "Outcome"], shown.map { line in
                [line.site, String(line.sequence), line.operation, line.actor, line.outcome.rawValue]
            })
        }
        for line in report.lines where !line.notes.isEmpty {
            for note in line.notes { print("  \(line.site) #\(line.sequence): \(note)") }
        }
        if report.count(.conflict) > 0 { print("Identity conflicts wait in `malaka conflicts list`.") }
    }
}
