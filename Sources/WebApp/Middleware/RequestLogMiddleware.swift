import Foundation
import Hummingbird
import Logging

/// One structured log line per request: method, path (without its query, which may hold a name searched
/// for), status, duration and the account, as swift-log metadata.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = WebContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        var status = HTTPResponse.Status.internalServerError
        var account: String?
        defer {
            // Only when the line is written: under load, building it cost more than a mark's own checks.
            if context.logger.logLevel <= .info {
                let elapsed = ContinuousClock.now - start
                let microseconds = elapsed.components.seconds * 1_000_000 + elapsed.components.attoseconds / 1_000_000_000_000
                let fraction = String(microseconds % 1000 / 10)
                var metadata: Logger.Metadata = [
                    "http.method": "\(request.method.rawValue)", "http.path": "\(request.uri.path)",
                    "http.status": "\(status.code)",
                    "duration_ms": "\(microseconds / 1000).\(String(repeating: "0", count: 2 - fraction.count) + fraction)",
                ]
                if let account { metadata["account"] = "\(account)" }
                context.logger.info("request", metadata: metadata)
            }
        }
        do {
            let response = try await next(request, context)
            status = response.status
            account = response.headers[WebContext.accountHeader]
            var cleaned = response
            cleaned.headers[WebContext.accountHeader] = nil
            return cleaned
        } catch let error as HTTPError {
            status = error.status
            throw error
        }
    }
}
