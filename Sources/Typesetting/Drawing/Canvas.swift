internal import CCairo

/// One page of a ``PDFDocument`` to draw on, in points from the top-left corner, y growing downwards.
///
/// ## Topics
/// - ``drawText(_:style:in:)``
/// - ``draw(_:in:)``
/// - ``measure(_:font:size:)``
/// - ``drawLine(from:to:color:width:dash:)``
/// - ``drawRectangle(_:fill:stroke:lineWidth:cornerRadius:)``
/// - ``drawImage(_:in:)``
/// - ``drawQRCode(_:in:errorCorrection:color:quietZone:)``
/// - ``rotated(by:around:_:)``
public final class Canvas {
    /// The size of this page.
    public let size: PageSize
    /// The document's font library, for measuring and laying out text before drawing it.
    public var fonts: FontLibrary { document.fonts }
    let document: PDFDocument
    private let pageNumber: Int

    init(document: PDFDocument, size: PageSize, pageNumber: Int) {
        self.document = document
        self.size = size
        self.pageNumber = pageNumber
    }

    /// The cairo context, once it is certain that this page is still the one being drawn.
    var context: CairoContext {
        precondition(
            !document.isFinished && document.pageNumber == pageNumber,
            "Page \(pageNumber) has ended: draw on the canvas that the latest beginPage(size:) returned."
        )
        return document.context
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
