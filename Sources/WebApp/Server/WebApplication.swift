import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import TrainingCore

/// The routes of `malaka serve` over one database, built once and shared by the server and the tests.
public struct WebApplication: Sendable {
    let database: AppDatabase
    let configuration: WebConfiguration
    let pages: PageRenderer
    let assets: StaticAssets
    let throttle: LoginThrottle
    /// Uploads waiting between their preview and their confirmation.
    let shelf = UploadShelf()
    let marks: MarkCommitter
    let summaries: SummaryCache

    public init(database: AppDatabase, configuration: WebConfiguration) async throws {
        self.database = database
        self.configuration = configuration
        pages = try await PageRenderer.load()
        assets = try StaticAssets.load()
        throttle = LoginThrottle()
        summaries = SummaryCache(database: database)
        marks = MarkCommitter(database: database, summaries: summaries)
    }

    /// The router: security headers, the request log and signing in around every page.
    public func router() -> Router<WebContext> {
        let router = Router(context: WebContext.self)
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: RequestLogMiddleware())
        router.add(middleware: SignInMiddleware(database: database))
        router.add(middleware: ErrorPageMiddleware(pages: pages))
        router.add(middleware: FormTokenMiddleware())
        assets.add(to: router)
        SignInRoutes(database: database, pages: pages, throttle: throttle, secureCookies: configuration.secureCookies).add(to: router)
        HomeRoutes(pages: pages, access: access).add(to: router)
        SessionRoutes(pages: pages, access: access).add(to: router)
        PeopleRoutes(pages: pages, access: access).add(to: router)
        EventRoutes(pages: pages, access: access).add(to: router)
        SummaryRoutes(pages: pages, access: access).add(to: router)
        ImportRoutes(pages: pages, access: access, shelf: shelf).add(to: router)
        QueueRoutes(pages: pages, access: access).add(to: router)
        SyncRoutes(database: database).add(to: router)
        return router
    }

    /// The door every page goes through, for the signed-in person of a request.
    @Sendable func access(_ context: WebContext) throws -> Access {
        let visitor = try context.signedIn()
        // The change log names the person behind every change made through the pages.
        return Access(database: database.acting(as: "web:\(visitor.account.name)"), scope: visitor.scope,
               desk: CertificateDesk(templatesFolder: configuration.templatesFolder, databasePath: configuration.databasePath,
                                     bundleFolder: configuration.bundleFolder),
               marks: marks, summaries: summaries)
    }

    /// The application listening on the configured address, over HTTPS when the configuration has a
    /// certificate, for ``WebServer`` and live tests.
    public func application(logger: Logger) throws -> some ApplicationProtocol {
        let server: HTTPServerBuilder = if let tls = configuration.tls { try .tls(.http1(), tlsConfiguration: tls.configuration) } else { .http1() }
        return Application(router: router(), server: server,
                           configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Malaka"),
                           logger: logger)
    }
}
