import Dispatch
import Foundation
import MalakaSupport
import TrainingCore
import Typesetting

/// One PDF with a page per certificate, written a batch at a time so that memory stays flat
/// however many certificates it holds.
///
/// The pages are drawn on the calling thread; meanwhile another thread lays out the next
/// pages and encodes their QR codes. The bundle keeps one font library for its whole life,
/// so each font is embedded once. What the pages of one event, template and language print
/// alike is drawn once, as a ``PageLayer`` each of those pages refers to; only each person's own
/// parts are drawn page by page.
///
/// For example:
/// ```swift
/// let file = try AtomicFile(destination: url)
/// let bundle = try renderer.bundle(into: file, metadata: PDFMetadata(title: "Khorezm"))
/// for batch in batches { try bundle.append(batch) }
/// try bundle.finish()
/// try file.publish()
/// ```
///
/// - Important: Use a bundle from one thread at a time: it may move between threads, but two
///   calls must never overlap.
public final class CertificateBundle: @unchecked Sendable {
    private let renderer: CertificateRenderer
    private let workers: WorkerPool
    private let worker: RenderingWorker
    private let document: PDFDocument
    private var isFinished = false
    /// The shared part of the pages, by ``CertificatePage/sharedKey``.
    private var layers: [[UInt8]: PageLayer] = [:]

    /// Layers kept at a time: a bundle of many events or templates starts again rather than grow.
    private static let layerLimit = 32

    /// Pages laid out ahead of drawing, at a time.
    private static let lookAhead = 64

    init(renderer: CertificateRenderer, workers: WorkerPool, file: AtomicFile, metadata: PDFMetadata) throws {
        self.renderer = renderer
        self.workers = workers
        let worker = workers.borrow()
        do {
            document = try PDFDocument(file: file, fonts: worker.fonts, metadata: metadata)
        } catch {
            workers.giveBack(worker)
            throw error
        }
        self.worker = worker
    }

    deinit {
        workers.giveBack(worker)
    }

    /// Draws a page for each certificate, in order.
    ///
    /// - Parameter pageDone: called after each page, for a progress bar.
    public func append(_ contents: [CertificateContent], pageDone: () -> Void = {}) throws {
        let renderer = renderer
        try append(contents, preparing: { try renderer.prepare($0) }, pageDone: pageDone)
    }

    /// Draws a page for each page laid out already (by the content hash, while issuing), in order.
    func append(pages: [CertificatePage], pageDone: () -> Void = {}) throws {
        let renderer = renderer
        try append(pages, preparing: { try renderer.prepare($0) }, pageDone: pageDone)
    }

    /// Draws a page for each source, which `preparing` lays out and whose QR code it encodes ahead of drawing, on another thread.
    private func append<Source: Sendable>(
        _ sources: [Source], preparing: @escaping @Sendable (Source) throws -> CertificateRenderer.PreparedPage,
        pageDone: () -> Void
    ) throws {
        precondition(!isFinished, "This bundle is finished.")
        @Sendable func prepare(from start: Int) throws -> [CertificateRenderer.PreparedPage] {
            try sources[start..<min(sources.count, start + Self.lookAhead)].map(preparing)
        }
        guard !sources.isEmpty else { return }
        var ready = try prepare(from: 0)
        var start = 0
        while start < sources.count {
            let next = start + Self.lookAhead
            let upcoming = Slots<Result<[CertificateRenderer.PreparedPage], any Error>>(count: 1)
            let group = DispatchGroup()
            if next < sources.count {
                DispatchQueue.global().async(group: group) {
                    upcoming.set(0, Result { try prepare(from: next) })
                }
            }
            for prepared in ready {
                let canvas = try document.beginPage(size: prepared.page.template.page)
                try canvas.draw(layer(for: prepared.page))
                try renderer.drawOwn(prepared, on: canvas, worker: worker)
                pageDone()
            }
            group.wait()
            if next < sources.count { ready = try upcoming.values()[0].get() }
            start = next
        }
    }

    /// The part of `page` it shares with the bundle's other pages of its event, template and language, recorded on first use.
    private func layer(for page: CertificatePage) throws -> PageLayer {
        let key = page.sharedKey
        if let layer = layers[key] { return layer }
        if layers.count >= Self.layerLimit { layers.removeAll() }
        let layer = try PageLayer(size: page.template.page, fonts: worker.fonts) { canvas in
            try renderer.drawShared(page, on: canvas, worker: worker)
        }
        layers[key] = layer
        return layer
    }

    /// Completes the PDF.
    public func finish() throws {
        precondition(!isFinished, "This bundle is finished.")
        isFinished = true
        try document.finish()
    }
}
