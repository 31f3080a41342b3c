import Foundation
import GRDB
import Testing

@Suite struct DatabaseFileEndToEndTests {
    /// Commands that open the database, each of which must refuse a file that is not right.
    static let commands: [[String]] = [
        ["init"], ["event", "list"], ["participant", "add", "--name", "Gulnora Karimova"],
        ["course", "sync", "--dir", TemporaryProgramme.coursesDirectory.path],
    ]

    // MARK: Where the database is

    @Test func noDatabaseAtThePathIsAnIOErrorAndCreatesNothing() throws {
        let programme = try TemporaryProgramme(.noDatabase)

        for command in Self.commands.dropFirst() {
            let result = try programme.run(command)
            expectRefusal(result, status: 74, mentioning: [programme.databasePath, "malaka init"])
        }

        #expect(try FileManager.default.contentsOfDirectory(atPath: programme.directory.path).isEmpty)
    }

    @Test func anEmptyFileIsLeftEmptyByEveryCommandButInit() throws {
        let programme = try TemporaryProgramme(.noDatabase)
        #expect(FileManager.default.createFile(atPath: programme.databasePath, contents: Data()))

        for command in Self.commands.dropFirst() {
            let result = try programme.run(command)
            expectRefusal(result, status: 74, mentioning: [programme.databasePath, "malaka init"])
        }
        #expect(FileManager.default.contents(atPath: programme.databasePath) == Data())

        _ = try programme.succeed(["init"])
        _ = try programme.succeed(["event", "list"])
    }

    @Test func theMalakaDBVariableIsHonoured() throws {
        let programme = try TemporaryProgramme()

        let added = try MalakaProcess.run(["participant", "add", "--name", "Gulnora Karimova"],
                                          environment: ["MALAKA_DB": programme.databasePath], in: programme.directory)

        #expect(added.status == 0, "\(added)")
        #expect(try programme.json([ParticipantJSON].self, ["participant", "list"]).map(\.fullName) == ["Gulnora Karimova"])
        #expect(!FileManager.default.fileExists(atPath: programme.path("malaka.sqlite")))
    }

    @Test func theMalakaDBVariableNamesAMissingFile() throws {
        let programme = try TemporaryProgramme(.noDatabase)
        let missing = programme.path("elsewhere.sqlite")

        let result = try MalakaProcess.run(["event", "list"], environment: ["MALAKA_DB": missing], in: programme.directory)

        expectRefusal(result, status: 74, mentioning: [missing])
        #expect(try FileManager.default.contentsOfDirectory(atPath: programme.directory.path).isEmpty)
    }

    @Test func theDBOptionWinsOverTheVariable() throws {
        // Given two programmes, the variable pointing at the first
        let first = try TemporaryProgramme()
        let second = try TemporaryProgramme()
        let untouched = try first.fingerprint()

        // When --db names the second
        let added = try MalakaProcess.run(
            ["participant", "add", "--name", "Gulnora Karimova", "--db", second.databasePath],
            environment: ["MALAKA_DB": first.databasePath], in: first.directory)

        // Then the person is in the second only
        #expect(added.status == 0, "\(added)")
        #expect(try second.json([ParticipantJSON].self, ["participant", "list"]).count == 1)
        #expect(try first.fingerprint().changes(since: untouched) == nil)
    }

    @Test func withoutEitherTheDatabaseIsInTheWorkingDirectory() throws {
        let programme = try TemporaryProgramme(.noDatabase)

        let created = try MalakaProcess.run(["init"], in: programme.directory)
        let added = try MalakaProcess.run(["participant", "add", "--name", "Gulnora Karimova"], in: programme.directory)

        #expect(created.status == 0, "\(created)")
        #expect(created.stdout.contains("Created a Malaka database at malaka.sqlite."))
        #expect(added.status == 0, "\(added)")
        #expect(FileManager.default.fileExists(atPath: programme.path("malaka.sqlite")))
    }

    // MARK: Files that are not for this program

    @Test func aTextFileIsRefusedByteForByte() throws {
        let programme = try TemporaryProgramme(.noDatabase)
        try Data("name,phone\nGulnora Karimova,+998 90 123 45 67\n".utf8)
            .write(to: URL(fileURLWithPath: programme.databasePath))

        try expectEveryCommandRefusesUntouched(programme, mentioning: ["not a Malaka database"])
    }

    @Test func anotherApplicationsSQLiteDatabaseIsRefusedByteForByte() throws {
        let programme = try TemporaryProgramme(.noDatabase)
        let other = try DatabaseQueue(path: programme.databasePath)
        try other.write { db in
            try db.execute(sql: "CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT NOT NULL)")
            try db.execute(sql: "INSERT INTO note (text) VALUES ('Buy bread'), ('Call Gulnora')")
        }
        try other.close()

        try expectEveryCommandRefusesUntouched(programme, mentioning: ["is a SQLite database but not a Malaka database"])
    }

    @Test func aDatabaseFromANewerMalakaIsRefusedUnchanged() throws {
        // Given a programme with someone in it, then a migration this program does not know
        let programme = try TemporaryProgramme()
        try programme.addParticipant("Gulnora Karimova")
        let writer = try DatabaseQueue(path: programme.databasePath)
        try writer.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('From the future')")
        }
        try writer.close()
        let bytes = FileManager.default.contents(atPath: programme.databasePath)

        // Then every command refuses it, and it holds what it held
        for command in Self.commands {
            try programme.expectRefused(command, status: 65, mentioning: [programme.databasePath, "newer version"])
        }
        #expect(FileManager.default.contents(atPath: programme.databasePath) == bytes)
    }

    @Test
    func aRefusedNewerDatabaseGetsNoSideFiles() throws {
        let programme = try TemporaryProgramme()
        let writer = try DatabaseQueue(path: programme.databasePath)
        try writer.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('From the future')")
        }
        try writer.close()

        let result = try programme.run(["event", "list"])

        expectRefusal(result, status: 65, mentioning: ["newer version"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: programme.directory.path) == ["programme.sqlite"])
    }

    private func expectEveryCommandRefusesUntouched(
        _ programme: TemporaryProgramme, mentioning fragments: [String], sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let before = FileSnapshot(path: programme.databasePath)
        for command in Self.commands {
            let result = try programme.run(command)
            expectRefusal(result, status: 65, mentioning: [programme.databasePath] + fragments, sourceLocation: sourceLocation)
            #expect(FileSnapshot(path: programme.databasePath) == before, "\(result)", sourceLocation: sourceLocation)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: programme.directory.path) == ["programme.sqlite"],
                "no -wal or -shm file", sourceLocation: sourceLocation)
    }
}
