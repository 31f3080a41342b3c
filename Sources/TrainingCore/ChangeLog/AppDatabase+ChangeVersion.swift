import GRDB

/// Where the database's history stands: the change log's last entry, and the rows changed outside
/// Malaka and not recorded yet. Two reads that find the same version read the same data.
public struct ChangeVersion: Hashable, Sendable {
    public var head: Int64
    public var staged: Int64
}

extension AppDatabase {
    /// The database's ``ChangeVersion``, to keep what was computed from it until the next change.
    ///
    /// Every change made through Malaka adds an entry to the change log in its own transaction, and a
    /// row changed by another program (the `sqlite3` shell) is staged by the triggers until the next
    /// write records it, so a version that is the same means nothing was changed in between.
    public func changeVersion() throws -> ChangeVersion {
        try readStatement { db in try Self.changeVersion(db) }
    }

    static func changeVersion(_ db: Database) throws -> ChangeVersion {
        // Prepared once per connection: the pages ask before every summary they serve.
        let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT (SELECT coalesce(max(id), 0) FROM change), (SELECT count(*) FROM rowChange)"))
        return ChangeVersion(head: row?[0] ?? 0, staged: row?[1] ?? 0)
    }
}
