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
            unless --host 0.0.0.0 lets the other computers and phones of the network in. For HTTPS, give \
            --tls-cert and --tls-key (PEM files; cookies are then Secure), or put it behind a reverse proxy \
            that speaks TLS and give --secure-cookies (docs/web.md shows nginx). \
            It stops cleanly on SIGTERM or Ctrl-C, letting the requests under way finish.

            Examples:
              malaka serve --db malaka.sqlite
              malaka serve --db malaka.sqlite --host 0.0.0.0 --port 8080
              malaka serve --db malaka.sqlite --host 0.0.0.0 --port 8443 --tls-cert cert.pem --tls-key key.pem
            """)

    @OptionGroup var database: DatabaseOptions
    @Option(help: "The address to listen on: 127.0.0.1 (this computer only) or 0.0.0.0 (the network too).")
    var host = "127.0.0.1"
    @Option(help: "The port to listen on.") var port = 8080
    @Option(help: ArgumentHelp("The certificate templates folder; else MALAKA_TEMPLATES, else ./certificate-templates.", valueName: "dir"))
    var templates: String?
    @Flag(help: "Mark cookies Secure: the browser reaches the server over HTTPS through a reverse proxy.")
    var secureCookies = false
    @Option(help: ArgumentHelp("The server's certificate chain (PEM) to speak HTTPS with; needs --tls-key.", valueName: "file"))
    var tlsCert: String?
    @Option(help: ArgumentHelp("The certificate's private key (PEM); needs --tls-cert.", valueName: "file"))
    var tlsKey: String?
    @Option(help: "The least important log level written: trace, debug, info, notice, warning, error or critical.")
    var logLevel = "info"

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port is from 1 to 65535, not \(port).") }
        if (tlsCert == nil) != (tlsKey == nil) {
            throw ValidationError(tlsCert == nil ? "--tls-key needs --tls-cert: give the certificate too." : "--tls-cert needs --tls-key: give the private key too.")
        }
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError("--log-level is one of trace, debug, info, notice, warning, error or critical, not “\(logLevel)”.")
        }
    }

    func run() throws {
        // Opening here first gives a missing or foreign database its usual message and exit status.
        _ = try database.open()
        // Read and checked before listening: a missing or wrong file is named now, not at the first browser.
        let tls = try tlsCert.map { try TLSIdentity.load(certificateFile: $0, keyFile: tlsKey!) }
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
            secureCookies: secureCookies || tls != nil, tls: tls)
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
