/// What one row of a region summary stands for.
public enum ReportGrouping: String, CaseIterable, Hashable, Sendable {
    /// One row per region (viloyat, oblast, city of republican standing).
    case region
    /// One row per district of a single region, and one for events recorded without a district.
    case district
}
