import MalakaSupport
import Testing

@Suite struct ParallelTests {
    @Test("Results come back in order, whatever the number of chunks", arguments: [0, 1, 1_999, 2_000, 50_001])
    func mapKeepsOrder(_ count: Int) {
        #expect(Parallel.map(count) { $0 * 3 } == (0..<count).map { $0 * 3 })
    }

    @Test func chunksCoverEveryIndexOnce() {
        let ranges = Parallel.mapChunks(count: 100_003, minimumPerChunk: 10) { $0 }
        #expect(ranges.first?.lowerBound == 0)
        #expect(ranges.last?.upperBound == 100_003)
        for (before, after) in zip(ranges, ranges.dropFirst()) { #expect(before.upperBound == after.lowerBound) }
    }

    @Test func fewItemsMakeOneChunk() {
        #expect(Parallel.chunkCount(10) == 1)
        #expect(Parallel.mapChunks(count: 10) { $0 } == [0..<10])
    }
}
