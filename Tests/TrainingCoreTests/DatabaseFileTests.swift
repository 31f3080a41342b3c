import Foundation
import GRDB
import Testing
@testable import TrainingCore

@Suite struct DatabaseFileTests {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("malaka-db-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    @Test func aMissingFileIsNotCreatedUnlessAsked() throws {
        let path = directory.appendingPathComponent("missing.sqlite").path
        #expect(throws: MalakaError.self) { try AppDatabase.open(at: path) }
        #expect(!FileManager.default.fileExists(atPath: path))
        _ = try AppDatabase.open(at: path, creating: true)
        #expect(FileManager.default.fileExists(atPath: path))
        _ = try AppDatabase.open(at: path)
    }

    @Test func usesWALAndForeignKeys() throws {
        let path = directory.appendingPathComponent("wal.sqlite").path
        let database = try AppDatabase.open(at: path, creating: true)
        let (journalMode, foreignKeys) = try database.dbWriter.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Bool.fetchOne(db, sql: "PRAGMA foreign_keys"))
        }
        #expect(journalMode == "wal")
        #expect(foreignKeys == true)
    }

    @Test func anotherApplicationsDatabaseIsRefusedUntouched() throws {
        let path = directory.appendingPathComponent("other.sqlite").path
        let other = try DatabaseQueue(path: path)
        try other.write { try $0.execute(sql: "CREATE TABLE note (text TEXT); INSERT INTO note VALUES ('hello')") }
        try other.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect {
            try AppDatabase.open(at: path)
        } throws: { error in
            (error as? MalakaError)?.message.contains("not a Malaka database") ?? false
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test func aTextFileIsRefusedUntouched() throws {
        let url = directory.appendingPathComponent("notes.sqlite")
        try Data("name,phone\nGulnora,123\n".utf8).write(to: url)
        #expect(throws: MalakaError.self) { try AppDatabase.open(at: url.path, creating: true) }
        #expect(try String(contentsOf: url, encoding: .utf8) == "name,phone\nGulnora,123\n")
    }

    @Test func aDatabaseFromANewerMalakaIsRefused() throws {
        let path = directory.appendingPathComponent("newer.sqlite").path
        let database = try AppDatabase.open(at: path, creating: true)
        try database.dbWriter.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('A migration from the future')")
        }
        #expect {
            try AppDatabase.open(at: path)
        } throws: { error in
            (error as? MalakaError)?.message.contains("newer version of Malaka") ?? false
        }
    }

    @Test func twoConnectionsWritingAtOnceBothSucceed() async throws {
        let path = directory.appendingPathComponent("shared.sqlite").path
        _ = try AppDatabase.open(at: path, creating: true)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<2 {
                group.addTask {
                    let database = try AppDatabase.open(at: path)
                    for index in 0..<50 {
                        _ = try database.addParticipant(ParticipantDraft(fullName: "Writer \(writer) person \(index)"))
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(try AppDatabase.open(at: path).participants().count == 100)
    }
}
