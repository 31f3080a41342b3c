import Hummingbird
import Logging
import ServiceLifecycle
import TrainingCore

/// Runs `malaka serve` until SIGTERM or SIGINT, then lets the requests under way finish before it stops.
public enum WebServer {
    public static func run(configuration: WebConfiguration, logger: Logger) async throws {
        let database = try AppDatabase.open(at: configuration.databasePath, creating: false)
        let app = try await WebApplication(database: database, configuration: configuration).application(logger: logger)
        logger.info("serving", metadata: ["address": "\(configuration.address)",
                                          "database": "\(configuration.databasePath)"])
        let services = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await services.run()
    }
}
