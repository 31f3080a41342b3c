import Foundation
import Testing

@Suite struct InitEndToEndTests {
    @Test func initCreatesTheDatabaseAndSyncLoadsTheCatalogue() throws {
        // Given a directory without a database
        let programme = try TemporaryProgramme(.noDatabase)

        // When the coordinator creates it and loads the courses
        let created = try programme.succeed(["init"])
        let synced = try programme.succeed(["course", "sync", "--dir", TemporaryProgramme.coursesDirectory.path])

        // Then both say what they did, and the seven courses are there
        #expect(created.stdout.contains("Created a Malaka database at \(programme.databasePath)."))
        #expect(created.stdout.contains("23 regions and 92 districts"))
        #expect(synced.stdout.contains("Course catalogue: 7 added, 0 updated, 0 unchanged."))
        #expect(synced.stdout.contains("added     PS-PARENTING"))
        let courses = try programme.json([CourseJSON].self, ["course", "list"])
        #expect(courses.map(\.code) == [
            "COORD-MEETING", "CR-MONITORING", "CYF-MUNICIPALITY", "PS-PARENTING", "RT-FAMILY-CARE",
            "SEM-INTERAGENCY", "ST-PILOT-MAHALLA",
        ])
    }

    @Test func initOnAnExistingDatabaseKeepsEverything() throws {
        // Given a programme with a participant
        let programme = try TemporaryProgramme()
        try programme.addParticipant("Gulnora Karimova")
        let before = try programme.fingerprint()

        // When init runs again
        let again = try programme.succeed(["init"])

        // Then it only reports the database ready
        #expect(again.stdout.contains("The Malaka database at \(programme.databasePath) is ready."))
        #expect(try programme.fingerprint().changes(since: before) == nil)
    }

    @Test func syncingAnUnchangedCatalogueChangesNothing() throws {
        let programme = try TemporaryProgramme()
        let before = try programme.fingerprint()

        let synced = try programme.succeed(["course", "sync", "--dir", TemporaryProgramme.coursesDirectory.path])

        #expect(synced.stdout.contains("Course catalogue: 0 added, 0 updated, 7 unchanged."))
        #expect(try programme.fingerprint().changes(since: before) == nil)
    }

    @Test func helpAndVersionNeedNoDatabase() throws {
        let programme = try TemporaryProgramme(.noDatabase)

        let help = try MalakaProcess.run(["--help"], in: programme.directory)
        let version = try MalakaProcess.run(["--version"], in: programme.directory)

        #expect(help.status == 0)
        for command in ["init", "course", "region", "event", "participant", "enroll", "unenroll", "attendance"] {
            #expect(help.stdout.contains(command), "help lists \(command)")
        }
        #expect(version.status == 0)
        let number = version.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(number.range(of: #"^\d+\.\d+\.\d+$"#, options: .regularExpression) != nil, "\(version)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: programme.directory.path).isEmpty)
    }
}
