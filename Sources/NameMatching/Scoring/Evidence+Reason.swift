extension Evidence {
    /// One human-readable reason and the weight it carried, so that the
    /// reasons can be listed strongest first.
    ///
    /// For example `Reason(weight: 3.5, text: "same birth year 1987")`.
    struct Reason: Sendable {
        var weight: Double
        var text: String
    }
}
