/// Why a benchmark cannot go on: a child process failed, its output was not what the benchmark expects,
/// or the data it generated was refused.
public struct BenchmarkFailure: Error, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
