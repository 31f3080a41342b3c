import Foundation
import Hummingbird
import TrainingCore

/// Signing in and out, and choosing the page language.
struct SignInRoutes: Sendable {
    let database: AppDatabase
    let pages: PageRenderer
    let throttle: LoginThrottle
    /// Whether cookies are marked Secure: the server speaks TLS itself or behind a proxy that does.
    let secureCookies: Bool
    static let sessionLifetime: TimeInterval = 12 * 3600

    func add(to router: Router<WebContext>) {
        router.get("/login") { request, context in try showForm(request: request, context: context) }
        router.post("/login") { request, context in
            var request = request
            let form = try await FormData.read(&request)
            let address = context.remoteAddress ?? "unknown"
            if let minutes = await throttle.wait(name: form["name"] ?? "", address: address) {
                return try showForm(request: request, context: context, error: context.words.format(.tooManyAttempts, String(minutes)),
                                    name: form["name"], status: .tooManyRequests)
            }
            let outcome = try await DatabaseThreads.run { [request] in try signIn(form: form, request: request, context: context) }
            if outcome.failed {
                await throttle.recordFailure(name: form["name"] ?? "", address: address)
            } else {
                await throttle.recordSuccess(name: form["name"] ?? "")
            }
            return outcome.response
        }
        router.form("/logout") { _, _, context in try signOut(context: context) }
        router.form("/language") { form, _, context in try chooseLanguage(form: form, context: context) }
    }

    private func showForm(request: Request, context: WebContext, error: String? = nil, name: String? = nil,
                          status: HTTPResponse.Status = .ok) throws -> Response {
        if context.visitor != nil && error == nil { return PageRenderer.redirect("/") }
        // The token already given is kept: a second sign-in page (another tab, a browser's request for an
        // icon sent here) must not make the first one's form stale.
        let given = request.cookies[SignInMiddleware.formCookie]?.value ?? ""
        let token = SessionToken.isWellFormed(given) ? given : SessionToken.random()
        var response = pages.page("login", title: context.words[.signInTitle],
                                  values: ["formToken": token, "error": error as Any, "name": name as Any], context: context, status: status)
        response.setCookie(cookie(SignInMiddleware.formCookie, token, maxAge: 3600))
        return response
    }

    /// A sign-in's answer, and whether it was a wrong password (which counts towards the limit).
    struct Outcome: Sendable {
        var response: Response
        var failed = false
    }

    private func signIn(form: FormData, request: Request, context: WebContext) throws -> Outcome {
        let words = context.words
        let name = form["name"] ?? ""
        guard let cookieToken = request.cookies[SignInMiddleware.formCookie]?.value,
              SessionToken.matches(form["csrf"] ?? "", cookieToken) else {
            return Outcome(response: try showForm(request: request, context: context, error: words[.formExpired], name: name, status: .forbidden))
        }
        let account = try database.account(named: name)
        // The hash is checked even for an unknown name, so that timing tells nobody which names exist.
        let passwordMatches = Passwords.verify(form["password"] ?? "", hash: account?.passwordHash ?? Passwords.decoy)
        guard let account, passwordMatches else {
            context.logger.notice("sign-in refused", metadata: ["account": "\(name)"])
            return Outcome(response: try showForm(request: request, context: context, error: words[.wrongPassword], name: name,
                                                  status: .unauthorized), failed: true)
        }
        let token = SessionToken.random()
        let now = Date()
        let acting = database.acting(as: "web:\(account.name)")
        try acting.openWebSession(WebSessionRecord(tokenHash: SessionToken.hash(token), accountId: account.id!,
                                                     csrfToken: SessionToken.random(), createdAt: now,
                                                     expiresAt: now + Self.sessionLifetime))
        // A language chosen before signing in becomes the account's.
        if account.language == nil, let chosen = request.cookies[SignInMiddleware.languageCookie]?.value,
           let language = DocumentLanguage(rawValue: chosen) {
            try acting.setAccountLanguage(id: account.id!, language: language)
        }
        var response = PageRenderer.redirect("/")
        response.setCookie(cookie(SignInMiddleware.sessionCookie, token, maxAge: Int(Self.sessionLifetime)))
        response.setCookie(cookie(SignInMiddleware.formCookie, "", maxAge: 0))
        return Outcome(response: response)
    }

    private func signOut(context: WebContext) throws -> Response {
        if let visitor = context.visitor {
            try database.acting(as: "web:\(visitor.account.name)").closeWebSession(tokenHash: visitor.tokenHash)
        }
        var response = PageRenderer.redirect("/login")
        response.setCookie(cookie(SignInMiddleware.sessionCookie, "", maxAge: 0))
        return response
    }

    private func chooseLanguage(form: FormData, context: WebContext) throws -> Response {
        guard let language = form["lang"].flatMap(DocumentLanguage.init(rawValue:)) else { return PageRenderer.redirect("/") }
        if let visitor = context.visitor {
            try database.acting(as: "web:\(visitor.account.name)").setAccountLanguage(id: visitor.account.id!, language: language)
        }
        // Back to the page the choice was made on, when it is one of ours.
        let back = form["back"].flatMap { $0.hasPrefix("/") && !$0.hasPrefix("//") ? $0 : nil } ?? "/"
        var response = PageRenderer.redirect(back)
        response.setCookie(cookie(SignInMiddleware.languageCookie, language.rawValue, maxAge: 365 * 24 * 3600))
        return response
    }

    private func cookie(_ name: String, _ value: String, maxAge: Int) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: "/", secure: secureCookies, httpOnly: true, sameSite: .strict)
    }
}
