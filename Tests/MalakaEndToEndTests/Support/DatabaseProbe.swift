import Foundation
import GRDB

/// Reads a database file the way an auditor would after a crash: integrity, foreign keys and chosen rows.
///
/// The connection is read-only, so a probe never repairs or changes what a
/// killed process left; SQLite still replays a committed write-ahead log, as
/// every later `malaka` would.
///
/// For example:
/// ```swift
/// let probe = try DatabaseProbe(path: path)
/// #expect(try probe.integrity() == "ok")
/// let serials = try probe.rows("SELECT serial FROM certificate ORDER BY id")
/// ```
struct DatabaseProbe {
    let path: String

    /// `PRAGMA integrity_check`, its lines joined: "ok" for a sound file.
    func integrity() throws -> String {
        try read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; ") }
    }

    /// How many rows `PRAGMA foreign_key_check` reports: 0 when every reference holds.
    func foreignKeyViolations() throws -> Int {
        try read { db in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").count }
    }

    /// Each row of `sql` as one line, its values separated by `|`.
    func rows(_ sql: String) throws -> [String] {
        try read { db in
            try Row.fetchAll(db, sql: sql).map { row in
                row.databaseValues.map(\.description).joined(separator: "|")
            }
        }
    }

    private func read<T>(_ body: (Database) throws -> T) throws -> T {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(30)
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        return try queue.read(body)
    }
}
