/// An installed font that fontconfig chose: its file, the face within it and its family name.
public struct FontFile: Hashable, Sendable, CustomStringConvertible {
    public let path: String
    /// Which face of a collection (`.ttc`) file; 0 for an ordinary font file.
    public let index: Int
    public let family: String

    public init(path: String, index: Int, family: String) {
        self.path = path
        self.index = index
        self.family = family
    }

    public var description: String { index == 0 ? "\(family) (\(path))" : "\(family) (\(path), face \(index))" }

    public static func == (lhs: FontFile, rhs: FontFile) -> Bool {
        lhs.path == rhs.path && lhs.index == rhs.index
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(path)
        hasher.combine(index)
    }
}
