import Dispatch
import Foundation

/// Hands batches from one thread to another, in order: `push` and `finish` on the producing
/// thread, `next` on the consuming one, which waits for each batch.
final class BatchQueue<Element: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private let available = DispatchSemaphore(value: 0)
    private var batches: [[Element]] = []
    private var finished = false

    func push(_ batch: [Element]) {
        lock.withLock { batches.append(batch) }
        available.signal()
    }

    /// Says no batch follows; `next` returns nil once the batches pushed before are taken.
    func finish() {
        lock.withLock { finished = true }
        available.signal()
    }

    /// The next batch, waiting for it; nil after the last one.
    func next() -> [Element]? {
        while true {
            available.wait()
            let (batch, done): ([Element]?, Bool) = lock.withLock {
                batches.isEmpty ? (nil, finished) : (batches.removeFirst(), false)
            }
            if let batch { return batch }
            if done { return nil }
        }
    }
}
