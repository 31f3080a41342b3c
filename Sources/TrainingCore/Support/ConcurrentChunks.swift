import Dispatch
import Foundation

/// Splits independent work over the cores: checking 100,000 imported rows is
/// the same work for each, and the results come back in order.
enum ConcurrentChunks {
    /// `work` applied to nearly equal ranges covering `0..<count`, one per core (a single range
    /// below `minimumPerChunk` items a core), in parallel; the results in the order of the ranges.
    static func map<T: Sendable>(count: Int, minimumPerChunk: Int = 2_000, _ work: @Sendable (Range<Int>) -> T) -> [T] {
        let chunks = max(1, min(ProcessInfo.processInfo.activeProcessorCount, count / minimumPerChunk))
        if chunks == 1 { return [work(0..<count)] }
        var results = [T?](repeating: nil, count: chunks)
        results.withUnsafeMutableBufferPointer { buffer in
            // Each chunk writes only its own slot.
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: chunks) { index in
                slots[index] = work((count * index / chunks)..<(count * (index + 1) / chunks))
            }
        }
        return results.map { $0! }
    }
}

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

/// A value set on one thread and read on another after a hand-over (such as ``BatchQueue/finish()``).
final class ResultBox<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value?

    func set(_ value: Value) {
        lock.withLock { self.value = value }
    }

    func get() -> Value {
        lock.withLock { value! }
    }
}
