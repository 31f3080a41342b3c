/// Where each line of text sits between the left and right edges of its box.
public enum TextAlignment: String, Hashable, Sendable {
    case left
    case center
    case right
}
