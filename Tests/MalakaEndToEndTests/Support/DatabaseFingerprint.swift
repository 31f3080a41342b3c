import Foundation
import GRDB

/// Everything a database file holds, as text, to tell whether a command changed it.
///
/// The schema and every row of every table (GRDB's `dumpContent`), plus what
/// that dump leaves out: the applied migrations and the `application_id` and
/// `user_version` headers. The file is opened read-only.
///
/// For example:
/// ```swift
/// let before = try DatabaseFingerprint(path: path)
/// // … run a command that must be refused …
/// #expect(try DatabaseFingerprint(path: path).changes(since: before) == nil)
/// ```
struct DatabaseFingerprint: Equatable, CustomStringConvertible {
    let text: String

    init(path: String) throws {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        text = try queue.read { db in
            let dump = TextCollector()
            try db.dumpContent(format: .debug(), to: dump)
            let applicationID = try Int.fetchOne(db, sql: "PRAGMA application_id") ?? 0
            let userVersion = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
            var migrations: [String] = []
            if try db.tableExists("grdb_migrations") {
                migrations = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier")
            }
            return """
                \(dump.text)
                application_id: \(applicationID), user_version: \(userVersion)
                migrations: \(migrations.joined(separator: " | "))
                """
        }
    }

    var description: String { text }

    /// The lines that appeared or disappeared since `earlier`, or nil when the content is the same.
    func changes(since earlier: DatabaseFingerprint) -> String? {
        guard self != earlier else { return nil }
        let old = earlier.text.split(separator: "\n", omittingEmptySubsequences: false)
        let new = text.split(separator: "\n", omittingEmptySubsequences: false)
        let removed = old.filter { !new.contains($0) }.map { "- \($0)" }
        let added = new.filter { !old.contains($0) }.map { "+ \($0)" }
        let lines = removed + added
        return lines.isEmpty ? "the same lines in another order or number" : lines.joined(separator: "\n")
    }
}

/// Gathers what GRDB prints; a class, because the dump takes its stream by value.
private final class TextCollector: TextOutputStream {
    var text = ""

    func write(_ string: String) {
        text += string
    }
}
