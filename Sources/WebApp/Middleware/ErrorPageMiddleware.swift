import Hummingbird
import Logging
import NIOCore
import TrainingCore

/// Turns what a handler throws into a page in the reader's language: a refusal into 404 or 403, a
/// core error into its worded message, anything else into a plain 500 page. Never a stack trace or
/// a database message: those go to the log only.
struct ErrorPageMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let pages: PageRenderer

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let refusal as Refusal {
            let words = context.words
            return switch refusal {
            case .notFound:
                pages.page("message", title: words[.notFoundTitle], values: ["text": words[.notFoundText]], context: context, status: .notFound)
            case .forbidden:
                pages.page("message", title: words[.forbiddenTitle], values: ["text": words[.forbiddenText]], context: context, status: .forbidden)
            }
        } catch is FormExpired {
            return pages.page("message", title: context.words[.problem], values: ["text": context.words[.formExpired]], context: context,
                              status: .forbidden)
        } catch is NIOTooManyBytesError {
            // A form or an upload larger than its limit, refused before it was read.
            return pages.page("message", title: context.words[.problem],
                              values: ["text": context.words.format(.tooLarge, String(MultipartForm.sizeLimit / 1024 / 1024))],
                              context: context, status: .contentTooLarge)
        } catch let error as MalakaError {
            let worded = ErrorWording(context.words).word(error)
            return pages.page("message", title: context.words[.problem],
                              values: ["text": worded.message, "remedy": worded.remedy as Any], context: context,
                              status: error.kind == .io ? .internalServerError : .badRequest)
        } catch let error as HTTPError {
            if error.status == .notFound || error.status == .methodNotAllowed {
                let words = context.words
                return pages.page("message", title: words[.notFoundTitle], values: ["text": words[.notFoundText]], context: context,
                                  status: error.status)
            }
            // A request the pages' own forms and links never make (a number that is not one in the address).
            guard error.status.code < 500 else { throw error }
            return pages.page("message", title: context.words[.problem], values: ["text": context.words[.badRequest]], context: context,
                              status: error.status)
        } catch {
            context.logger.error("request failed", metadata: ["error": "\(String(reflecting: error))"])
            return pages.page("message", title: context.words[.problem], values: ["text": context.words[.serverProblem]],
                              context: context, status: .internalServerError)
        }
    }
}
