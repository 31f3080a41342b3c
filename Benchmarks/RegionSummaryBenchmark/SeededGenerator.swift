/// SplitMix64: a small random number generator that gives the same numbers for the same seed on every machine.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number from 0 to 1, excluded.
    mutating func unit() -> Double {
        Double(next() >> 11) / Double(1 << 53)
    }

    /// One of `choices`, each as likely as its weight.
    mutating func pick<Value>(_ choices: [(Value, Double)]) -> Value {
        let total = choices.reduce(0) { $0 + $1.1 }
        var target = unit() * total
        for (value, weight) in choices {
            target -= weight
            if target < 0 { return value }
        }
        return choices[choices.count - 1].0
    }
}
