import TrainingCore

extension Access {
    /// Pairs of people the scope sees who may be one person, most likely first: the command line's
    /// `participant duplicates` (cross-script), narrowed to pairs whose two people are both in the scope.
    func duplicatePairs() throws -> [DuplicatePair] {
        try checkQueues()
        return try database.duplicateParticipants().filter { try sees($0.first) && sees($0.second) }
    }

    /// Merges one person the scope sees into another, as `malaka participant merge KEEP OTHER` does.
    func merge(keep: Int64, other: Int64) throws -> ParticipantMerge {
        try checkQueues()
        _ = try participant(id: keep)
        _ = try participant(id: other)
        return try database.mergeParticipants(keep: keep, other: other)
    }

    /// What stands against merging two people the scope sees, as values a page can word.
    func mergeObstacles(keep: Int64, other: Int64) throws -> [MergeObstacle] {
        try checkQueues()
        _ = try participant(id: keep)
        _ = try participant(id: other)
        return try database.mergeObstacles(keep: keep, other: other)
    }

    /// The sync conflicts waiting for a person, about people the scope sees (`malaka conflicts list`).
    /// A conflict about someone no longer here is an administrator's, who sees everything.
    func syncConflicts() throws -> [SyncConflict] {
        try checkQueues()
        return try database.syncConflicts().filter(sees)
    }

    /// Keeps one version of a conflicting identity, as `malaka conflicts resolve N --keep SIDE` does.
    func resolveConflict(id: Int64, keep side: ConflictRule.Side) throws -> SyncConflict {
        try checkQueues()
        guard let conflict = try database.syncConflicts(all: true).first(where: { $0.id == id }), try sees(conflict) else {
            throw Refusal.notFound
        }
        return try database.resolveSyncConflict(id: id, keep: side)
    }

    private func sees(_ conflict: SyncConflict) throws -> Bool {
        if scope.role == .admin { return true }
        guard let id = conflict.participantID else { return false }
        return try sees(participantID: id)
    }

    /// The queues are a coordinator's work (and an administrator's): they change people across events.
    private func checkQueues() throws {
        guard scope.role.handlesCertificates else { throw Refusal.forbidden }
    }
}
