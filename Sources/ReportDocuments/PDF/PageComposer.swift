import Typesetting

/// Lays out a report page by page before anything is drawn, so that every footer can say “page 2 of 9”.
///
/// Blocks ask for room with ``reserve(_:)``, which starts a new page when the current one is
/// full, and add drawing operations at the place they were given; ``render(into:footer:)``
/// then draws every page.
final class PageComposer {
    typealias Operation = (Canvas) throws -> Void

    let fonts: FontLibrary
    private(set) var pages: [[Operation]] = []
    /// Where the next block goes on the current page.
    private(set) var y = ReportStyle.top
    /// Called on every new page after the first, to repeat a heading; returns the height it used.
    var continuation: (() throws -> Void)?

    init(fonts: FontLibrary) {
        self.fonts = fonts
    }

    var bottom: Double { ReportStyle.footerTop - 8 }
    var remaining: Double { bottom - y }
    var isAtPageTop: Bool { y == ReportStyle.top }

    /// Starts a new page.
    func newPage() throws {
        pages.append([])
        y = ReportStyle.top
        if let continuation {
            self.continuation = nil
            try continuation()
            self.continuation = continuation
        }
    }

    /// Makes room for a block `height` points tall, on a new page if this one has too little left,
    /// and returns the top of the room.
    @discardableResult
    func reserve(_ height: Double) throws -> Double {
        if pages.isEmpty || (height > remaining && !isAtPageTop) {
            try newPage()
        }
        let top = y
        y += height
        return top
    }

    /// Leaves a gap, unless at the top of a page.
    func skip(_ height: Double) {
        if !isAtPageTop { y = min(y + height, bottom) }
    }

    /// Adds a drawing operation to the current page.
    func draw(_ operation: @escaping Operation) {
        pages[pages.count - 1].append(operation)
    }

    /// Draws every page into `document`, then its footer.
    func render(into document: PDFDocument, footer: (Canvas, _ page: Int, _ of: Int) throws -> Void) throws {
        for (index, operations) in pages.enumerated() {
            let canvas = try document.beginPage(size: ReportStyle.page)
            for operation in operations { try operation(canvas) }
            try footer(canvas, index + 1, pages.count)
        }
    }
}
