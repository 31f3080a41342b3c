extension ParticipantChanges {
    /// Whether the changes touch only the person's names: the change log calls that correcting a name.
    var touchesOnlyNames: Bool {
        var others = self
        others.fullName = nil
        others.alternateName = nil
        others.clear.remove(.alternateName)
        return others.isEmpty && !isEmpty
    }
}
