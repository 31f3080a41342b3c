/// What the checker knows of the name printed on the certificate it holds.
public enum NameEvidence: Sendable, Equatable {
    /// Nothing: the name is not compared, and the verdict says so.
    case notGiven
    /// The name as a person read it off the paper and typed it.
    case typed(String)
    /// The name as read from the certificate's file, where it is printed and visible; one of these must be the signed one.
    case printed([String])
    /// The file's name could not be read with certainty, for the reason given; a person must compare it.
    case uncertain(String)
}
