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
/// so each font is embedded once.
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
        precondition(!isFinished, "This bundle is finished.")
        let renderer = renderer
        @Sendable func prepare(from start: Int) throws -> [CertificateRenderer.PreparedPage] {
            try contents[start..<min(contents.count, start + Self.lookAhead)].map(renderer.prepare)
        }
        guard !contents.isEmpty else { return }
        var ready = try prepare(from: 0)
        var start = 0
        while start < contents.count {
            let next = start + Self.lookAhead
            let upcoming = Slots<Result<[CertificateRenderer.PreparedPage], any Error>>(count: 1)
            let group = DispatchGroup()
            if next < contents.count {
                DispatchQueue.global().async(group: group) {
                    upcoming.set(0, Result { try prepare(from: next) })
                }
            }
            for prepared in ready {
                try renderer.draw(prepared, on: document.beginPage(size: prepared.page.template.page), worker: worker)
                pageDone()
            }
            group.wait()
            if next < contents.count { ready = try upcoming.values()[0].get() }
            start = next
        }
    }

    /// Completes the PDF.
    public func finish() throws {
        precondition(!isFinished, "This bundle is finished.")
        isFinished = true
        try document.finish()
    }
}
