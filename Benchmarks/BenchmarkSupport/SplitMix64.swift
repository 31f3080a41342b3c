/// SplitMix64: a small random number generator that gives the same numbers for the same seed on every
/// machine, so that every run of a benchmark generates the same data.
///
/// For example `var random = SplitMix64(seed: 42); Int.random(in: 0..<10, using: &random)`.
public struct SplitMix64: RandomNumberGenerator {
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

    /// A number from 0 to 1, excluded.
    public mutating func unit() -> Double {
        Double(next() >> 11) / Double(1 << 53)
    }

    /// One of `choices`, each as likely as its weight.
    public mutating func pick<Value>(_ choices: [(Value, Double)]) -> Value {
        let total = choices.reduce(0) { $0 + $1.1 }
        var target = unit() * total
        for (value, weight) in choices {
            target -= weight
            if target < 0 { return value }
        }
        return choices[choices.count - 1].0
    }
}
