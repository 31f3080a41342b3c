import Foundation

/// PNG images decoded on first use and shared by every page of a document or layer.
final class PNGImageCache {
    private var images: [URL: PNGImage] = [:]

    func image(at url: URL) throws -> PNGImage {
        if let image = images[url] { return image }
        let image = try PNGImage(contentsOf: url)
        images[url] = image
        return image
    }
}
