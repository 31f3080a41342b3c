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
        let field = MultipartForm.isMultipart(request) ? try await MultipartForm.read(&request)["csrf"]
            : try await FormData.read(&request)["csrf"]
        let given = request.headers[SignInMiddleware.csrfHeader] ?? field ?? ""
        guard SessionToken.matches(given, visitor.csrfToken) else { throw FormExpired() }
        return try await next(request, context)
    }
}

/// A form sent with a token that is not its session's: expired, or sent from another site.
struct FormExpired: Error {}
