import Foundation
import Typesetting

/// What one thread needs to render certificates: a font library and the decoded images.
///
/// Like ``FontLibrary``, a worker is used by one thread at a time; ``WorkerPool`` lends them out.
final class RenderingWorker {
    /// A few hundred layouts: enough for every fixed text of the templates in use. Names, serials and
    /// tokens are laid out with `remember: false`, so memory does not grow with the number of certificates.
    let fonts = FontLibrary(cacheLimit: 384)
    /// Images decoded once per worker and shared by every page and document it draws.
    let images = PNGImageCache()
}

/// Lends each thread a ``RenderingWorker`` of its own, and keeps the workers for the next batch.
///
/// A thread borrows a worker for the length of ``withWorker(_:)``; as many workers exist as threads
/// ever rendered at once, so fonts are loaded once per thread rather than once per certificate.
final class WorkerPool: @unchecked Sendable {
    private let lock = NSLock()
    private var idle: [RenderingWorker] = []

    func withWorker<T>(_ body: (RenderingWorker) throws -> T) rethrows -> T {
        let worker = borrow()
        defer { giveBack(worker) }
        return try body(worker)
    }

    /// A worker for the caller alone until it is given back, for work that spans several calls.
    func borrow() -> RenderingWorker {
        lock.withLock { idle.popLast() } ?? RenderingWorker()
    }

    func giveBack(_ worker: RenderingWorker) {
        lock.withLock { idle.append(worker) }
    }
}
