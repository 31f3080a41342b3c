import ArgumentParser
import Dispatch
import Foundation
import Logging
import MalakaSupport
import TrainingCore
import WebApp

/// `malaka serve`: the pages for trainers, coordinators and managers, over the same database.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve Malaka's pages to trainers, coordinators and managers in a browser.",
        discussion: """
            People sign in with the accounts made by `malaka user add`. The server listens on 127.0.0.1 \
            unless --host 0.0.0.0 lets the other computers and phones of the network in; for HTTPS, put it \
            behind a reverse proxy that speaks TLS and give --secure-cookies (docs/web.md shows nginx). \
            It stops cleanly on SIGTERM or Ctrl-C, letting the requests under way finish.

            Examples:
              malaka serve --db malaka.sqlite
              malaka serve --db malaka.sqlite --host 0.0.0.0 --port 8080
            """)

    @OptionGroup var database: DatabaseOptions
    @Option(help: "The address to listen on: 127.0.0.1 (this computer only) or 0.0.0.0 (the network too).")
    var host = "127.0.0.1"
    @Option(help: "The port to listen on.") var port = 8080
    @Option(help: ArgumentHelp("The certificate templates folder; else MALAKA_TEMPLATES, else ./certificate-templates.", valueName: "dir"))
    var templates: String?
    @Flag(help: "Mark cookies Secure: the browser reaches the server over HTTPS through a reverse proxy.")
    var secureCookies = false
    @Option(help: "The least important log level written: trace, debug, info, notice, warning, error or critical.")
    var logLevel = "info"

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port is from 1 to 65535, not \(port).") }
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError("--log-level is one of trace, debug, info, notice, warning, error or critical, not “\(logLevel)”.")
        }
    }

    func run() throws {
        // Opening here first gives a missing or foreign database its usual message and exit status.
        _ = try database.open()
        // ServiceLifecycle stops the server on SIGTERM and SIGINT, after the requests under way.
        InterruptCleanup.standAside()
        let level = Logger.Level(rawValue: logLevel)!
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let configuration = WebConfiguration(
            host: host, port: port, databasePath: database.resolvedPath,
            templatesFolder: templates ?? ProcessInfo.processInfo.environment["MALAKA_TEMPLATES"].flatMap { $0.isEmpty ? nil : $0 }
                ?? "certificate-templates",
            secureCookies: secureCookies)
        let outcome = ServeOutcome()
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                try await WebServer.run(configuration: configuration, logger: Logger(label: "malaka.serve"))
            } catch {
                outcome.error = error
            }
            done.signal()
        }
        done.wait()
        if let error = outcome.error { throw error }
    }
}

/// How the server's task ended, handed back to the waiting command.
private final class ServeOutcome: @unchecked Sendable {
    var error: (any Error)?
}
