import Dispatch
import Foundation

/// Independent work spread over every core, with the results in order.
///
/// For example `Parallel.map(100_000) { PreparedPerson(facts[$0]) }` prepares 100,000 people
/// on every core and returns them in the order of `facts`.
public enum Parallel {
    /// The number of chunks to split `count` items into: one per active core, and one only
    /// when there are fewer than `minimumPerChunk` items a core, where threads would cost more than they save.
    public static func chunkCount(_ count: Int, minimumPerChunk: Int = 2_000) -> Int {
        max(1, min(ProcessInfo.processInfo.activeProcessorCount, count / max(1, minimumPerChunk)))
    }

    /// The `index`-th of `chunks` nearly equal ranges covering `0..<count`.
    public static func chunk(_ index: Int, of chunks: Int, count: Int) -> Range<Int> {
        (count * index / chunks)..<(count * (index + 1) / chunks)
    }

    /// `transform` applied to `0..<count`, in order, computed in parallel.
    public static func map<T: Sendable>(_ count: Int, minimumPerChunk: Int = 2_000, _ transform: @Sendable (Int) -> T) -> [T] {
        let chunks = chunkCount(count, minimumPerChunk: minimumPerChunk)
        if chunks == 1 { return (0..<count).map(transform) }
        return mapChunks(chunks: chunks, count: count) { range in range.map(transform) }.flatMap { $0 }
    }

    /// `work` applied to nearly equal ranges covering `0..<count`, one per core (one range only
    /// below `minimumPerChunk` items a core); the results in the order of the ranges.
    public static func mapChunks<T: Sendable>(count: Int, minimumPerChunk: Int = 2_000, _ work: @Sendable (Range<Int>) -> T) -> [T] {
        let chunks = chunkCount(count, minimumPerChunk: minimumPerChunk)
        if chunks == 1 { return [work(0..<count)] }
        return mapChunks(chunks: chunks, count: count, work)
    }

    /// `work` applied to each of `chunks` ranges covering `0..<count`, in parallel; the results
    /// come back in the order of the ranges.
    public static func mapChunks<T: Sendable>(chunks: Int, count: Int, _ work: @Sendable (Range<Int>) -> T) -> [T] {
        var results = [T?](repeating: nil, count: chunks)
        results.withUnsafeMutableBufferPointer { buffer in
            // Each chunk writes only its own slot.
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: chunks) { index in
                slots[index] = work(chunk(index, of: chunks, count: count))
            }
        }
        return results.map { $0! }
    }
}
