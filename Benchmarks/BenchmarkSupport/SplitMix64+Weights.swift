import TrainingFixtures

/// The benchmarks' generators draw weighted choices from the tests' seeded generator, so that every run of a
/// benchmark generates the same data. For example `random.pick([("uz-Latn", 0.6), ("ru", 0.4)])`.
extension SplitMix64 {
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
