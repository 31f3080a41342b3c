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
