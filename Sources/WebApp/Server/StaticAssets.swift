import Foundation
import Hummingbird

/// The one style sheet and the one script of the pages, read from the installation once and served
/// from memory under fixed names, so no request can name any other file.
struct StaticAssets: Sendable {
    struct Asset: Sendable {
        var contentType: String
        var body: ByteBuffer
    }

    let assets: [String: Asset]

    static func load() throws -> StaticAssets {
        var assets: [String: Asset] = [:]
        for (name, type) in [("app.css", "text/css; charset=utf-8"), ("app.js", "text/javascript; charset=utf-8")] {
            guard let url = Bundle.module.url(forResource: "static/" + name, withExtension: nil) else {
                throw HTTPError(.internalServerError, message: "The file \(name) is missing from the installation.")
            }
            assets[name] = Asset(contentType: type, body: ByteBuffer(data: try Data(contentsOf: url)))
        }
        return StaticAssets(assets: assets)
    }

    func add(to router: Router<WebContext>) {
        for (name, asset) in assets {
            router.get("/static/\(name)") { _, _ in
                Response(status: .ok, headers: [.contentType: asset.contentType, .cacheControl: "public, max-age=3600"],
                         body: .init(byteBuffer: asset.body))
            }
        }
    }
}
