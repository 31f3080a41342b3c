import Foundation
import GRDB
import Testing
@testable import TrainingCore

/// Why two `malaka` processes writing one database never fail with “database is locked”.
///
/// A write transaction that began DEFERRED reads first and takes the write
/// lock at its first write; if another process committed in between, SQLite
/// refuses the upgrade with SQLITE_BUSY at once, whatever the busy timeout.
/// Beginning IMMEDIATE takes the lock first, so the other process waits its
/// turn instead. GRDB 7 begins a writer's transactions IMMEDIATE; this test
/// fails if `AppDatabase.write` ever stops doing so.
@Suite struct WriteTransactionLockTests {
    @Test func aWriteHoldsTheWriteLockBeforeItReadsAnything() throws {
        // Given a database file, and a second connection that gives up at once rather than wait
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("write-lock-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("programme.sqlite").path
        let database = try AppDatabase.open(at: path, creating: true)
        var configuration = Configuration()
        configuration.busyMode = .immediateError
        let other = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? other.close() }

        // When the other connection tries to write while a write has begun but done nothing yet
        var refusal: DatabaseError?
        try database.write(ChangeOperation("test")) { _ in
            do {
                try other.inDatabase { try $0.execute(sql: "BEGIN IMMEDIATE; ROLLBACK") }
            } catch let error as DatabaseError {
                refusal = error
            }
        }

        // Then it was told the database is busy: the write already held the lock
        #expect(refusal?.resultCode == .SQLITE_BUSY, "the other connection could write: \(String(describing: refusal))")
        // And once the write committed, the other connection can write
        try other.inDatabase { try $0.execute(sql: "BEGIN IMMEDIATE; ROLLBACK") }
    }
}

@Suite struct DurabilityTests {
    /// A batch `malaka` reported as done survives a power cut: its commit waits for the disk.
    @Test func theWriterCommitsWithSynchronousFull() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("durability-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try AppDatabase.open(at: directory.appendingPathComponent("programme.sqlite").path, creating: true)

        // GRDB sets NORMAL (1) on a WAL pool's writer; FULL is 2.
        let level = try database.write(ChangeOperation("test")) { try Int.fetchOne($0, sql: "PRAGMA synchronous") }
        #expect(level == 2)
    }
}
