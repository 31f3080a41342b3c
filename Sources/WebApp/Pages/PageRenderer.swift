import Foundation
import Hummingbird
import Mustache
import TrainingCore

/// Renders the mustache templates in Resources/templates into pages, with what every page shows: the
/// wording of the reader's language, who is signed in, the navigation their role has, and the form token.
///
/// `{{value}}` escapes HTML; the templates never use `{{{value}}}` for anything a user typed.
struct PageRenderer: Sendable {
    let library: MustacheLibrary

    static func load() async throws -> PageRenderer {
        guard let folder = Bundle.module.url(forResource: "templates", withExtension: nil) else {
            throw MalakaError.io("The page templates are missing from the installation (Resources/templates).")
        }
        return PageRenderer(library: try await MustacheLibrary(directory: folder.path))
    }

    /// A whole page: `template` is a file name without `.mustache`, `values` what it shows.
    func page(_ template: String, title: String, values: [String: Any] = [:], context: WebContext,
              status: HTTPResponse.Status = .ok) -> Response {
        let words = context.words
        // A nil handed over as `Any` would render as “nil”: such values are left out, so sections skip them.
        var all = values.filter { !Self.isNil($0.value) }
        all["t"] = words.all
        all["title"] = title
        all["lang"] = context.language.rawValue
        all["path"] = context.path
        all["languages"] = DocumentLanguage.allCases.map { language in
            ["tag": language.rawValue, "name": Self.languageNames[language]!, "selected": language == context.language]
        }
        if let visitor = context.visitor {
            let role = visitor.account.role
            all["visitor"] = [
                "signedInAs": words.format(.signedInAs, visitor.account.name, words.role(role)),
                "csrf": visitor.csrfToken,
                "isTrainer": role == .trainer || role == .admin,
                "handlesEvents": role != .manager,
                "readsSummaries": role.readsSummaries,
                "handlesQueues": role.handlesCertificates,
            ] as [String: Any]
            all["csrf"] = visitor.csrfToken
        }
        let html = library.render(all, withTemplate: template) ?? "<!doctype html><title>Malaka</title><p>The page \(template) is missing.</p>"
        return Self.html(html, status: status)
    }

    private static func isNil(_ value: Any) -> Bool {
        let mirror = Mirror(reflecting: value)
        return mirror.displayStyle == .optional && mirror.children.isEmpty
    }

    static func html(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                 body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// A redirect after a form, so that reloading the page does not send it again.
    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }

    /// Each language named in itself, for the language menu.
    static let languageNames: [DocumentLanguage: String] = [
        .uzbekLatin: "Oʻzbekcha", .uzbekCyrillic: "Ўзбекча", .kyrgyz: "Кыргызча", .russian: "Русский", .english: "English",
    ]
}
