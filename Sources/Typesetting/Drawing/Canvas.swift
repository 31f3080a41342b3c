internal import CCairo

/// One page of a ``PDFDocument``, or one ``PageLayer`` being recorded, to draw on, in points from the
/// top-left corner, y growing downwards.
///
/// ## Topics
/// - ``drawText(_:style:in:)``
/// - ``draw(_:in:)``
/// - ``measure(_:font:size:)``
/// - ``drawLine(from:to:color:width:dash:)``
/// - ``drawRectangle(_:fill:stroke:lineWidth:cornerRadius:)``
/// - ``drawImage(_:in:)``
/// - ``drawQRCode(_:in:errorCorrection:color:quietZone:)``
/// - ``draw(_:)``
/// - ``rotated(by:around:_:)``
public final class Canvas {
    /// The size of this page.
    public let size: PageSize
    /// The font library, for measuring and laying out text before drawing it.
    public let fonts: FontLibrary
    /// Where images drawn by URL are decoded, once each.
    let images: PNGImageCache
    private let target: Target

    /// What the canvas draws on, and how to tell that it is still there to draw on.
    private enum Target {
        case page(Int, of: PDFDocument)
        case layer(PageLayer.Recorder)
    }

    init(page number: Int, of document: PDFDocument, size: PageSize) {
        target = .page(number, of: document)
        self.size = size
        fonts = document.fonts
        images = document.images
    }

    init(recording recorder: PageLayer.Recorder, size: PageSize, fonts: FontLibrary) {
        target = .layer(recorder)
        self.size = size
        self.fonts = fonts
        images = recorder.images
    }

    /// The cairo context, once it is certain that this page or layer is still the one being drawn.
    var context: CairoContext {
        switch target {
        case let .page(number, document):
            precondition(
                !document.isFinished && document.pageNumber == number,
                "Page \(number) has ended: draw on the canvas that the latest beginPage(size:) returned."
            )
            return document.context
        case let .layer(recorder):
            guard let context = recorder.context else {
                preconditionFailure("The layer is recorded: draw on the canvas only inside PageLayer's drawing closure.")
            }
            return context
        }
    }

    /// Draws with the origin moved to `center` and turned by `degrees` clockwise around it, then turns back.
    ///
    /// For example, a chart's axis label reading upwards:
    /// `try canvas.rotated(by: -90, around: anchor) { try $0.drawText(label, style: style, in: box) }`
    @discardableResult
    public func rotated<Result>(by degrees: Double, around center: Point, _ body: (Canvas) throws -> Result) rethrows -> Result {
        let cairo = context.pointer
        cairo_save(cairo)
        defer { cairo_restore(cairo) }
        cairo_translate(cairo, center.x, center.y)
        cairo_rotate(cairo, degrees * .pi / 180)
        cairo_translate(cairo, -center.x, -center.y)
        return try body(self)
    }
}
