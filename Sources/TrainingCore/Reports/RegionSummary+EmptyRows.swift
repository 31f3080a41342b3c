extension RegionSummary {
    /// The summary without the rows where nothing was held, for a table a person reads: a
    /// programme in three regions is not shown as twenty rows of zeros. The total is unchanged.
    public func withoutEmptyRows() -> RegionSummary {
        var summary = self
        summary.rows.removeAll { $0.figures == Figures() }
        return summary
    }
}
