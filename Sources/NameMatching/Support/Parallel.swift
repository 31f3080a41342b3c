import Dispatch
import Foundation

/// Runs independent work on every core, for preparing and comparing many
/// people at once.
///
/// For example `Parallel.map(100_000) { PreparedPerson(facts[$0]) }` prepares
/// the people in parallel and returns them in order.
enum Parallel {
    /// The number of chunks to split `count` items into: one per active
    /// core, and one only for fewer than `minimumPerChunk` items a core.
    static func chunkCount(_ count: Int, minimumPerChunk: Int = 2_000) -> Int {
        max(1, min(ProcessInfo.processInfo.activeProcessorCount, count / minimumPerChunk))
    }

    /// The `index`-th of `chunks` nearly equal ranges covering `0..<count`.
    static func chunk(_ index: Int, of chunks: Int, count: Int) -> Range<Int> {
        (count * index / chunks)..<(count * (index + 1) / chunks)
    }

    /// `transform` applied to `0..<count`, in order, computed in parallel.
    static func map<T: Sendable>(_ count: Int, _ transform: @Sendable (Int) -> T) -> [T] {
        let chunks = chunkCount(count)
        if chunks == 1 { return (0..<count).map(transform) }
        let parts = mapChunks(chunks: chunks, count: count) { range in range.map(transform) }
        return parts.flatMap { $0 }
    }

    /// `work` applied to each of `chunks` ranges covering `0..<count`, in
    /// parallel; the results come back in the order of the ranges.
    static func mapChunks<T: Sendable>(chunks: Int, count: Int, _ work: @Sendable (Range<Int>) -> T) -> [T] {
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
