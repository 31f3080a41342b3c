import Foundation
import GRDB

/// Where the database's history stands: the change log's last entry, and the commits of other connections seen
/// (``CommitWatcher``). Two reads that find the same version read the same data.
public struct ChangeVersion: Hashable, Sendable {
    public var head: Int64
    public var commits: Int64
}

extension AppDatabase {
    /// The database's ``ChangeVersion``, to keep what was computed from it until the next change.
    ///
    /// Every change made through Malaka adds an entry to the change log in its own transaction. A change made
    /// around it (with the `sqlite3` shell) is not logged, but is a commit the watcher sees. So a version that is
    /// the same means nothing was changed in between.
    public func changeVersion() throws -> ChangeVersion {
        let head = try readStatement { db in try Self.changeVersion(db) }
        return ChangeVersion(head: head.head, commits: try commitWatcher?.dataVersion() ?? 0)
    }

    static func changeVersion(_ db: Database) throws -> ChangeVersion {
        // Prepared once per connection: the pages ask before every summary they serve.
        ChangeVersion(head: try Int64.fetchOne(db.cachedStatement(sql: "SELECT coalesce(max(id), 0) FROM change")) ?? 0, commits: 0)
    }

    /// Stops recording changes made through this value's connection for as long as it is open: the change log's
    /// benchmark measures the same writes with and without it.
    @_spi(Benchmarking) public func stopCapturingChanges() throws {
        try dbWriter.writeWithoutTransaction { db in try ChangeTap.of(db).turnOff() }
    }

    /// Writes the rows' versions of the changes made here, as the next import does first
    /// (``catchUpRowVersions(_:)``): the benchmark measures what recording leaves for later.
    @_spi(Benchmarking) public func catchUpRowVersions() throws {
        try dbWriter.write { db in try Self.catchUpRowVersions(db) }
    }
}

/// A connection of its own to the database file that reads nothing but `PRAGMA data_version`, which moves whenever
/// another connection, of this process or of another, commits. Opened at the first question.
final class CommitWatcher: @unchecked Sendable {
    private let path: String
    private let lock = NSLock()
    /// Guarded by `lock`.
    private var connection: DatabaseQueue?

    init?(path: String) {
        guard !path.isEmpty, path != ":memory:", !path.hasPrefix("file::memory:") else { return nil }
        self.path = path
    }

    func dataVersion() throws -> Int64 {
        try lock.withLock {
            if connection == nil {
                connection = try DatabaseQueue(path: path)
            }
            return try connection!.inDatabase { try Int64.fetchOne($0, sql: "PRAGMA data_version") ?? 0 }
        }
    }
}
