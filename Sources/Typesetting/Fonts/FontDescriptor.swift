/// A font asked for by family and style, such as Noto Sans bold.
///
/// Generic families (`sans-serif`, `serif`, `monospace`) take whatever fontconfig prefers;
/// any other family must be installed, or ``FontLibrary`` throws ``TypesettingError/fontNotFound(family:)``.
public struct FontDescriptor: Hashable, Sendable {
    /// How heavy the strokes are.
    public enum Weight: String, Hashable, Sendable {
        case regular
        case bold
    }

    public var family: String
    public var weight: Weight
    public var italic: Bool

    public init(family: String, weight: Weight = .regular, italic: Bool = false) {
        self.family = family
        self.weight = weight
        self.italic = italic
    }
}
