/// A person about to be registered is probably someone registered already: nothing was added.
///
/// The front end words it, with its own way of saying “this is a new person” or “use the one registered”.
public struct LikelyDuplicate: Error, Sendable {
    /// The name as it would have been stored.
    public var fullName: String
    /// Who it probably is, most likely first.
    public var candidates: [ParticipantImportReport.Candidate]
}

/// What to do when a person about to be registered is probably someone registered already.
public enum DuplicateChoice: Sendable {
    /// Register nobody and throw ``LikelyDuplicate``.
    case refuse
    /// Register a new person anyway.
    case new
    /// Take the one registered person it probably is; still refused when it could be several.
    case useExisting
}

/// A registration's result: the new person, or the registered one taken instead.
public struct ParticipantRegistration: Sendable {
    public var participant: Participant
    /// Whether ``participant`` was registered before, chosen with ``DuplicateChoice/useExisting``.
    public var isExisting: Bool
}
