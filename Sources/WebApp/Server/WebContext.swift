import HTTPTypes
import Hummingbird
import NIOCore
import TrainingCore

/// What a handler knows about a request beyond the request itself: who is signed in, where they may look,
/// and the language to answer in. Set by ``SignInMiddleware`` before any page handler runs.
public struct WebContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The signed-in person, nil on the public pages (sign-in, style sheet, script).
    var visitor: Visitor?
    /// The language of the page: the person's choice, else the language cookie, else English.
    var language: DocumentLanguage = .english
    /// The path of the page, where a language choice comes back to.
    var path = "/"

    /// The address the request came from, for limiting sign-in attempts; nil in router tests.
    var remoteAddress: String?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress?.ipAddress
    }

    /// The signed-in person; the pages behind ``SignInMiddleware`` always have one.
    func signedIn() throws -> Visitor {
        guard let visitor else { throw HTTPError(.unauthorized) }
        return visitor
    }

    var words: Words { Words(language) }
}

/// A signed-in person with the session that carries them.
struct Visitor: Sendable {
    var account: WebAccount
    var csrfToken: String
    var tokenHash: String
    var scope: Scope { Scope(account: account) }
}

extension WebContext {
    /// Carries the signed-in account's name from ``SignInMiddleware`` out to ``RequestLogMiddleware``,
    /// which removes it before the answer leaves the server.
    static let accountHeader = HTTPField.Name("X-Malaka-Account")!
}
