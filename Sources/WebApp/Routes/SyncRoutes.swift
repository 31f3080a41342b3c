import Foundation
import HTTPTypes
import Hummingbird
import TrainingCore

/// The exchange over HTTP: a site of the programme pushes its bundle here and pulls the one written for
/// it, each request signed with its site key (``SyncRequestSignature``). The same bundles, the same
/// checks and rules as `sync export` and `sync import`, through the same core calls.
///
/// Not behind the sign-in pages: a site is no person. Every answer is JSON, errors included
/// (`{"error": code, "message": …}`), except a pulled bundle, which is the bundle's bytes.
struct SyncRoutes: Sendable {
    let database: AppDatabase
    /// The largest bundle accepted, as `sync import` reads a file of at most 1 GB.
    static let bundleLimit = 1 << 30

    static let prefix = "/sync/"

    func add(to router: Router<WebContext>) {
        router.get("/sync/site") { _, _ in
            try await answer { _ in
                let site = try database.localSite()
                return Self.json(["site": site.code, "programme": site.programme ?? ""])
            }
        }
        router.post("/sync/push") { request, context in
            try await signed(request, context: context) { site, body in
                let report = try database.acting(as: "site:\(site)")
                    .importBundle(body, source: "the bundle site \(site) pushed", sender: site)
                return Self.json(report)
            }
        }
        router.post("/sync/pull") { request, context in
            try await signed(request, context: context) { site, _ in
                let bundle = try database.acting(as: "site:\(site)").exportBundle(for: site)
                return Response(status: .ok, headers: [
                    .contentType: "application/octet-stream", .cacheControl: "no-store",
                    .contentDisposition: "attachment; filename=\"\(bundle.from)-for-\(bundle.to).malaka-bundle\"",
                ], body: .init(byteBuffer: ByteBuffer(data: bundle.data)))
            }
        }
    }

    /// Reads the body, lets the request in if its site signed it, then handles it on the ``DatabaseThreads``.
    private func signed(_ request: Request, context: WebContext,
                        _ handle: @escaping @Sendable (String, Data) throws -> Response) async throws -> Response {
        let body: Data
        do {
            body = Data(buffer: try await request.body.collect(upTo: Self.bundleLimit))
        } catch {
            return Self.failure(.contentTooLarge, code: "tooLarge", message: "The bundle is larger than \(Self.bundleLimit >> 20) MB.")
        }
        let signature = SyncRequestSignature { name in HTTPField.Name(name).flatMap { request.headers[$0] } }
        let method = request.method.rawValue, path = request.uri.path
        // The signature's time is checked against when the request arrived: one kept waiting for a database
        // thread by a busy server is not refused for the server's own delay.
        let arrived = Date()
        return try await answer { database in
            let site = try database.authenticateSyncRequest(signature, method: method, path: path, body: body, now: arrived)
            return try handle(site, body)
        }
    }

    /// Runs `work` on the ``DatabaseThreads``, a core error answered as JSON with its status.
    private func answer(_ work: @escaping @Sendable (AppDatabase) throws -> Response) async throws -> Response {
        let database = self.database
        return try await DatabaseThreads.run {
            do {
                return try work(database)
            } catch let error as MalakaError {
                return Self.failure(Self.status(of: error), code: error.code.description, message: error.message)
            }
        }
    }

    /// 401 for a request not signed as it must be, 403 for a site not known here, 409 for a replay,
    /// 422 for a bundle refused, 500 when the database could not be read or written.
    static func status(of error: MalakaError) -> HTTPResponse.Status {
        switch error.code {
        case .refusedSyncRequest: .unauthorized
        case .unknownSite: .forbidden
        case .replayedSyncRequest: .conflict
        default: error.kind == .io ? .internalServerError : .unprocessableContent
        }
    }

    static func failure(_ status: HTTPResponse.Status, code: String, message: String) -> Response {
        var response = json(["error": code, "message": message])
        response.status = status
        return response
    }

    static func json(_ value: some Encodable) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return Response(status: .ok, headers: [.contentType: "application/json", .cacheControl: "no-store"],
                        body: .init(byteBuffer: ByteBuffer(data: data)))
    }
}
