/// Drawing recorded once and painted on any number of pages: what every page of a document shares.
///
/// A PDF stores a layer once, as a form XObject that each page showing it refers to, so a page
/// costs only what is its own. Text in a layer stays searchable and copyable as on the page, and
/// its fonts are embedded with the rest of the document's.
///
/// For example, a frame and a title on every page, and a name on each:
/// ```swift
/// let shared = try PageLayer(size: .a4.landscape, fonts: fonts) { canvas in
///     try canvas.drawRectangle(frame, stroke: .black)
///     try canvas.drawText("Sertifikat", style: titleStyle, in: titleBox)
/// }
/// for name in names {
///     let page = try document.beginPage(size: .a4.landscape)
///     try page.draw(shared)
///     try page.drawText(name, style: nameStyle, in: nameBox)
/// }
/// ```
///
/// Like ``FontLibrary``, a layer belongs to one thread at a time; draw it on documents that use
/// the same font library.
public final class PageLayer {
    /// The size of the area recorded, from the page's top-left corner.
    public let size: PageSize
    let surface: CairoRecordingSurface

    /// Records what `draw` draws on a canvas of `size`; the canvas must not be kept past `draw`.
    ///
    /// - Throws: whatever `draw` throws, or ``TypesettingError/cairo(operation:message:)`` when recording fails.
    public init(size: PageSize, fonts: FontLibrary, draw: (Canvas) throws -> Void) throws {
        self.size = size
        surface = try CairoRecordingSurface(size: size)
        let recorder = try Recorder(surface: surface)
        defer { recorder.context = nil }
        try draw(Canvas(recording: recorder, size: size, fonts: fonts))
        try recorder.context?.check("record a layer")
    }
}

extension PageLayer {
    /// The drawing context and images of a layer while it is being recorded.
    final class Recorder {
        var context: CairoContext?
        let images = PNGImageCache()

        init(surface: CairoRecordingSurface) throws {
            context = try CairoContext(surface: surface.pointer, what: "a layer")
        }
    }
}
