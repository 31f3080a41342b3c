import Foundation

/// PNG images decoded on first use and shared by every page of a document, layer or rendering thread.
///
/// Like ``FontLibrary``, a cache is used by one thread at a time.
public final class PNGImageCache {
    private var images: [URL: PNGImage] = [:]

    public init() {}

    public func image(at url: URL) throws -> PNGImage {
        if let image = images[url] { return image }
        let image = try PNGImage(contentsOf: url)
        images[url] = image
        return image
    }
}
