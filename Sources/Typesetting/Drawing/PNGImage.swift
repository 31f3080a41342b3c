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
        try Self.checkHeader(url)
        surface = try CairoImageSurface(pngAt: url.path)
        pixelSize = Size(width: Double(surface.width), height: Double(surface.height))
    }

    /// The widest and tallest image decoded: a 65,535 × 65,535 PNG of a few kilobytes would otherwise ask for 16 GB.
    public static let maximumSide = 10_000

    /// Reads the signature and the header chunk before cairo does, because cairo calls anything
    /// that is not a PNG “out of memory” and would decode a pixel bomb in full.
    private static func checkHeader(_ url: URL) throws {
        guard let handle = try? FileHandle(forReadingFrom: url) else {
            throw TypesettingError.imageUnreadable(path: url.path, reason: "it does not exist or cannot be opened")
        }
        defer { try? handle.close() }
        let header = [UInt8]((try? handle.read(upToCount: 24)) ?? Data())
        guard header.count == 24, header.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
              header[12...15] == [0x49, 0x48, 0x44, 0x52] else {
            throw TypesettingError.imageUnreadable(path: url.path, reason: "it is not a PNG file")
        }
        let width = header[16...19].reduce(0) { $0 << 8 | Int($1) }
        let height = header[20...23].reduce(0) { $0 << 8 | Int($1) }
        guard (1...maximumSide).contains(width), (1...maximumSide).contains(height) else {
            throw TypesettingError.imageUnreadable(
                path: url.path, reason: "it is \(width) × \(height) pixels; an image on a certificate needs at most \(maximumSide) on each side")
        }
    }
}
