import Foundation
import GRDB
import Testing
@testable import TrainingCore

/// ``RawStatement``, through which a bundle's import makes its lookups and writes at every row, binds and
/// reads values as GRDB does, and fails as GRDB does.
struct SyncRawStatementTests {
    @Test func valuesAreBoundAndReadAsGRDBDoes() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, a, b, c, d)")
            // Given a row written through the C API with every kind of value
            let values: [String: (any DatabaseValueConvertible)?] = ["a": 42, "b": 2.5, "c": "Gʻulomjon Ғуломжон \"q\"", "d": nil]
            let insert = try RawStatement(db, sql: "INSERT INTO t (uuid, a, b, c, d) VALUES (?, ?, ?, ?, ?)")
            try insert.write(uuid: "u1", id: nil, columns: ["a", "b", "c", "d"], values: values)

            // Then GRDB reads what it would have written itself
            let row = try #require(try Row.fetchOne(db, sql: "SELECT uuid, a, b, c, d, typeof(a), typeof(b), typeof(d) FROM t"))
            #expect(row[0] as String == "u1")
            #expect(row[1] as Int64 == 42)
            #expect(row[2] as Double == 2.5)
            #expect(row[3] as String == "Gʻulomjon Ғуломжон \"q\"")
            #expect(row[4] as String? == nil)
            #expect([row[5], row[6], row[7]] as [String] == ["integer", "real", "null"])

            // And the lookups read it back, nothing for a uuid not there
            let lookup = try RawStatement(db, sql: "SELECT id, c FROM t WHERE uuid = ?")
            lookup.bind(1, "u1")
            #expect(try lookup.step())
            #expect(lookup.int64(0) == db.lastInsertedRowID)
            #expect(lookup.text(1) == "Gʻulomjon Ғуломжон \"q\"")
            lookup.reset()
            lookup.bind(1, "u2")
            #expect(try lookup.int64() == nil)
            let update = try RawStatement(db, sql: "UPDATE t SET a = ? WHERE rowid = ?")
            try update.write(uuid: "u1", id: db.lastInsertedRowID, columns: ["a"], values: ["a": "seven"])
            #expect(try String.fetchOne(db, sql: "SELECT a FROM t") == "seven")
        }
    }

    @Test func aRefusedWriteThrowsTheConstraintAndTheStatementRunsAgain() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, a)")
            let insert = try RawStatement(db, sql: "INSERT INTO t (uuid, a) VALUES (?, ?)")
            try insert.write(uuid: "u1", id: nil, columns: ["a"], values: ["a": 1])

            // When the same uuid is inserted again
            let error = #expect(throws: DatabaseError.self) {
                try insert.write(uuid: "u1", id: nil, columns: ["a"], values: ["a": 2])
            }
            // Then it fails as GRDB's statements fail, and the transaction goes on
            #expect(error?.resultCode == .SQLITE_CONSTRAINT)
            #expect(error?.message?.contains("UNIQUE") == true)
            try insert.write(uuid: "u2", id: nil, columns: ["a"], values: ["a": 3])
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM t") == 2)
        }
    }
}
