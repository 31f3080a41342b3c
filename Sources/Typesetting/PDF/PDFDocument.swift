import Foundation
import MalakaSupport
internal import CCairo

/// A PDF being written, page by page, to a file or to memory.
///
/// For example:
/// ```swift
/// let fonts = FontLibrary()
/// let document = try PDFDocument(url: output, fonts: fonts, metadata: PDFMetadata(title: "Sertifikat"))
/// let page = try document.beginPage(size: .a4.landscape)
/// try page.drawText("Gʻulomjon Oʻrinboyev", style: nameStyle, in: nameBox)
/// try document.finish()
/// ```
///
/// Fonts come from the ``FontLibrary`` given, which should outlive many documents: see its
/// threading note. A document, like its library, belongs to one thread at a time.
public final class PDFDocument {
    /// The library that finds, shapes and measures text for this document.
    public let fonts: FontLibrary
    let context: CairoContext
    private let surface: CairoPDFSurface
    /// The number of the page being drawn, from 1; 0 before the first page.
    private(set) var pageNumber = 0
    private(set) var isFinished = false
    private var images: [URL: PNGImage] = [:]

    /// Starts a PDF file at `url`, which is complete once ``finish()`` returns.
    ///
    /// - Throws: ``TypesettingError/pdfNotWritable(path:reason:)`` when the file cannot be created.
    public convenience init(url: URL, fonts: FontLibrary, metadata: PDFMetadata = PDFMetadata()) throws {
        try self.init(surface: CairoPDFSurface(path: url.path), fonts: fonts, metadata: metadata)
    }

    /// Starts a PDF written into `file`, a temporary that the caller seals and puts in place once
    /// ``finish()`` returns; a failure to write any byte, cairo's included, throws a `FileWriteError` naming the file.
    public convenience init(file: AtomicFile, fonts: FontLibrary, metadata: PDFMetadata = PDFMetadata()) throws {
        try self.init(surface: CairoPDFSurface(file: file), fonts: fonts, metadata: metadata)
    }

    /// Starts a PDF kept in memory; ``finish()`` returns its bytes.
    public static func inMemory(fonts: FontLibrary, metadata: PDFMetadata = PDFMetadata()) throws -> PDFDocument {
        try PDFDocument(surface: CairoPDFSurface(), fonts: fonts, metadata: metadata)
    }

    private init(surface: CairoPDFSurface, fonts: FontLibrary, metadata: PDFMetadata) throws {
        self.surface = surface
        self.fonts = fonts
        context = try CairoContext(surface: surface)
        surface.setMetadata(metadata)
    }

    /// Ends the current page, if any, and starts a new one of `size`.
    ///
    /// The canvas returned draws on the new page only; once the next page begins, it must not be used.
    public func beginPage(size: PageSize) throws -> Canvas {
        precondition(!isFinished, "This PDF is finished; start a new PDFDocument to draw more pages.")
        if pageNumber > 0 {
            cairo_show_page(context.pointer)
        }
        surface.setPageSize(size)
        pageNumber += 1
        try context.check("start page \(pageNumber)")
        return Canvas(document: self, size: size, pageNumber: pageNumber)
    }

    /// Ends the last page and completes the PDF.
    ///
    /// - Returns: the PDF's bytes for a document made with ``inMemory(fonts:metadata:)``; nil for one written to a file.
    @discardableResult
    public func finish() throws -> Data? {
        precondition(!isFinished, "This PDF is already finished.")
        isFinished = true
        try context.check("draw page \(pageNumber)")
        try surface.finish()
        return surface.sink?.data
    }

    /// The PNG at `url`, decoded on first use and then shared by every page of this document.
    func image(at url: URL) throws -> PNGImage {
        if let image = images[url] { return image }
        let image = try PNGImage(contentsOf: url)
        images[url] = image
        return image
    }
}
