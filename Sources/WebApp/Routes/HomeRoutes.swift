import Hummingbird
import TrainingCore

/// The first page after signing in: each role starts where its work is.
struct HomeRoutes: Sendable {
    let pages: PageRenderer
    let access: @Sendable (WebContext) throws -> Access

    func add(to router: Router<WebContext>) {
        router.get("/") { _, context in
            switch try context.signedIn().account.role {
            case .trainer: PageRenderer.redirect("/sessions")
            case .coordinator, .admin: PageRenderer.redirect("/events")
            case .manager: PageRenderer.redirect("/summary")
            }
        }
    }
}
