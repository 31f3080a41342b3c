/// Where a block of text sits between the top and bottom of its box.
public enum VerticalAlignment: String, Hashable, Sendable {
    case top
    case middle
    case bottom
}
