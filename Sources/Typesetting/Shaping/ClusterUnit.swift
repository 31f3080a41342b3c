/// The smallest piece of a paragraph that a line may break around: one HarfBuzz cluster.
///
/// A ligature such as “fi” is one unit, so a line never splits it.
struct ClusterUnit {
    /// UTF-8 offsets within the paragraph.
    let bytes: Range<Int>
    /// Width in ems.
    let advance: Double
    /// A breaking space, whose width does not count at the end of a line.
    let isSpace: Bool
    /// A hyphen or dash that a line may end after.
    let isHyphen: Bool
    /// How far its ink reaches above the baseline, in ems, marks and offsets included.
    var inkTop: Double = 0
    /// How far its ink reaches below the baseline, in ems, as a positive number.
    var inkBottom: Double = 0
}
