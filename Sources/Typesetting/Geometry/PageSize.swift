/// The size of a PDF page in points (1/72 inch).
///
/// For example, a landscape A4 certificate: `PageSize.a4.landscape`.
public struct PageSize: Hashable, Sendable {
    public var width: Double
    public var height: Double

    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// ISO A4, 210 × 297 mm, portrait.
    public static let a4 = PageSize(width: 595.28, height: 841.89)
    /// US Letter, 8.5 × 11 in, portrait.
    public static let letter = PageSize(width: 612, height: 792)

    /// The same page turned so that it is wider than tall.
    public var landscape: PageSize { PageSize(width: max(width, height), height: min(width, height)) }
    /// The same page turned so that it is taller than wide.
    public var portrait: PageSize { PageSize(width: min(width, height), height: max(width, height)) }
}
