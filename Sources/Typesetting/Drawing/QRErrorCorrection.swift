/// How much of a QR code may be damaged and still read; higher levels make bigger codes.
public enum QRErrorCorrection: String, Hashable, Sendable {
    /// About 7 % of the code may be lost.
    case low
    /// About 15 %; the usual choice.
    case medium
    /// About 25 %.
    case quartile
    /// About 30 %, for codes that get folded, stamped or signed over.
    case high
}
