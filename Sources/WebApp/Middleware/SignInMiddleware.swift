import HTTPTypes
import Hummingbird
import TrainingCore

/// Finds who is signed in from the session cookie, chooses the page language, and sends anyone signed
/// out to the sign-in page.
///
/// Only the sign-in page, the language choice, the style sheet and script, and the exchange (whose
/// requests are signed by their site, see ``SyncRoutes``) are open without signing in.
struct SignInMiddleware: RouterMiddleware {
    typealias Context = WebContext
    static let sessionCookie = "malaka_session"
    static let languageCookie = "malaka_lang"
    /// The double-submitted token of the sign-in form, before there is a session to hold one.
    static let formCookie = "malaka_form"
    static let csrfHeader = HTTPField.Name("X-CSRF-Token")!

    let database: AppDatabase

    static func isPublic(_ path: String) -> Bool {
        path == "/login" || path == "/language" || path == "/favicon.ico" || path.hasPrefix("/static/") || path.hasPrefix(SyncRoutes.prefix)
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let token = request.cookies[Self.sessionCookie]?.value,
           let found = try database.webSession(tokenHash: SessionToken.hash(token)) {
            context.visitor = Visitor(account: found.account, csrfToken: found.session.csrfToken, tokenHash: found.session.tokenHash)
        }
        let chosen = context.visitor?.account.language ?? request.cookies[Self.languageCookie]?.value
        context.language = chosen.flatMap { DocumentLanguage(rawValue: $0) } ?? .english

        let path = request.uri.path
        context.path = path
        if context.visitor == nil && !Self.isPublic(path) {
            return PageRenderer.redirect("/login")
        }
        var response = try await next(request, context)
        if let visitor = context.visitor {
            response.headers[WebContext.accountHeader] = visitor.account.name
        }
        return response
    }
}
