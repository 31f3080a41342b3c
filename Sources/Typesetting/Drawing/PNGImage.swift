import Foundation

/// A PNG image decoded once, to draw on any number of pages and documents.
///
/// A PDF stores an image once however many of its pages show it.
/// Like ``FontLibrary``, an image belongs to one thread at a time.
public final class PNGImage {
    /// Where the image was read from.
    public let url: URL
    /// Width and height in pixels.
    public let pixelSize: Size
    let surface: CairoImageSurface

    /// Reads and decodes the PNG file at `url`.
    ///
    /// - Throws: ``TypesettingError/imageUnreadable(path:reason:)`` when the file is missing or not a PNG.
    public init(contentsOf url: URL) throws {
        self.url = url
        surface = try CairoImageSurface(pngAt: url.path)
        pixelSize = Size(width: Double(surface.width), height: Double(surface.height))
    }
}
