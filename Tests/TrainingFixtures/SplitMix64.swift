/// A small seeded generator (SplitMix64): the same numbers for the same seed on every platform, so that a
/// randomised test that fails can be replayed from the seed it printed.
///
/// For example:
/// ```swift
/// var random = SplitMix64(seed: 8)
/// let delay = Double.random(in: 0...1, using: &random)
/// ```
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
