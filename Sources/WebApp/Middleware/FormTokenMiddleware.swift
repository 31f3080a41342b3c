import Hummingbird

/// Refuses a change sent by a signed-in browser whose form token (the `csrf` field of a form or an upload, or the
/// `X-CSRF-Token` header of the page's script) is not its session's: an expired page, or a form
/// another site made the browser send.
struct FormTokenMiddleware: RouterMiddleware {
    typealias Context = WebContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        // The exchange's requests are signed by their site instead, and carry no browser's session.
        guard request.method == .post, !request.uri.path.hasPrefix(SyncRoutes.prefix), let visitor = context.visitor else {
            return try await next(request, context)
        }
        var request = request
        // The page's script sends the token as a header: its body need not be read twice.
        let given = if let header = request.headers[SignInMiddleware.csrfHeader] { header }
            else if MultipartForm.isMultipart(request) { try await MultipartForm.read(&request)["csrf"] ?? "" }
            else { try await FormData.read(&request)["csrf"] ?? "" }
        guard SessionToken.matches(given, visitor.csrfToken) else { throw FormExpired() }
        return try await next(request, context)
    }
}

/// A form sent with a token that is not its session's: expired, or sent from another site.
struct FormExpired: Error {}
